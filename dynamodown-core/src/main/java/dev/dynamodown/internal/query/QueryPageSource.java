package dev.dynamodown.internal.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;
import java.util.function.Function;

import dev.dynamodown.KeyRange;
import dev.dynamodown.internal.paging.Page;
import dev.dynamodown.internal.paging.PageSource;
import dev.dynamodown.internal.schema.TableSchema;
import dev.dynamodown.internal.store.Store;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * The items of a range of ONE partition, read page by page with {@code Query}, for either edge:
 * the {@link PageSource} behind range streams and publishers, {@code list}, and {@code clear}, of
 * an unsharded store, and of each shard of a sharded one ({@link RangeSources} merges them).
 * <ul>
 * <li>Nothing is read before the first {@link #next()}, not even the table's layout; a range
 * that selects nothing completes with the last page without any request. Before the first
 * {@code Query} the store's shard count is checked ({@link Store#readable}), once per range read
 * however many shards it reads ({@link RangeSources}).</li>
 * <li>The second page is requested when the first one is asked for again. From the second page
 * on, a consumer is evidently scanning, so the page after the one delivered is requested at once
 * where the edge forks work ({@link PageFetch}): decoding overlaps with the server producing the
 * next page. Never more than one page ahead.</li>
 * <li>Every item returned belongs to the range ({@link QueryPlan}) and, unless the read keeps
 * expired items ({@link RangeRead#EVERY_KEY}), has not expired: DynamoDB filters the expired ones
 * out, with the clock read when each request is sent. So nothing is dropped here, and a page
 * may be empty without being the last.</li>
 * <li>With a limit, each request asks for just the entries still needed, and a page is read ahead
 * only if the limit needs it: no page is read that the limit does not need. Query's
 * {@code Limit} counts the items DynamoDB reads before filtering, so a request returns at most
 * that many entries, fewer when some had expired; the source then asks again from where it
 * stopped, for the entries still missing, until the limit is reached or the range ends. No request
 * reads an item the limit does not need, and the limit counts returned entries exactly.</li>
 * <li>Items are mapped (decoded) when their page arrives; a mapping failure fails the page.</li>
 * <li>Failures are the edge's, untranslated: the read it belongs to ({@link TrackedPageSource})
 * tracks its pages as work in flight and translates what they fail with.</li>
 * </ul>
 *
 * @param <T> the item type
 */
public final class QueryPageSource<T> implements PageSource<T> {

	private final Store store;

	private final String partition;

	private final KeyRange range;

	private final RangeRead read;

	private final BiFunction<TableSchema, Map<String, AttributeValue>, T> mapper;

	private final Function<TableSchema, CompletableFuture<Void>> readable;

	private @Nullable TableSchema schema;

	private @Nullable QueryPlan plan;

	/** Entries still to return, or -1 for no limit. */
	private long remaining;

	private @Nullable Map<String, AttributeValue> nextStart;

	private int pagesFetched;

	/** The page after the one delivered, requested ahead, or {@code null}. */
	private volatile @Nullable PageFetch ahead;

	private volatile boolean closed;

	/**
	 * A source for a range of one partition of a store.
	 * @param store the store
	 * @param partition the hash-key value to read, one of the store's partitions
	 * @param range the keys to read
	 * @param read what to read; not {@link RangeRead#COUNT}
	 * @param mapper makes an item of the sequence from an item read
	 * @param readable the check of the store's shard count before the first {@code Query}
	 * (e.g. {@link Store#readable})
	 */
	public QueryPageSource(Store store, String partition, KeyRange range, RangeRead read,
			BiFunction<TableSchema, Map<String, AttributeValue>, T> mapper,
			Function<TableSchema, CompletableFuture<Void>> readable) {
		this.store = store;
		this.partition = partition;
		this.readable = readable;
		this.range = range;
		this.read = read;
		this.mapper = mapper;
		this.remaining = range.hasLimit() ? range.limitValue() : -1;
	}

	@Override
	public CompletableFuture<Page<T>> next() {
		if (this.closed) {
			return CompletableFuture.failedFuture(new CancellationException("The range read was closed"));
		}
		try {
			return fetch();
		}
		catch (RuntimeException | Error ex) {
			return CompletableFuture.failedFuture(ex);
		}
	}

	@Override
	public void close() {
		this.closed = true;
		PageFetch fetch = this.ahead;
		if (fetch != null) {
			fetch.abandon();
			this.ahead = null;
		}
	}

	private CompletableFuture<Page<T>> fetch() {
		if (this.pagesFetched == 0 && this.plan == null) {
			return first();
		}
		PageFetch fetch = this.ahead;
		this.ahead = null;
		CompletableFuture<QueryResponse> response = (fetch != null) ? fetch.get() : query(this.remaining, this.nextStart);
		return response.thenApply(this::page);
	}

	private CompletableFuture<Page<T>> first() {
		if (this.range.isEmpty()) {
			return CompletableFuture.completedFuture(Page.end());
		}
		return this.store.schema().thenCompose((schema) -> {
			this.schema = schema;
			this.plan = QueryPlan.of(this.range, schema, this.partition).orElse(null);
			return (this.plan == null) ? CompletableFuture.completedFuture(Page.end())
					: this.readable.apply(schema).thenCompose((checked) -> query(this.remaining, null)).thenApply(this::page);
		});
	}

	private Page<T> page(QueryResponse response) {
		this.pagesFetched++;
		List<Map<String, AttributeValue>> items = response.items();
		if (this.remaining >= 0) {
			this.remaining = Math.max(0, this.remaining - items.size());
		}
		this.nextStart = (response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty())
				? response.lastEvaluatedKey() : null;
		boolean last = this.nextStart == null || this.remaining == 0;
		List<T> mapped = new ArrayList<>(items.size());
		for (Map<String, AttributeValue> item : items) {
			mapped.add(this.mapper.apply(this.schema, item));
		}
		if (!last && this.pagesFetched >= 2 && !this.closed) {
			long wanted = this.remaining;
			Map<String, AttributeValue> start = this.nextStart;
			this.ahead = PageFetch.start(() -> query(wanted, start), this.store.calls());
		}
		return new Page<>(mapped, last);
	}

	/**
	 * Sends the request for a page.
	 * @param wanted how many items to ask for at most, or -1 for no limit
	 * @param start where the page starts, or {@code null} for the first page
	 */
	private CompletableFuture<QueryResponse> query(long wanted, @Nullable Map<String, AttributeValue> start) {
		// clear's reads decide what it deletes: always strongly consistent.
		boolean consistent = this.read == RangeRead.EVERY_KEY || this.store.consistentReads();
		QueryRequest.Builder request = this.plan.request(this.store.table(), this.read, consistent,
				this.store.expiry().now());
		if (wanted >= 0) {
			request.limit((int) Math.min(wanted, Integer.MAX_VALUE));
		}
		if (start != null) {
			request.exclusiveStartKey(start);
		}
		return this.store.calls().query(request.build());
	}

}
