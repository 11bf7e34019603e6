package dev.dynamodown.internal.shard;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

import dev.dynamodown.internal.Keys;
import org.jspecify.annotations.Nullable;

/**
 * Where the items of a namespace live: the hash-key value (partition) of each key, for a
 * namespace spread over {@code n} shards.
 * <ul>
 * <li><b>One shard</b> is the layout of {@code dynamo-down} and of every store before sharding:
 * every item's hash-key value is the namespace itself.</li>
 * <li><b>n &gt; 1 shards</b>: the key goes to shard {@code i = }{@link ShardHash#shardOf
 * shardOf(key, n)}, whose hash-key value is {@code namespace + U+0000 + i + "/" + n} in decimal
 * without leading zeros, e.g. {@code "events\u0000" + "3/8"} for shard 3 (counting from 0) of
 * eight.</li>
 * <li>The namespace's shard count is recorded in one item with hash-key value
 * {@code namespace + U+0000} ({@link ShardCountRecord}).</li>
 * </ul>
 * <b>Why no item of a sharded namespace can be read as an item of another namespace, whatever the
 * names.</b> U+0000 is reserved: no namespace may contain it ({@link #requireNoSeparator}, which
 * every location passes). So:
 * <ol>
 * <li>A plain namespace's hash-key value has no U+0000, and every value this layout adds (shards
 * and records) has exactly one: they never meet, whatever namespaces exist.</li>
 * <li>In a value with one U+0000, the text before it is the namespace and the text after it says
 * which value of that namespace it is: nothing for the record, {@code i/n} for a shard. Decimal
 * numbers without leading zeros are written one way only, so two different (namespace, n, i) or
 * records never share a value.</li>
 * <li>A store reads and writes only the values of its own layout (its partitions), and a Query
 * matches a hash-key value exactly: no store can see another's items.</li>
 * </ol>
 * The shard count is part of the value, so namespaces opened with different counts share no
 * partition either: a wrong count can make a store miss items (which the recorded count prevents)
 * but never shows it a subset of another layout.
 * <p>
 * <b>Limits.</b> A hash-key value has at most {@value #MAX_PARTITION_BYTES} UTF-8 bytes, so a
 * sharded namespace must leave room for its longest suffix (at most 6 bytes for 64 shards); a
 * plain namespace may use all of it, and one of exactly {@value #MAX_PARTITION_BYTES} bytes has no
 * record value (it can never be sharded, so there is nothing to check). At most
 * {@value #MAX_SHARDS} shards: a range read runs one Query per shard and holds a page of each, a
 * namespace rarely needs more than 64 partitions' throughput (~64,000 writes/s, more than a
 * table's default on-demand quota of 40,000), and the limit can be raised without changing the
 * layout.
 */
public final class ShardLayout {

	/** The character that no namespace may contain: it ends the namespace in a shard's value. */
	public static final char SEPARATOR = '\u0000';

	/** The most shards a namespace may have. */
	public static final int MAX_SHARDS = 64;

	/** DynamoDB's limit for a hash-key value, in UTF-8 bytes. */
	public static final int MAX_PARTITION_BYTES = 2048;

	private final String namespace;

	private final int shards;

	private final List<String> partitions;

	private final @Nullable String recordPartition;

	private ShardLayout(String namespace, int shards, int namespaceBytes) {
		this.namespace = namespace;
		this.shards = shards;
		this.recordPartition = (namespaceBytes < MAX_PARTITION_BYTES) ? namespace + SEPARATOR : null;
		if (shards == 1) {
			this.partitions = List.of(namespace);
		}
		else {
			List<String> partitions = new ArrayList<>(shards);
			for (int shard = 0; shard < shards; shard++) {
				partitions.add(namespace + suffix(shard, shards));
			}
			this.partitions = Collections.unmodifiableList(partitions);
		}
	}

	/**
	 * The layout of a namespace over some shards.
	 * @param namespace a valid namespace (non-empty, at most {@value #MAX_PARTITION_BYTES} UTF-8
	 * bytes, no U+0000)
	 * @param shards the shard count, 1 to {@value #MAX_SHARDS}
	 * @return the layout
	 * @throws IllegalArgumentException if the namespace contains U+0000, the count is out of range,
	 * or a shard's value would be longer than DynamoDB allows
	 */
	public static ShardLayout of(String namespace, int shards) {
		requireNoSeparator(namespace);
		requireValidCount(shards);
		if (namespace.isEmpty()) {
			throw new IllegalArgumentException("'namespace' must not be empty");
		}
		int bytes = Keys.utf8Length(namespace, "namespace");
		int longest = bytes + ((shards == 1) ? 0 : suffix(shards - 1, shards).length());
		if (longest > MAX_PARTITION_BYTES) {
			throw new IllegalArgumentException("'namespace' is " + bytes + " UTF-8 bytes long; over " + count(shards)
					+ " its partitions need up to " + longest + " bytes, and DynamoDB allows at most "
					+ MAX_PARTITION_BYTES + " for a hash-key value");
		}
		return new ShardLayout(namespace, shards, bytes);
	}

	/**
	 * Checks that a namespace does not contain the reserved {@link #SEPARATOR}.
	 * @param namespace the namespace
	 * @return the namespace
	 * @throws IllegalArgumentException if it contains U+0000
	 */
	public static String requireNoSeparator(String namespace) {
		Objects.requireNonNull(namespace, "'namespace' must not be null");
		int at = namespace.indexOf(SEPARATOR);
		if (at >= 0) {
			throw new IllegalArgumentException("'namespace' must not contain U+0000 (found at index " + at
					+ "): it separates a sharded namespace from its shard numbers in the table");
		}
		return namespace;
	}

	/**
	 * Checks a shard count.
	 * @param shards the count
	 * @return the count
	 * @throws IllegalArgumentException unless it is 1 to {@value #MAX_SHARDS}
	 */
	public static int requireValidCount(int shards) {
		if (shards < 1 || shards > MAX_SHARDS) {
			throw new IllegalArgumentException("'shards' must be between 1 and " + MAX_SHARDS + ", was " + shards);
		}
		return shards;
	}

	public String namespace() {
		return this.namespace;
	}

	/** The shard count. */
	public int shards() {
		return this.shards;
	}

	/** Whether the namespace has more than one shard (else it is laid out as {@code dynamo-down} does). */
	public boolean sharded() {
		return this.shards > 1;
	}

	/**
	 * The shard of a key.
	 * @param key a valid key
	 * @return 0 to {@code shards() - 1}
	 */
	public int shardOf(String key) {
		return (this.shards == 1) ? 0 : ShardHash.shardOf(key, this.shards);
	}

	/**
	 * The hash-key value of the item that holds a key.
	 * @param key a valid key
	 * @return its shard's partition
	 */
	public String partitionFor(String key) {
		return this.partitions.get(shardOf(key));
	}

	/**
	 * Every hash-key value the namespace's items may have, shard 0 first; each is read in key order
	 * and the reads merged.
	 * @return the partitions, {@link #shards()} of them
	 */
	public List<String> partitions() {
		return this.partitions;
	}

	/**
	 * The hash-key value of the item recording the namespace's shard count:
	 * {@code namespace + U+0000}.
	 * @return the value, or {@code null} for a namespace of {@value #MAX_PARTITION_BYTES} bytes,
	 * which cannot be sharded and so has no record
	 */
	public @Nullable String recordPartition() {
		return this.recordPartition;
	}

	@Override
	public String toString() {
		return "'" + this.namespace + "' over " + count(this.shards);
	}

	/** "1 shard", "8 shards". */
	static String count(int shards) {
		return shards + ((shards == 1) ? " shard" : " shards");
	}

	private static String suffix(int shard, int shards) {
		return SEPARATOR + Integer.toString(shard) + "/" + shards;
	}

}
