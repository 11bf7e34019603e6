package dev.dynamodown.benchmarks.store;

import java.util.List;
import java.util.Map;

/** Multi-item reads and writes, many keys per request. */
public interface BulkStore {

	/**
	 * Reads the given keys.
	 * @return the number of keys found
	 */
	long getAll(List<String> keys);

	/** Writes every entry; unprocessed items are retried until all are written. */
	void write(Map<String, String> entries);

	/**
	 * Deletes every item of the namespace.
	 * @return the number of items deleted
	 */
	long clear();

}
