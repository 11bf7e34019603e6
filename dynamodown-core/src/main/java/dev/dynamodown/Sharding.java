package dev.dynamodown;

import dev.dynamodown.internal.shard.ShardLayout;
import org.jspecify.annotations.Nullable;

/**
 * How many partition-key values (shards) a namespace is spread over. Immutable; compare with
 * {@link #equals}.
 * <pre>{@code
 * SortedKeyValueTemplate<Event> events =
 *     dd.template("my-table", "events", ValueCodec.json(Event.class), Sharding.shards(16));
 * }</pre>
 * One DynamoDB partition-key value serves about 1,000 writes/s and 3,000 strongly consistent
 * reads/s, and a store of ascending keys (timestamps, sequence numbers) writes every new item to
 * the same one. A sharded namespace puts each key on one of {@code n} partition-key values, chosen
 * by a fixed hash of the key's UTF-8 bytes, and merges the {@code n} back in key order when it
 * reads a range.
 * <p>
 * <b>What stays the same.</b> The whole contract of {@link SortedKeyValueOperations} and
 * {@link AsyncSortedKeyValueOperations}: UTF-8 key order, exact bounds, prefixes, reverse, limits,
 * the batch promise, {@code putIfAbsent}, {@code atomicBatch}. Single-key operations are exactly as
 * atomic as before (a key lives in one shard); nothing that was not atomic becomes atomic.
 * <p>
 * <b>What it costs.</b> Point operations and batches cost the same requests (the shard is computed
 * locally, and a batch request may mix shards). A range read sends one {@code Query} per shard and
 * page, all shards at once; {@code range(r.limit(k))} asks each shard for at most {@code k} items,
 * so it may read up to {@code n × k} items to return {@code k}, and the first entries arrive after
 * about one {@code Query}'s latency. {@code count} and {@code clear} read every shard. Each
 * {@code Query} is rounded up to a whole read unit, so a range read costs up to {@code n} read units
 * more than unsharded, and an empty range {@code n} units instead of 1. {@code count} and
 * {@code clear} across shards are not atomic (they were not before either: they page).
 * <p>
 * <b>The recorded count.</b> The count is part of where items live, so it is recorded in the table
 * when a sharded namespace is first written, and a store opened with another count fails with a
 * {@link DynamoDownException} naming both, before it could miss an item. Each store (template)
 * reads the record once, before its first request that reads or writes items; a store of a
 * sharded namespace also claims it (one conditional {@code PutItem}) before its first write.
 * {@link #none()} (one shard, the default) writes nothing: its items are laid out exactly as
 * npm {@code dynamo-down} lays them out and reads them.
 * <p>
 * To move a namespace to another count, copy it with a range read and batches into a namespace of
 * the new count (see the module's {@code SHARDING.md}).
 */
public final class Sharding {

	/** The most shards a namespace may have. */
	public static final int MAX_SHARDS = ShardLayout.MAX_SHARDS;

	private static final Sharding NONE = new Sharding(1);

	private final int shards;

	private Sharding(int shards) {
		this.shards = shards;
	}

	/**
	 * A namespace spread over {@code n} partition-key values.
	 * @param n the shard count, 1 to {@value #MAX_SHARDS}; 1 is the unsharded layout
	 * @return the sharding
	 * @throws IllegalArgumentException if {@code n} is out of range
	 */
	public static Sharding shards(int n) {
		ShardLayout.requireValidCount(n);
		return (n == 1) ? NONE : new Sharding(n);
	}

	/**
	 * One shard: the namespace is one partition-key value, as in npm {@code dynamo-down}. The
	 * default of every template.
	 * @return {@code shards(1)}
	 */
	public static Sharding none() {
		return NONE;
	}

	/**
	 * The shard count.
	 * @return 1 to {@value #MAX_SHARDS}
	 */
	public int count() {
		return this.shards;
	}

	/**
	 * Whether the namespace is spread over more than one partition-key value.
	 * @return {@code count() > 1}
	 */
	public boolean isSharded() {
		return this.shards > 1;
	}

	@Override
	public boolean equals(@Nullable Object other) {
		return this == other || (other instanceof Sharding sharding && sharding.shards == this.shards);
	}

	@Override
	public int hashCode() {
		return this.shards;
	}

	@Override
	public String toString() {
		return "Sharding.shards(" + this.shards + ")";
	}

}
