package dev.dynamodown.internal.store;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The shard count each namespace was last verified to have, for all the stores of one runtime
 * ({@link ShardCountCheck}): so that a template created for one request (one per tenant, say)
 * does not read the record again, a destroyed namespace is checked again by every template of it,
 * and a template whose count another template has since claimed checks again instead of trusting
 * its own earlier answer.
 * <p>
 * Bounded: beyond {@value #CAPACITY} namespaces the least recently used is forgotten, which costs
 * its next use one more read of the record and nothing else. Thread-safe.
 */
final class VerifiedShardCounts {

	/** How many namespaces are remembered. */
	static final int CAPACITY = 10_000;

	private final Map<StoreLocation, Integer> counts = new LinkedHashMap<>(64, 0.75f, true) {

		@Override
		protected boolean removeEldestEntry(Map.Entry<StoreLocation, Integer> eldest) {
			return size() > CAPACITY;
		}

	};

	/** Whether the namespace at {@code location} was verified to have {@code shards} shards. */
	synchronized boolean isVerified(StoreLocation location, int shards) {
		Integer verified = this.counts.get(location);
		return verified != null && verified == shards;
	}

	/** The namespace at {@code location} was verified to have {@code shards} shards. */
	synchronized void verified(StoreLocation location, int shards) {
		this.counts.put(location, shards);
	}

	/** The namespace's record was deleted, or its table is gone: its next use checks again. */
	synchronized void forget(StoreLocation location) {
		this.counts.remove(location);
	}

}
