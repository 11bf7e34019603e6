package dev.dynamodown.internal.store;

import java.util.List;

/**
 * Maps a store's keys to the hash-key values (partitions) that hold them.
 * <p>
 * Today a store is exactly one partition, its namespace, as in {@code dynamo-down}: every key
 * maps to it. Every operation asks this class instead of using the namespace directly, so that
 * write sharding (one namespace spread over several hash-key values, range reads merging one
 * ordered query per partition) can later be introduced here and in the query package without
 * changing the public API.
 */
public final class Partitioning {

	private final String namespace;

	private Partitioning(String namespace) {
		this.namespace = namespace;
	}

	/** One partition: the namespace itself. */
	public static Partitioning single(String namespace) {
		return new Partitioning(namespace);
	}

	/** The hash-key value of the item that holds {@code key}. */
	public String partitionFor(String key) {
		return this.namespace;
	}

	/** Every hash-key value the store's items may have, each read in key order. */
	public List<String> partitions() {
		return List.of(this.namespace);
	}

}
