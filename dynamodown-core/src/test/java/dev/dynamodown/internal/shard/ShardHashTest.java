package dev.dynamodown.internal.shard;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.IntFunction;
import java.util.function.ToLongFunction;
import java.util.stream.IntStream;
import java.util.zip.CRC32;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The key-to-shard function: pinned by known answers (computed independently with the Python and
 * Node.js snippets of {@code SHARDING.md}), and checked to spread ascending keys evenly.
 */
class ShardHashTest {

	/** Keys per family of the spread check; the first 1,000 are checked as well. */
	private static final int KEYS = 10_000;

	private static final int MAX_SHARDS_CHECKED = 64;

	/**
	 * How far above its mean a chi-square statistic may go: the upper 10<sup>-6</sup> tail (z =
	 * 4.75). Random assignment exceeds it once in a million checks; a hash with structure on these
	 * keys exceeds it by far.
	 */
	private static final double Z = 4.75;

	/** Ascending keys of the kinds a sorted store gets: sequence numbers, ids, timestamps. */
	private static final List<Family> FAMILIES = List.of(
			new Family("decimal sequence 0, 1, 2, …", Integer::toString),
			new Family("zero-padded sequence 0000000000, …", (i) -> String.format(Locale.ROOT, "%010d", i)),
			new Family("user:0000, user:0001, …", (i) -> String.format(Locale.ROOT, "user:%04d", i)),
			new Family("key-0000000, … (the benchmarks' keys)", (i) -> String.format(Locale.ROOT, "key-%07d", i)),
			new Family("hexadecimal counter", (i) -> String.format(Locale.ROOT, "%08x", i)),
			new Family("epoch milliseconds", (i) -> Long.toString(1_700_000_000_000L + i)),
			new Family("epoch milliseconds, every 7 ms", (i) -> Long.toString(1_700_000_000_000L + 7L * i)),
			new Family("epoch seconds", (i) -> Long.toString(1_700_000_000L + i)),
			new Family("ISO-8601, every millisecond", (i) -> Instant.ofEpochMilli(1_700_000_000_000L + i).toString()),
			new Family("ISO-8601, every second", (i) -> Instant.ofEpochSecond(1_700_000_000L + i).toString()),
			new Family("ISO-8601, every minute", (i) -> Instant.ofEpochSecond(1_700_000_000L + 60L * i).toString()),
			new Family("ISO-8601, every hour", (i) -> Instant.ofEpochSecond(1_699_999_200L + 3600L * i).toString()),
			new Family("ISO dates", (i) -> LocalDate.ofEpochDay(i).toString()));

	@ParameterizedTest
	@CsvSource({ "a, 1, 0, 7, 7, 55", "user:0001, 1, 2, 1, 9, 25", "2024-01-01T00:00:00Z, 0, 0, 6, 14, 46",
			"é, 1, 6, 5, 5, 37", "😀, 0, 2, 6, 14, 14", "key-0000000, 1, 4, 1, 9, 41" })
	void knownAnswersNeverChange(String key, int of2, int of7, int of8, int of16, int of64) {
		assertThat(List.of(ShardHash.shardOf(key, 2), ShardHash.shardOf(key, 7), ShardHash.shardOf(key, 8),
				ShardHash.shardOf(key, 16), ShardHash.shardOf(key, 64)))
			.containsExactly(of2, of7, of8, of16, of64);
	}

	@Test
	void knownHashes() {
		assertThat(ShardHash.hash("a".getBytes(StandardCharsets.UTF_8))).isEqualTo(3_320_656_311L);
		assertThat(ShardHash.hash("user:0001".getBytes(StandardCharsets.UTF_8))).isEqualTo(1_341_716_441L);
		assertThat(ShardHash.hash("\u0000".getBytes(StandardCharsets.UTF_8))).isEqualTo(2_904_199_831L);
	}

	@Test
	void oneShardHoldsEverything() {
		assertThat(IntStream.range(0, 1000).map((i) -> ShardHash.shardOf("k" + i, 1))).containsOnly(0);
	}

	@Test
	void refusesAShardCountBelowOne() {
		assertThatIllegalArgumentException().isThrownBy(() -> ShardHash.shardOf("a", 0))
			.withMessage("'shards' must be at least 1, was 0");
	}

	@Test
	void spreadsAscendingKeysLikeARandomFunctionForEveryShardCountUpTo64() {
		List<String> uneven = unevenSpreads((bytes) -> ShardHash.hash(bytes));
		assertThat(uneven).isEmpty();
	}

	/**
	 * Why the finalizer is there: CRC-32 alone fails the same check, by far, e.g. on timestamps at
	 * minute resolution.
	 */
	@Test
	void crc32AloneSpreadsSomeAscendingKeysUnevenly() {
		List<String> uneven = unevenSpreads(ShardHashTest::crc32);
		assertThat(uneven).anySatisfy((failure) -> assertThat(failure).startsWith("ISO-8601, every minute, 10000 keys, 8 shards"));
	}

	/** Every family, size and shard count whose counts per shard exceed the chi-square bound. */
	private static List<String> unevenSpreads(ToLongFunction<byte[]> hash) {
		List<String> uneven = new ArrayList<>();
		for (Family family : FAMILIES) {
			long[] hashes = new long[KEYS];
			for (int i = 0; i < KEYS; i++) {
				hashes[i] = hash.applyAsLong(family.utf8Keys()[i]);
			}
			for (int keys : new int[] { 1_000, KEYS }) {
				for (int shards = 2; shards <= MAX_SHARDS_CHECKED; shards++) {
					long[] counts = new long[shards];
					for (int i = 0; i < keys; i++) {
						counts[(int) (hashes[i] % shards)]++;
					}
					double chiSquare = chiSquare(counts, keys);
					double bound = chiSquareBound(shards - 1);
					if (chiSquare > bound) {
						uneven.add(String.format(Locale.ROOT, "%s, %d keys, %d shards: chi-square %.1f > %.1f", family.name(),
								keys, shards, chiSquare, bound));
					}
				}
			}
		}
		return uneven;
	}

	private static double chiSquare(long[] counts, int keys) {
		double expected = (double) keys / counts.length;
		double sum = 0;
		for (long count : counts) {
			sum += (count - expected) * (count - expected) / expected;
		}
		return sum;
	}

	/** The chi-square quantile at {@link #Z} by the Wilson–Hilferty approximation. */
	private static double chiSquareBound(int degrees) {
		double a = 2.0 / (9 * degrees);
		return degrees * Math.pow(1 - a + Z * Math.sqrt(a), 3);
	}

	private static long crc32(byte[] bytes) {
		CRC32 crc = new CRC32();
		crc.update(bytes);
		return crc.getValue();
	}

	/** Keys of one kind, generated once for all checks. */
	private record Family(String name, byte[][] utf8Keys) {

		Family(String name, IntFunction<String> keys) {
			this(name, IntStream.range(0, KEYS).mapToObj((i) -> keys.apply(i).getBytes(StandardCharsets.UTF_8))
				.toArray(byte[][]::new));
		}

	}

}
