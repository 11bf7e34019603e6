package dev.dynamodown.internal.store;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The shard count each namespace was last verified to have, for all the stores of one runtime
 * ({@link ShardCountCheck}): so that a template created for one request (one per tenant, say)
 * does not read the record again, a destroyed namespace is checked again by every template of it,
 * and a template whose count another template has since claimed checks again instead of trusting
 * its own earlier answer.
 * <p>
 * Asked before every request that reads or writes items, so the lookup takes no lock. Bounded:
 * when {@value #CAPACITY} namespaces are remembered, all are forgotten before the next is added,
 * which costs each of them one more read of the record at its next use and nothing else.
 * Thread-safe.
 */
final class VerifiedShardCounts {

	/** How many namespaces are remembered at most. */
	static final int CAPACITY = 10_000;

	private final Map<StoreLocation, Integer> counts = new ConcurrentHashMap<>();

	/** Whether the namespace at {@code location} was verified to have {@code shards} shards. */
	boolean isVerified(StoreLocation location, int shards) {
		Integer verified = this.counts.get(location);
		return verified != null && verified == shards;
	}

	/** The namespace at {@code location} was verified to have {@code shards} shards. */
	void verified(StoreLocation location, int shards) {
		if (this.counts.size() >= CAPACITY && !this.counts.containsKey(location)) {
			this.counts.clear();
		}
		this.counts.put(location, shards);
	}

	/** The namespace's record was deleted, or its table is gone: its next use checks again. */
	void forget(StoreLocation location) {
		this.counts.remove(location);
	}

}
