package dev.dynamodown.reliability;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import dev.dynamodown.Api;
import dev.dynamodown.Batch;
import dev.dynamodown.Clients;
import dev.dynamodown.DynamoDownOptions;
import dev.dynamodown.KeyRange;
import dev.dynamodown.SortedKeyValueOperations;
import dev.dynamodown.Stores;
import dev.dynamodown.ValueCodec;
import dev.dynamodown.reliability.inputs.DynamoRules;
import dev.dynamodown.reliability.inputs.InputGenerator;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Bad input, generated from a seed ({@code -Ddynamodown.inputs.seed=N} replays a run): every key
 * and value is either stored and read back as the same data, or refused with
 * {@link IllegalArgumentException} / {@link NullPointerException} before any request reaches the
 * server (counted inside the SDK). Which of the two is decided by {@link DynamoRules}, an oracle
 * written from DynamoDB's documentation independently of the library.
 */
@ParameterizedClass
@EnumSource(Api.class)
class BadInputTest {

	@Parameter
	Api api;

	private static final long SEED = Long.getLong("dynamodown.inputs.seed", System.nanoTime());

	private static final int GENERATED = 80;

	private static final AttemptCounter requests = new AttemptCounter();

	private static Clients clients;

	private static Map<Api, Stores> stores;

	private static String table;

	private SortedKeyValueOperations<String> strings;

	private SortedKeyValueOperations<Map<String, AttributeValue>> raw;

	private SortedKeyValueOperations<Object> json;

	@BeforeAll
	static void createStores() {
		System.out.println("[bad input] seed " + SEED + " (replay: -Ddynamodown.inputs.seed=" + SEED + ")");
		clients = ReliabilitySupport.directClients(requests);
		stores = ReliabilitySupport.open(clients, DynamoDownOptions.defaults());
		table = ReliabilitySupport.createTable(clients.blocking(), "bad-input");
	}

	@AfterAll
	static void close() {
		ReliabilitySupport.close(stores);
		clients.close();
	}

	@BeforeEach
	void countFromZero() {
		this.strings = stores.get(this.api).template(table, "strings", ValueCodec.string());
		this.raw = stores.get(this.api).template(table, "raw", ValueCodec.attributes());
		this.json = stores.get(this.api).template(table, "json", ValueCodec.json(Object.class));
		this.strings.get("warm-up");
		requests.reset();
	}

	static Stream<Arguments> keys() {
		InputGenerator generator = new InputGenerator(SEED);
		List<String> keys = new ArrayList<>(List.of("", "a".repeat(1024), "a".repeat(1025), "a".repeat(1020) + "😀",
				"a".repeat(1021) + "😀", "€".repeat(341) + "a", "€".repeat(342), "\u0000", "/", "#", "a/b#c", "\uD83D",
				"\uDE00x", "😀".repeat(256), "😀".repeat(256) + "a"));
		IntStream.range(0, GENERATED).forEach((i) -> keys.add(generator.key()));
		return keys.stream().map((key) -> Arguments.of(Named.of(describe(key), key)));
	}

	@ParameterizedTest
	@MethodSource("keys")
	void everyKeyRoundTripsOrIsRefusedBeforeAnyRequest(String key) {
		if (DynamoRules.isStorableKey(key)) {
			this.strings.put(key, "value");
			assertThat(this.strings.get(key)).contains("value");
			assertThat(this.strings.getAll(List.of(key))).containsExactly(Map.entry(key, "value"));
			assertThat(this.strings.keys(KeyRange.all().gte(key).lte(key)).toList()).containsExactly(key);
			assertThat(this.strings.putIfAbsent(key, "other")).isFalse();
			this.strings.delete(key);
			assertThat(this.strings.get(key)).isEmpty();
		}
		else {
			assertRefused(() -> this.strings.put(key, "value"));
			assertRefused(() -> this.strings.putIfAbsent(key, "value"));
			assertRefused(() -> this.strings.get(key));
			assertRefused(() -> this.strings.delete(key));
			assertRefused(() -> this.strings.getAll(List.of("fine", key)));
			assertRefused(() -> this.strings.batch((batch) -> batch.put("fine", "value").put(key, "value")));
			assertRefused(() -> this.strings.batch((batch) -> batch.delete(key)));
			assertRefused(() -> this.strings.atomicBatch((batch) -> batch.put(key, "value")));
			assertRefused(() -> this.strings.count(KeyRange.all().gt(key)));
			if (!key.isEmpty()) { // an empty prefix is every key
				assertRefused(() -> KeyRange.prefix(key));
			}
			assertThat(requests.attempts()).as("requests sent").isEmpty();
		}
	}

	static Stream<Arguments> values() {
		InputGenerator generator = new InputGenerator(SEED + 1);
		List<Arguments> values = new ArrayList<>();
		for (int i = 0; i < GENERATED; i++) {
			String key = "value-" + i;
			Map<String, AttributeValue> value = generator.value("raw", key);
			values.add(Arguments.of(key, Named.of(describe(value), value)));
		}
		// the size limit, exactly
		for (int size = DynamoRules.MAX_ITEM_BYTES - 1; size <= DynamoRules.MAX_ITEM_BYTES + 1; size++) {
			Map<String, AttributeValue> value = generator.sizedItem("raw", "sized-" + size, size);
			values.add(Arguments.of("sized-" + size, Named.of(describe(value), value)));
		}
		return values.stream();
	}

	@ParameterizedTest
	@MethodSource("values")
	void everyValueRoundTripsOrIsRefusedBeforeAnyRequest(String key, Map<String, AttributeValue> value) {
		String problem = DynamoRules.problem("ns", "raw", "k", key, value);
		if (problem == null) {
			this.raw.put(key, value);
			assertThat(this.raw.get(key)).hasValueSatisfying((stored) -> assertThat(DynamoRules.sameData(stored, value))
				.as("read back as the same data: %s", stored).isTrue());
			this.raw.delete(key);
			this.raw.batch((batch) -> batch.put(key, value));
			assertThat(this.raw.getAll(List.of(key))).hasEntrySatisfying(key,
					(stored) -> assertThat(DynamoRules.sameData(stored, value)).isTrue());
			this.raw.delete(key);
		}
		else {
			assertRefused(() -> this.raw.put(key, value));
			assertRefused(() -> this.raw.putIfAbsent(key, value));
			assertRefused(() -> this.raw.batch((batch) -> batch.put("fine", Map.of()).put(key, value)));
			assertRefused(() -> this.raw.atomicBatch((batch) -> batch.put(key, value)));
			assertThat(requests.attempts()).as("requests sent for a value with %s", problem).isEmpty();
		}
	}

	static Stream<Arguments> jsonValues() {
		Map<String, Object> cycle = new HashMap<>();
		cycle.put("self", cycle);
		return Stream.of(
				Arguments.of("NaN", Map.of("a", Double.NaN), false),
				Arguments.of("Infinity", Map.of("a", Double.POSITIVE_INFINITY), false),
				Arguments.of("-Infinity", List.of(1, Double.NEGATIVE_INFINITY), false),
				Arguments.of("float NaN", Map.of("a", Float.NaN), false),
				Arguments.of("39 digits", Map.of("a", new BigDecimal("123456789012345678901234567890123456789")), false),
				Arguments.of("38 digits", Map.of("a", new BigDecimal("12345678901234567890123456789012345678")), true),
				Arguments.of("1E+126", Map.of("a", new BigDecimal("1E+126")), false),
				Arguments.of("1E-130", Map.of("a", new BigDecimal("1E-130")), true),
				Arguments.of("Long.MIN_VALUE", Map.of("a", Long.MIN_VALUE), true),
				Arguments.of("an Object (Jackson writes an empty object)", Map.of("a", new Object()), true),
				Arguments.of("a bean whose getter throws", Map.of("a", new Explosive()), false),
				Arguments.of("a Thread's class", Map.of("a", Thread.class), true),
				Arguments.of("a map that contains itself", cycle, false),
				Arguments.of("maps 5,000 levels deep", nestedMaps(5_000), false),
				Arguments.of("hash-key field", Map.of("ns", "x"), false),
				Arguments.of("range-key field", Map.of("k", "x"), false),
				Arguments.of("nested field named like a key", Map.of("a", Map.of("ns", "x", "k", "y")), true),
				Arguments.of("empty field name", Map.of("", "x"), false),
				Arguments.of("empty nested field name", Map.of("a", Map.of("", "x")), false),
				Arguments.of("lone surrogate", Map.of("a", "x\uD800"), false),
				Arguments.of("lone surrogate in a name", Map.of("a\uDC00", "x"), false),
				Arguments.of("a scalar 32 levels deep", Map.of("a", nestedMaps(31)), true),
				Arguments.of("a scalar 33 levels deep", Map.of("a", nestedMaps(32)), false),
				Arguments.of("an empty list 33 levels deep", Map.of("a", nestedMaps(32, List.of())), false),
				Arguments.of("a scalar", "just text", true),
				Arguments.of("bytes", Map.of("a", new byte[] { 0, 1, 2 }), true),
				Arguments.of("empty list and map", Map.of("a", List.of(), "b", Map.of()), true));
	}

	/** A type Jackson cannot write. */
	static final class Explosive {

		public String getBoom() {
			throw new IllegalStateException("boom");
		}

	}

	/** {@code levels} maps nested inside each other around {@code "leaf"}. */
	private static Object nestedMaps(int levels) {
		return nestedMaps(levels, "leaf");
	}

	/** {@code levels} maps nested inside each other around a value. */
	private static Object nestedMaps(int levels, Object leaf) {
		Object nested = leaf;
		for (int i = 0; i < levels; i++) {
			nested = Map.of("n", nested);
		}
		return nested;
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("jsonValues")
	void jsonValuesRoundTripOrAreRefusedBeforeAnyRequest(String description, Object value, boolean storable) {
		String key = "json-" + description;
		if (storable) {
			this.json.put(key, value);
			assertThat(this.json.get(key)).hasValueSatisfying((stored) -> assertThat(JsonData.same(stored, value))
				.as("read back %s", stored).isTrue());
			this.json.delete(key);
		}
		else {
			assertRefused(() -> this.json.put(key, value));
			assertRefused(() -> this.json.batch((batch) -> batch.put(key, value)));
			assertThat(requests.attempts()).as("requests sent").isEmpty();
		}
	}

	static Stream<Long> seeds() {
		return LongStream.range(0, 12).mapToObj((i) -> SEED + 100 + i);
	}

	@ParameterizedTest
	@MethodSource("seeds")
	void aBatchWithOneBadOperationWritesNothing(long seed) {
		Random random = new Random(seed);
		InputGenerator generator = new InputGenerator(seed);
		String namespace = "batch-" + seed;
		SortedKeyValueOperations<Map<String, AttributeValue>> store = stores.get(this.api).template(table, namespace,
				ValueCodec.attributes());
		store.get("warm-up");
		requests.reset();
		List<Consumer<Batch<Map<String, AttributeValue>>>> operations = new ArrayList<>();
		int size = 1 + random.nextInt(60);
		for (int i = 0; i < size; i++) {
			String key = "key-" + random.nextInt(40);
			Map<String, AttributeValue> value = Map.of("v", AttributeValue.fromN(Integer.toString(i)));
			operations.add(random.nextInt(4) == 0 ? (batch) -> batch.delete(key) : (batch) -> batch.put(key, value));
		}
		operations.add(random.nextInt(operations.size() + 1), badOperation(random, generator, namespace));

		Throwable thrown = catchThrowable(() -> store.batch((batch) -> operations.forEach((operation) -> operation.accept(batch))));
		assertThat(thrown).isInstanceOfAny(IllegalArgumentException.class, NullPointerException.class);
		thrown = catchThrowable(() -> store.atomicBatch((batch) -> operations.forEach((operation) -> operation.accept(batch))));
		assertThat(thrown).isInstanceOfAny(IllegalArgumentException.class, NullPointerException.class);
		assertThat(requests.attempts()).as("requests sent").isEmpty();
		assertThat(store.count(KeyRange.all())).isZero();
	}

	/** A put or delete that breaks one rule: a bad key, a bad value, or a null. */
	private static Consumer<Batch<Map<String, AttributeValue>>> badOperation(Random random, InputGenerator generator,
			String namespace) {
		switch (random.nextInt(3)) {
			case 0 -> {
				String key = generator.key();
				while (DynamoRules.isStorableKey(key)) {
					key = generator.key();
				}
				String badKey = key;
				return random.nextBoolean() ? (batch) -> batch.delete(badKey) : (batch) -> batch.put(badKey, Map.of());
			}
			case 1 -> {
				Map<String, AttributeValue> value = generator.value(namespace, "bad");
				while (DynamoRules.problem("ns", namespace, "k", "bad", value) == null) {
					value = generator.value(namespace, "bad");
				}
				Map<String, AttributeValue> badValue = value;
				return (batch) -> batch.put("bad", badValue);
			}
			default -> {
				return random.nextBoolean() ? (batch) -> batch.put("bad", null) : (batch) -> batch.delete(null);
			}
		}
	}

	@Test
	void aStoreUsedForTheFirstTimeMayDescribeItsTableButWritesNothingBadAndValueRulesNeedNoRequest() {
		try (Stores cold = this.api.open(clients)) {
			SortedKeyValueOperations<Map<String, AttributeValue>> store = cold.template(table, "cold", ValueCodec.attributes());
			requests.reset();
			assertRefused(() -> store.put("a", Map.of("n", AttributeValue.fromN("NaN"))));
			assertThat(requests.attempts()).as("a value the codec refuses").isEmpty();
			// reserved names come from the table's key schema: the table is described first
			assertRefused(() -> store.put("a", Map.of("ns", AttributeValue.fromS("x"))));
			assertThat(requests.attempts()).as("a value using the hash key's name").containsOnly("DescribeTable");
		}
	}

	/** JSON values compared as data, through their JSON text: numbers by value, bytes as base64. */
	private static final class JsonData {

		private static final JsonMapper MAPPER = JsonMapper.builder()
			.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
			.enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
			.build();

		static boolean same(Object a, Object b) {
			return same(MAPPER.readTree(MAPPER.writeValueAsString(a)), MAPPER.readTree(MAPPER.writeValueAsString(b)));
		}

		private static boolean same(JsonNode a, JsonNode b) {
			if (a.isNumber() && b.isNumber()) {
				return a.decimalValue().compareTo(b.decimalValue()) == 0;
			}
			if (a.isObject() && b.isObject()) {
				return a.size() == b.size() && a.properties().stream().allMatch((field) -> b.has(field.getKey())
						&& same(field.getValue(), b.get(field.getKey())));
			}
			if (a.isArray() && b.isArray()) {
				return a.size() == b.size() && IntStream.range(0, a.size()).allMatch((i) -> same(a.get(i), b.get(i)));
			}
			return a.equals(b);
		}

	}

	private static void assertRefused(ThrowingCallable call) {
		assertThat(catchThrowable(call)).isInstanceOfAny(IllegalArgumentException.class, NullPointerException.class);
	}

	private static String describe(Object value) {
		String text = String.valueOf(value);
		StringBuilder shown = new StringBuilder();
		text.codePoints().limit(40).forEach((c) -> {
			if (c < 0x20 || (c >= 0xD800 && c <= 0xDFFF)) {
				shown.append(String.format("\\u%04X", c));
			}
			else {
				shown.appendCodePoint(c);
			}
		});
		int bytes = DynamoRules.utf8Length(text);
		return "\"" + shown + "\"" + ((text.length() > 40) ? "… (" + text.length() + " chars, " + ((bytes < 0) ? "not UTF-8" : bytes + " bytes") + ")" : "");
	}

}
