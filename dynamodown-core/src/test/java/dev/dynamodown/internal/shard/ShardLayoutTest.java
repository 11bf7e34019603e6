package dev.dynamodown.internal.shard;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The partitions of a namespace: one shard is the namespace itself; more shards get values that
 * no other namespace, sharded or not, can ever have, whatever the names.
 */
class ShardLayoutTest {

	private static final int[] COUNTS = { 1, 2, 3, 7, 8, 10, 16, 63, 64 };

	/** Namespaces that look like the shards and records of others, and their neighbours. */
	private static final List<String> LOOKALIKES = List.of("events", "event", "eventsx", "events/", "events/3",
			"events/3/8", "events3/8", "events3", "events#3", "events:3", "events.3", "events-3", "events_3",
			"events 3/8", "events\u00013/8", "events\u0001", "events\uFFFF3/8", "3/8", "0/1", "1", "/", "é", "😀",
			"events/0/8", "events0/8", "events00/8", "events03/08", "ev", "e");

	@Test
	void oneShardIsTheNamespaceItself() {
		ShardLayout layout = ShardLayout.of("nyc-js-meetups", 1);
		assertThat(layout.partitions()).containsExactly("nyc-js-meetups");
		assertThat(IntStream.range(0, 1000).mapToObj((i) -> layout.partitionFor("k" + i))).containsOnly("nyc-js-meetups");
		assertThat(layout.sharded()).isFalse();
		assertThat(layout.recordPartition()).isEqualTo("nyc-js-meetups\u0000");
	}

	@Test
	void shardsAreTheNamespaceUPlus0000AndShardOfCount() {
		ShardLayout layout = ShardLayout.of("events", 8);
		assertThat(layout.partitions()).containsExactly("events\u00000/8", "events\u00001/8", "events\u00002/8",
				"events\u00003/8", "events\u00004/8", "events\u00005/8", "events\u00006/8", "events\u00007/8");
		assertThat(layout.partitionFor("user:0001")).isEqualTo("events\u00001/8");
		assertThat(layout.partitionFor("2024-01-01T00:00:00Z")).isEqualTo("events\u00006/8");
		assertThat(ShardLayout.of("events", 64).partitionFor("a")).isEqualTo("events\u000055/64");
		assertThat(layout.recordPartition()).isEqualTo("events\u0000");
		for (int i = 0; i < 1000; i++) {
			String key = "k" + i;
			assertThat(layout.partitionFor(key)).isEqualTo(layout.partitions().get(ShardHash.shardOf(key, 8)));
		}
	}

	@ParameterizedTest
	@ValueSource(ints = { 0, -1, 65, Integer.MAX_VALUE })
	void refusesAShardCountOutsideOneTo64(int shards) {
		assertThatIllegalArgumentException().isThrownBy(() -> ShardLayout.of("events", shards))
			.withMessage("'shards' must be between 1 and 64, was " + shards);
	}

	@ParameterizedTest
	@ValueSource(strings = { "\u0000", "events\u0000", "events\u00003/8" })
	void refusesANamespaceWithUPlus0000(String namespace) {
		assertThatIllegalArgumentException().isThrownBy(() -> ShardLayout.of(namespace, 1))
			.withMessageStartingWith("'namespace' must not contain U+0000");
		assertThatIllegalArgumentException().isThrownBy(() -> ShardLayout.of(namespace, 8))
			.withMessageStartingWith("'namespace' must not contain U+0000");
	}

	@ParameterizedTest
	@CsvSource({ "1, 2048", "2, 2044", "8, 2044", "10, 2043", "64, 2042" })
	void aShardedNamespaceLeavesRoomForItsLongestSuffix(int shards, int longestNamespace) {
		String fits = "n".repeat(longestNamespace);
		assertThat(ShardLayout.of(fits, shards).partitions()).allSatisfy((partition) -> assertThat(partition.length())
			.isLessThanOrEqualTo(ShardLayout.MAX_PARTITION_BYTES));
		assertThatIllegalArgumentException().isThrownBy(() -> ShardLayout.of(fits + "n", shards))
			.withMessage("'namespace' is " + (longestNamespace + 1) + " UTF-8 bytes long; over " + ShardLayout.count(shards)
					+ " its partitions need up to 2049 bytes, and DynamoDB allows at most 2048 for a hash-key value");
	}

	@Test
	void countsUtf8BytesNotCharacters() {
		String fits = "é".repeat(1021); // 2042 bytes
		assertThat(ShardLayout.of(fits, 64).partitions()).hasSize(64);
		assertThatIllegalArgumentException().isThrownBy(() -> ShardLayout.of(fits + "a", 64))
			.withMessageStartingWith("'namespace' is 2043 UTF-8 bytes long");
	}

	@Test
	void aNamespaceOfTheFullLengthHasNoRecordBecauseItCanNeverBeSharded() {
		String full = "n".repeat(ShardLayout.MAX_PARTITION_BYTES);
		assertThat(ShardLayout.of(full, 1).recordPartition()).isNull();
		assertThat(ShardLayout.of(full.substring(1), 1).recordPartition()).hasSize(ShardLayout.MAX_PARTITION_BYTES);
	}

	/**
	 * The isolation argument of {@link ShardLayout}, checked exhaustively over namespaces that look
	 * like shard names, plus seeded random names over an alphabet of the characters that matter:
	 * every hash-key value (plain namespace, shard, record) belongs to exactly one owner.
	 */
	@Test
	void noTwoNamespacesShareAPartitionWhateverTheNames() {
		Set<String> namespaces = new LinkedHashSet<>(LOOKALIKES);
		Random random = new Random(19);
		String[] alphabet = { "e", "v", "0", "1", "3", "8", "/", "#", ":", "\u0001", "é", "😀", "\u0000" };
		int refused = 0;
		while (namespaces.size() < LOOKALIKES.size() + 1000) {
			StringBuilder name = new StringBuilder();
			for (int length = 1 + random.nextInt(7); name.length() < length;) {
				name.append(alphabet[random.nextInt(alphabet.length)]);
			}
			String namespace = name.toString();
			if (namespace.indexOf('\u0000') >= 0) {
				assertThatIllegalArgumentException().isThrownBy(() -> ShardLayout.of(namespace, 1));
				refused++;
			}
			else {
				namespaces.add(namespace);
			}
		}
		assertThat(refused).as("random names with U+0000, all refused").isPositive();

		Map<String, String> owners = new HashMap<>();
		List<String> clashes = new ArrayList<>();
		for (String namespace : namespaces) {
			for (int shards : COUNTS) {
				ShardLayout layout = ShardLayout.of(namespace, shards);
				for (int shard = 0; shard < shards; shard++) {
					String partition = layout.partitions().get(shard);
					if (partition.indexOf('\u0000') != partition.lastIndexOf('\u0000') || (partition.indexOf('\u0000') < 0) != (shards == 1)) {
						clashes.add(partition + ": a plain namespace has no U+0000, a shard exactly one");
					}
					claim(owners, clashes, partition, "shard " + shard + " of '" + namespace + "' over " + shards);
				}
			}
			claim(owners, clashes, ShardLayout.of(namespace, 1).recordPartition(), "record of '" + namespace + "'");
		}
		assertThat(clashes).isEmpty();
		assertThat(owners).hasSize(namespaces.size() * (IntStream.of(COUNTS).sum() + 1));
	}

	private static void claim(Map<String, String> owners, List<String> clashes, String partition, String owner) {
		String previous = owners.putIfAbsent(partition, owner);
		if (previous != null && !previous.equals(owner)) {
			clashes.add(partition + ": " + previous + " and " + owner);
		}
	}

}
