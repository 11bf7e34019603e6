package dev.dynamodown.internal.batch;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;

import dev.dynamodown.DynamoDownException;
import dev.dynamodown.DynamoDownOptions;
import dev.dynamodown.internal.schema.TableSchema;
import dev.dynamodown.internal.store.Store;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

/**
 * Reads many keys with strongly consistent {@code BatchGetItem} requests of up to
 * {@value #CHUNK_SIZE} keys, several in flight at once. Keys DynamoDB leaves unprocessed are
 * re-sent after an exponential backoff with full jitter, up to
 * {@link DynamoDownOptions#maxBatchAttempts()} requests per chunk; then, or when a request fails,
 * the whole read fails. Not atomic: each request is a separate read.
 */
public final class BatchGetter {

	/** DynamoDB's limit of keys per {@code BatchGetItem} request. */
	public static final int CHUNK_SIZE = 100;

	private final Store store;

	private final ChunkRunner runner;

	private final Backoff backoff;

	private final int maxAttempts;

	public BatchGetter(Store store) {
		DynamoDownOptions options = store.runtime().options();
		this.store = store;
		this.runner = new ChunkRunner(store.runtime().pool(), options.batchConcurrency());
		this.backoff = new Backoff(options.retryBaseDelay(), options.retryMaxDelay());
		this.maxAttempts = options.maxBatchAttempts();
	}

	/**
	 * Reads the items of distinct, valid keys.
	 * @param keys the keys, without duplicates
	 * @return the value attributes of each key that exists, in no particular order
	 * @throws DynamoDownException if keys stay unprocessed or a request fails
	 */
	public Map<String, Map<String, AttributeValue>> get(List<String> keys) {
		Map<String, Map<String, AttributeValue>> found = new ConcurrentHashMap<>();
		List<List<Map<String, AttributeValue>>> chunks = new ArrayList<>();
		for (int from = 0; from < keys.size(); from += CHUNK_SIZE) {
			chunks.add(keys.subList(from, Math.min(from + CHUNK_SIZE, keys.size())).stream().map(this.store::key).toList());
		}
		this.runner.run(chunks, (chunk, stop) -> read(chunk, found, stop));
		return found;
	}

	private boolean read(List<Map<String, AttributeValue>> chunk, Map<String, Map<String, AttributeValue>> found,
			BooleanSupplier stop) {
		TableSchema schema = this.store.schema();
		List<Map<String, AttributeValue>> pending = chunk;
		for (int attempt = 1;; attempt++) {
			if (attempt > 1) {
				pause(attempt - 1, stop);
				this.store.batchRetried(pending.size());
			}
			KeysAndAttributes request = KeysAndAttributes.builder().keys(pending).consistentRead(true).build();
			BatchGetItemResponse response = this.store.client()
				.batchGetItem((r) -> r.requestItems(Map.of(this.store.table(), request)));
			for (Map<String, AttributeValue> item : response.responses().getOrDefault(this.store.table(), List.of())) {
				found.put(schema.rangeValue(item), schema.valueAttributes(item));
			}
			KeysAndAttributes unprocessed = response.hasUnprocessedKeys()
					? response.unprocessedKeys().get(this.store.table()) : null;
			pending = (unprocessed != null) ? unprocessed.keys() : List.of();
			if (pending.isEmpty()) {
				return true;
			}
			if (attempt >= this.maxAttempts) {
				throw new DynamoDownException(this.store.describe("getAll") + ": " + pending.size()
						+ " keys still unprocessed after " + this.maxAttempts + " attempts");
			}
		}
	}

	private void pause(int retry, BooleanSupplier stop) {
		if (stop.getAsBoolean()) {
			throw new DynamoDownException(this.store.describe("getAll") + " was stopped");
		}
		try {
			this.backoff.pause(retry);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new DynamoDownException(this.store.describe("getAll") + " was interrupted", ex);
		}
	}

}
