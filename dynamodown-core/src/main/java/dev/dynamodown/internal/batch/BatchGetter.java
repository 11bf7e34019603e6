package dev.dynamodown.internal.batch;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import dev.dynamodown.DynamoDownException;
import dev.dynamodown.DynamoDownOptions;
import dev.dynamodown.internal.schema.TableSchema;
import dev.dynamodown.internal.store.Store;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

/**
 * Reads many keys with {@code BatchGetItem} requests of up to {@value #CHUNK_SIZE} keys (strongly
 * consistent unless the store reads eventually consistent), at most
 * {@link DynamoDownOptions#batchConcurrency()} in flight ({@link ChunkLanes}). An item whose
 * expiry time has passed when its request is sent is left out, as if absent. Keys DynamoDB leaves unprocessed are re-sent after a scheduled backoff
 * with full jitter, up to {@link DynamoDownOptions#maxBatchAttempts()} requests per chunk; then,
 * or when a request fails, the whole read fails: no partial result. Not atomic: each request is a
 * separate read.
 */
public final class BatchGetter {

	/** DynamoDB's limit of keys per {@code BatchGetItem} request. */
	public static final int CHUNK_SIZE = 100;

	private final Store store;

	private final TableSchema schema;

	public BatchGetter(Store store, TableSchema schema) {
		this.store = store;
		this.schema = schema;
	}

	/**
	 * Prepares reading the items of distinct, valid keys; nothing is sent before {@link Run#start()}.
	 * @param keys the keys, without duplicates
	 * @return the run
	 */
	public Run prepare(List<String> keys) {
		return new Run(keys);
	}

	/** One read in progress. */
	public final class Run {

		private final Map<String, Map<String, AttributeValue>> found = new ConcurrentHashMap<>();

		private final ChunkLanes<Map<String, AttributeValue>> lanes;

		private final CompletableFuture<Map<String, Map<String, AttributeValue>>> result = new CompletableFuture<>();

		private Run(List<String> keys) {
			List<List<Map<String, AttributeValue>>> chunks = new ArrayList<>();
			for (int from = 0; from < keys.size(); from += CHUNK_SIZE) {
				chunks.add(keys.subList(from, Math.min(from + CHUNK_SIZE, keys.size()))
					.stream()
					.map((key) -> BatchGetter.this.store.key(BatchGetter.this.schema, key))
					.toList());
			}
			this.lanes = new ChunkLanes<>(BatchGetter.this.store, chunks, this::send);
		}

		/** Starts sending; the first lane runs on the calling thread until it first waits. */
		public void start() {
			this.lanes.run().whenComplete((ended, never) -> finish());
		}

		/**
		 * The value attributes of each key that exists, in no particular order; or the first
		 * failure, or a {@link DynamoDownException} if keys stayed unprocessed.
		 */
		public CompletableFuture<Map<String, Map<String, AttributeValue>>> result() {
			return this.result;
		}

		/** Sends nothing more; the operation reports the stop. */
		public void stop(Throwable reason) {
			this.lanes.stop();
		}

		private CompletableFuture<List<Map<String, AttributeValue>>> send(List<Map<String, AttributeValue>> keys) {
			String table = BatchGetter.this.store.table();
			Store store = BatchGetter.this.store;
			KeysAndAttributes request = KeysAndAttributes.builder().keys(keys).consistentRead(store.consistentReads()).build();
			BigDecimal now = store.expiry().now();
			return store.calls()
				.batchGetItem(BatchGetItemRequest.builder().requestItems(Map.of(table, request)).build())
				.thenApply((response) -> {
					for (Map<String, AttributeValue> item : response.responses().getOrDefault(table, List.of())) {
						if (!store.expiry().expired(item, now)) {
							this.found.put(BatchGetter.this.schema.rangeValue(item), BatchGetter.this.schema.valueAttributes(item));
						}
					}
					KeysAndAttributes unprocessed = response.hasUnprocessedKeys() ? response.unprocessedKeys().get(table) : null;
					return (unprocessed != null) ? unprocessed.keys() : List.of();
				});
		}

		private void finish() {
			List<Throwable> failures = this.lanes.failures();
			if (!failures.isEmpty()) {
				failures.subList(1, failures.size()).forEach(failures.get(0)::addSuppressed);
				this.result.completeExceptionally(failures.get(0));
			}
			else if (this.lanes.exhausted() > 0) {
				this.result.completeExceptionally(new DynamoDownException(BatchGetter.this.store.describe("getAll") + ": "
						+ this.lanes.exhausted() + " keys still unprocessed after " + this.lanes.maxAttempts() + " attempts"));
			}
			else {
				this.result.complete(this.found);
			}
		}

	}

}
