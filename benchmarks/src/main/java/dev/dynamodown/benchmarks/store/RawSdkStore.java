package dev.dynamodown.benchmarks.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.DeleteRequest;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * The plain AWS SDK v2 contender: the requests a careful developer writes by hand for the same item layout
 * ({@code ns} = namespace, {@code k} = key, {@code value} = the string).
 * <p>
 * The {@link BulkStore} methods are the usual sequential loops (one request at a time); the overloads taking
 * {@code inFlight} send that many requests concurrently and are only used to find the server's ceiling.
 * Unprocessed items and keys are retried with exponential backoff, as the DynamoDB documentation asks.
 */
public final class RawSdkStore implements PointStore, RangeStore, BulkStore {

	private static final int BATCH_WRITE_LIMIT = 25;

	private static final int BATCH_GET_LIMIT = 100;

	private static final int MAX_ATTEMPTS = 10;

	static final String HASH = "ns";

	static final String RANGE = "k";

	static final String VALUE = "value";

	private final DynamoDbClient client;

	private final String table;

	private final AttributeValue namespace;

	private final ExecutorService pool;

	public RawSdkStore(DynamoDbClient client, String table, String namespace, ExecutorService pool) {
		this.client = client;
		this.table = table;
		this.namespace = AttributeValue.fromS(namespace);
		this.pool = pool;
	}

	@Override
	public void put(String key, String value) {
		this.client.putItem(request -> request.tableName(this.table).item(item(key, value)));
	}

	@Override
	public @Nullable String get(String key) {
		Map<String, AttributeValue> item = this.client.getItem(request -> request.tableName(this.table).key(key(key)))
			.item();
		return item.isEmpty() ? null : item.get(VALUE).s();
	}

	@Override
	public long getAll(List<String> keys) {
		return getAll(keys, 1);
	}

	/** {@link #getAll(List)} with {@code inFlight} {@code BatchGetItem} requests at a time. */
	public long getAll(List<String> keys, int inFlight) {
		AtomicLong found = new AtomicLong();
		InFlight requests = new InFlight(this.pool, inFlight);
		for (int from = 0; from < keys.size(); from += BATCH_GET_LIMIT) {
			List<String> chunk = keys.subList(from, Math.min(from + BATCH_GET_LIMIT, keys.size()));
			requests.submit(() -> found.addAndGet(batchGet(chunk)));
		}
		requests.awaitAll();
		return found.get();
	}

	@Override
	public void write(Map<String, String> entries) {
		write(entries, 1);
	}

	/** {@link #write(Map)} with {@code inFlight} {@code BatchWriteItem} requests at a time. */
	public void write(Map<String, String> entries, int inFlight) {
		ChunkedWrites writes = new ChunkedWrites(new InFlight(this.pool, inFlight));
		for (Map.Entry<String, String> entry : entries.entrySet()) {
			writes.add(WriteRequest.builder()
				.putRequest(PutRequest.builder().item(item(entry.getKey(), entry.getValue())).build())
				.build());
		}
		writes.finish();
	}

	@Override
	public long scan(boolean reverse) {
		return this.client.queryPaginator(query().scanIndexForward(!reverse).build())
			.items()
			.stream()
			.filter(item -> Values.isPresent(item.get(VALUE).s()))
			.count();
	}

	/**
	 * Reads the namespace as {@code segments.size()} concurrent Queries, each over the inclusive key range
	 * {@code [segment[0], segment[1]]}: a ceiling only, since it needs to know the key distribution in advance
	 * and delivers the items out of order.
	 */
	public long scanSegments(List<String[]> segments, boolean reverse) {
		AtomicLong read = new AtomicLong();
		InFlight requests = new InFlight(this.pool, segments.size());
		for (String[] segment : segments) {
			requests.submit(() -> read.addAndGet(this.client
				.queryPaginator(query().keyConditionExpression("#ns = :ns AND #k BETWEEN :from AND :to")
					.expressionAttributeNames(Map.of("#ns", HASH, "#k", RANGE))
					.expressionAttributeValues(Map.of(":ns", this.namespace, ":from", AttributeValue.fromS(segment[0]),
							":to", AttributeValue.fromS(segment[1])))
					.scanIndexForward(!reverse)
					.build())
				.items()
				.stream()
				.filter(item -> Values.isPresent(item.get(VALUE).s()))
				.count()));
		}
		requests.awaitAll();
		return read.get();
	}

	/**
	 * {@link #scan(boolean)} with the next page requested, on the pool, as soon as a page arrives, before its
	 * items are consumed: a ceiling only, the most a client can overlap while one partition's pages come one
	 * after the other (each request needs the previous page's last key).
	 */
	public long scanPrefetching(boolean reverse) {
		QueryRequest request = query().scanIndexForward(!reverse).build();
		Future<QueryResponse> next = this.pool.submit(() -> this.client.query(request));
		long read = 0;
		while (next != null) {
			QueryResponse page = await(next);
			Map<String, AttributeValue> lastKey = page.lastEvaluatedKey();
			next = lastKey.isEmpty() ? null
					: this.pool.submit(() -> this.client.query(request.toBuilder().exclusiveStartKey(lastKey).build()));
			read += page.items().stream().filter(item -> Values.isPresent(item.get(VALUE).s())).count();
		}
		return read;
	}

	@Override
	public long first(int n) {
		return this.client.query(query().limit(n).build())
			.items()
			.stream()
			.filter(item -> Values.isPresent(item.get(VALUE).s()))
			.count();
	}

	@Override
	public long clear() {
		return clear(1);
	}

	/**
	 * {@link #clear()} with {@code inFlight} {@code BatchWriteItem} requests at a time; the keys are read by one
	 * Query (paged) that reads no value attributes.
	 */
	public long clear(int inFlight) {
		ChunkedWrites deletes = new ChunkedWrites(new InFlight(this.pool, inFlight));
		long deleted = 0;
		QueryRequest keysOnly = query().projectionExpression("#ns, #k")
			.expressionAttributeNames(Map.of("#ns", HASH, "#k", RANGE))
			.build();
		for (Map<String, AttributeValue> key : this.client.queryPaginator(keysOnly).items()) {
			deletes.add(WriteRequest.builder().deleteRequest(DeleteRequest.builder().key(key).build()).build());
			deleted++;
		}
		deletes.finish();
		return deleted;
	}

	/** Groups writes into {@code BatchWriteItem} chunks of 25, each sent as soon as it is full. */
	private final class ChunkedWrites {

		private final InFlight requests;

		private List<WriteRequest> chunk = new ArrayList<>(BATCH_WRITE_LIMIT);

		ChunkedWrites(InFlight requests) {
			this.requests = requests;
		}

		void add(WriteRequest write) {
			this.chunk.add(write);
			if (this.chunk.size() == BATCH_WRITE_LIMIT) {
				send();
			}
		}

		/** Sends the last, partial chunk and waits for every request. */
		void finish() {
			if (!this.chunk.isEmpty()) {
				send();
			}
			this.requests.awaitAll();
		}

		private void send() {
			List<WriteRequest> full = this.chunk;
			this.requests.submit(() -> batchWrite(full));
			this.chunk = new ArrayList<>(BATCH_WRITE_LIMIT);
		}

	}

	private QueryRequest.Builder query() {
		return QueryRequest.builder()
			.tableName(this.table)
			.keyConditionExpression("#ns = :ns")
			.expressionAttributeNames(Map.of("#ns", HASH))
			.expressionAttributeValues(Map.of(":ns", this.namespace));
	}

	private void batchWrite(List<WriteRequest> writes) {
		Map<String, List<WriteRequest>> pending = Map.of(this.table, writes);
		for (int attempt = 1; !pending.isEmpty(); attempt++) {
			if (attempt > MAX_ATTEMPTS) {
				throw new IllegalStateException("BatchWriteItem left items unprocessed after " + MAX_ATTEMPTS + " attempts");
			}
			backOff(attempt);
			Map<String, List<WriteRequest>> requestItems = pending;
			BatchWriteItemResponse response = this.client.batchWriteItem(request -> request.requestItems(requestItems));
			pending = response.unprocessedItems();
		}
	}

	private long batchGet(List<String> keys) {
		List<Map<String, AttributeValue>> keyList = keys.stream().map(this::key).toList();
		Map<String, KeysAndAttributes> pending = Map.of(this.table, KeysAndAttributes.builder().keys(keyList).build());
		long found = 0;
		for (int attempt = 1; !pending.isEmpty(); attempt++) {
			if (attempt > MAX_ATTEMPTS) {
				throw new IllegalStateException("BatchGetItem left keys unprocessed after " + MAX_ATTEMPTS + " attempts");
			}
			backOff(attempt);
			Map<String, KeysAndAttributes> requestItems = pending;
			BatchGetItemResponse response = this.client.batchGetItem(request -> request.requestItems(requestItems));
			found += response.responses()
				.getOrDefault(this.table, List.of())
				.stream()
				.filter(item -> Values.isPresent(item.get(VALUE).s()))
				.count();
			pending = response.unprocessedKeys();
		}
		return found;
	}

	private static QueryResponse await(Future<QueryResponse> page) {
		try {
			return page.get();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting for a page", ex);
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof RuntimeException failure) {
				throw failure;
			}
			throw new IllegalStateException(ex.getCause());
		}
	}

	/** Nothing before the first attempt, then 50 ms doubling (DynamoDB asks for backoff on unprocessed items). */
	private static void backOff(int attempt) {
		if (attempt == 1) {
			return;
		}
		try {
			Thread.sleep(50L << Math.min(attempt - 2, 6));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while backing off", ex);
		}
	}

	private Map<String, AttributeValue> key(String key) {
		return Map.of(HASH, this.namespace, RANGE, AttributeValue.fromS(key));
	}

	private Map<String, AttributeValue> item(String key, String value) {
		return Map.of(HASH, this.namespace, RANGE, AttributeValue.fromS(key), VALUE, AttributeValue.fromS(value));
	}

}
