package dev.dynamodown.internal.store;

import java.util.List;

import dev.dynamodown.internal.shard.ShardLayout;

/**
 * Maps a store's keys to the hash-key values (partitions) that hold them: a view of the
 * namespace's {@link ShardLayout}. Every request asks it, never the namespace.
 * <p>
 * With one shard the namespace is its only partition, as in {@code dynamo-down}. With {@code n}
 * shards a key lives in the partition of its shard, and a range is read from every partition and
 * merged in key order.
 */
public final class Partitioning {

	private final ShardLayout layout;

	private Partitioning(ShardLayout layout) {
		this.layout = layout;
	}

	/** The partitions of a namespace laid out over its shards. */
	public static Partitioning of(ShardLayout layout) {
		return new Partitioning(layout);
	}

	/** The hash-key value of the item that holds {@code key}. */
	public String partitionFor(String key) {
		return this.layout.partitionFor(key);
	}

	/** Every hash-key value the store's items may have, shard 0 first; each is read in key order. */
	public List<String> partitions() {
		return this.layout.partitions();
	}

	/** The layout behind this view: shard count and the record of it. */
	public ShardLayout layout() {
		return this.layout;
	}

}
