package dev.dynamodown.benchmarks.store;

import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** Multi-item writes and deletes on an asynchronous client, many keys per request. */
public interface AsyncBulkStore {

	/** Writes every entry; completes when all are written. */
	CompletableFuture<Void> write(Map<String, String> entries);

	/**
	 * Deletes every item of the namespace.
	 * @return completes with the number of items deleted
	 */
	CompletableFuture<Long> clear();

}
