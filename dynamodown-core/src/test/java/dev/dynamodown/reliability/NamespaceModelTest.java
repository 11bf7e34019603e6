package dev.dynamodown.reliability;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import dev.dynamodown.Api;
import dev.dynamodown.Clients;
import dev.dynamodown.DynamoDownOptions;
import dev.dynamodown.KeyRange;
import dev.dynamodown.KeyValue;
import dev.dynamodown.Sharding;
import dev.dynamodown.SortedKeyValueOperations;
import dev.dynamodown.Stores;
import dev.dynamodown.ValueCodec;
import dev.dynamodown.internal.shard.ShardLayout;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Namespaces sharing one table, under random sequences of put, delete, batch, clear, range, keys,
 * count and get, compared after every call with an in-memory model: one sorted map per namespace
 * in UTF-8 byte order. The namespaces are prefixes of each other, contain '/', look like the
 * partitions of each other's shards ({@code events/1}, {@code events#1}, {@code events1/8}, ...),
 * and some are sharded (over different counts) while others are not; the keys repeat across
 * namespaces and straddle the UTF-16 / UTF-8 order difference, so that a leak between namespaces
 * or shards, or a wrong order, shows up. The seed is printed; {@code -Ddynamodown.model.seed=N}
 * replays a run.
 */
@ParameterizedClass
@EnumSource(Api.class)
class NamespaceModelTest {

	@Parameter
	Api api;

	private static final long SEED = Long.getLong("dynamodown.model.seed", System.nanoTime());

	private static final int OPERATIONS = 320;

	/** Each namespace with its shard count. */
	private static final Map<String, Integer> NAMESPACES = orderedMap("iso", 1, "iso/sub", 3, "iso2", 1, "events", 8,
			"events/1", 1, "events#1", 7, "events1/8", 1, "events/1/8", 2);

	private static final List<String> KEYS = List.of("a", "a/b", "a#", "ab", "a\u0000", "b", "é", "z", "\uFFFF",
			"\uFFFFa", "😀", "😀😀", "𝄞", "k1", "k10", "k2", "k20", "user:1", "user:10", "user:2", "user;", "~");

	/** DynamoDB's order of string keys: their UTF-8 bytes, unsigned. */
	private static final Comparator<String> UTF8 = (a, b) -> Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8),
			b.getBytes(StandardCharsets.UTF_8));

	private static Clients clients;

	private static Map<Api, Stores> dynamoDowns;

	@BeforeAll
	static void start() {
		System.out.println("[namespace model] seed " + SEED + " (replay: -Ddynamodown.model.seed=" + SEED + ")");
		clients = ReliabilitySupport.directClients();
		dynamoDowns = ReliabilitySupport.open(clients, DynamoDownOptions.defaults());
	}

	@AfterAll
	static void close() {
		ReliabilitySupport.close(dynamoDowns);
		clients.close();
	}

	static Stream<Long> seeds() {
		return LongStream.range(0, 2).mapToObj((i) -> SEED + i);
	}

	@ParameterizedTest
	@MethodSource("seeds")
	void namespacesOfOneTableBehaveLikeSeparateSortedMaps(long seed) {
		Random random = new Random(seed);
		String table = ReliabilitySupport.createTable(clients.blocking(), "namespaces");
		Map<String, SortedKeyValueOperations<String>> stores = new LinkedHashMap<>();
		Map<String, NavigableMap<String, String>> models = new LinkedHashMap<>();
		List<String> namespaces = List.copyOf(NAMESPACES.keySet());
		for (String namespace : namespaces) {
			stores.put(namespace, dynamoDowns.get(this.api)
				.template(table + "/" + namespace, ValueCodec.string(), Sharding.shards(NAMESPACES.get(namespace))));
			models.put(namespace, new TreeMap<>(UTF8));
		}
		for (int step = 0; step < OPERATIONS; step++) {
			String namespace = namespaces.get(random.nextInt(namespaces.size()));
			SortedKeyValueOperations<String> store = stores.get(namespace);
			NavigableMap<String, String> model = models.get(namespace);
			String value = "v" + step;
			int dice = random.nextInt(100);
			String at = "step " + step + " on '" + namespace + "': ";
			if (dice < 30) {
				String key = key(random);
				store.put(key, value);
				model.put(key, value);
			}
			else if (dice < 40) {
				String key = key(random);
				store.delete(key);
				model.remove(key);
			}
			else if (dice < 52) {
				Map<String, @Nullable String> writes = new LinkedHashMap<>();
				int size = 1 + random.nextInt(30);
				for (int i = 0; i < size; i++) {
					writes.put(key(random), random.nextInt(4) == 0 ? null : value + "." + i);
				}
				store.batch((batch) -> writes.forEach((key, written) -> {
					if (written == null) {
						batch.delete(key);
					}
					else {
						batch.put(key, written);
					}
				}));
				writes.forEach((key, written) -> {
					if (written == null) {
						model.remove(key);
					}
					else {
						model.put(key, written);
					}
				});
			}
			else if (dice < 58) {
				RangeSpec range = RangeSpec.random(random);
				List<String> cleared = range.select(model).stream().map(Map.Entry::getKey).toList();
				assertThat(store.clear(range.toKeyRange())).as(at + "clear(%s)", range).isEqualTo(cleared.size());
				cleared.forEach(model::remove);
			}
			else if (dice < 75) {
				RangeSpec range = RangeSpec.random(random);
				assertThat(store.list(range.toKeyRange())).as(at + "list(%s)", range)
					.containsExactlyElementsOf(range.select(model).stream().map((e) -> new KeyValue<>(e.getKey(), e.getValue())).toList());
			}
			else if (dice < 83) {
				RangeSpec range = RangeSpec.random(random);
				try (Stream<String> keys = store.keys(range.toKeyRange())) {
					assertThat(keys.toList()).as(at + "keys(%s)", range)
						.containsExactlyElementsOf(range.select(model).stream().map(Map.Entry::getKey).toList());
				}
			}
			else if (dice < 91) {
				RangeSpec range = RangeSpec.random(random);
				assertThat(store.count(range.toKeyRange())).as(at + "count(%s)", range).isEqualTo(range.select(model).size());
			}
			else {
				String key = key(random);
				assertThat(store.get(key)).as(at + "get(%s)", key).isEqualTo(Optional.ofNullable(model.get(key)));
			}
		}
		for (String namespace : namespaces) {
			assertThat(stores.get(namespace).list(KeyRange.all())).as("all of '%s' at the end", namespace)
				.containsExactlyElementsOf(models.get(namespace).entrySet().stream()
					.map((e) -> new KeyValue<>(e.getKey(), e.getValue())).toList());
		}
		everyItemIsInItsKeysShard(table, models);
	}

	/**
	 * The whole table, read straight from dynalite: every item lies in the partition of its key's
	 * shard of a namespace whose model holds it, or is the record of a sharded namespace's count.
	 */
	private static void everyItemIsInItsKeysShard(String table, Map<String, NavigableMap<String, String>> models) {
		Map<String, String> namespaceOf = new LinkedHashMap<>();
		NAMESPACES.forEach((namespace, shards) -> ShardLayout.of(namespace, shards).partitions()
			.forEach((partition) -> assertThat(namespaceOf.put(partition, namespace)).as("partition shared").isNull()));
		int items = 0;
		for (Map<String, AttributeValue> item : clients.blocking().scanPaginator((r) -> r.tableName(table)).items()) {
			String partition = item.get("ns").s();
			String key = item.get("k").s();
			if (partition.endsWith("\u0000")) {
				String namespace = partition.substring(0, partition.length() - 1);
				assertThat(NAMESPACES.get(namespace)).as("record of '%s'", namespace).isGreaterThan(1);
				assertThat(key).isEqualTo("shards");
				continue;
			}
			String namespace = namespaceOf.get(partition);
			assertThat(namespace).as("namespace of partition '%s'", partition).isNotNull();
			assertThat(ShardLayout.of(namespace, NAMESPACES.get(namespace)).partitionFor(key))
				.as("the partition of '%s' in '%s'", key, namespace).isEqualTo(partition);
			assertThat(models.get(namespace)).as("'%s' in '%s'", key, namespace).containsKey(key);
			items++;
		}
		assertThat(items).isEqualTo(models.values().stream().mapToInt(Map::size).sum());
	}

	private static Map<String, Integer> orderedMap(Object... namesAndShards) {
		Map<String, Integer> map = new LinkedHashMap<>();
		for (int i = 0; i < namesAndShards.length; i += 2) {
			map.put((String) namesAndShards[i], (Integer) namesAndShards[i + 1]);
		}
		return map;
	}

	private static String key(Random random) {
		return KEYS.get(random.nextInt(KEYS.size()));
	}

	/**
	 * A range as the model reads it: an optional prefix, optional bounds (inclusive or not),
	 * direction and limit.
	 */
	private record RangeSpec(@Nullable String prefix, @Nullable String lower, boolean lowerInclusive,
			@Nullable String upper, boolean upperInclusive, boolean reverse, int limit) {

		static RangeSpec random(Random random) {
			String prefix = (random.nextInt(4) == 0) ? KEYS.get(random.nextInt(KEYS.size())).substring(0, 1) : null;
			if (prefix != null && Character.isHighSurrogate(prefix.charAt(0))) {
				prefix = null;
			}
			String lower = random.nextBoolean() ? key(random) : null;
			String upper = random.nextBoolean() ? key(random) : null;
			int limit = (random.nextInt(3) == 0) ? 1 + random.nextInt(5) : Integer.MAX_VALUE;
			return new RangeSpec(prefix, lower, random.nextBoolean(), upper, random.nextBoolean(), random.nextBoolean(),
					limit);
		}

		KeyRange toKeyRange() {
			KeyRange range = (this.prefix != null) ? KeyRange.prefix(this.prefix) : KeyRange.all();
			if (this.lower != null) {
				range = this.lowerInclusive ? range.gte(this.lower) : range.gt(this.lower);
			}
			if (this.upper != null) {
				range = this.upperInclusive ? range.lte(this.upper) : range.lt(this.upper);
			}
			if (this.reverse) {
				range = range.reverse();
			}
			return (this.limit != Integer.MAX_VALUE) ? range.limit(this.limit) : range;
		}

		List<Map.Entry<String, String>> select(NavigableMap<String, String> model) {
			List<Map.Entry<String, String>> selected = new ArrayList<>();
			for (Map.Entry<String, String> entry : (this.reverse ? model.descendingMap() : model).entrySet()) {
				String key = entry.getKey();
				boolean in = (this.prefix == null || key.startsWith(this.prefix))
						&& (this.lower == null || compare(key, this.lower) > 0 || (this.lowerInclusive && compare(key, this.lower) == 0))
						&& (this.upper == null || compare(key, this.upper) < 0 || (this.upperInclusive && compare(key, this.upper) == 0));
				if (in && selected.size() < this.limit) {
					selected.add(Map.entry(key, entry.getValue()));
				}
			}
			return selected;
		}

		private static int compare(String a, String b) {
			return UTF8.compare(a, b);
		}

		@Override
		public String toString() {
			return "prefix=" + this.prefix + " " + (this.lowerInclusive ? "gte=" : "gt=") + this.lower + " "
					+ (this.upperInclusive ? "lte=" : "lt=") + this.upper + (this.reverse ? " reverse" : "")
					+ ((this.limit != Integer.MAX_VALUE) ? " limit=" + this.limit : "");
		}

	}

}
