package dev.dynamodown.internal.codec;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.dynamodown.ValueCodec;
import dev.dynamodown.internal.item.AttributePath;
import dev.dynamodown.internal.item.ItemRules;
import dev.dynamodown.internal.schema.TableSchema;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.POJONode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.InstanceOfAssertFactories.LIST;

class JsonCodecTest {

	record Address(String city, List<String> lines) {
	}

	record Meetup(String name, int members, BigDecimal rating, boolean active, List<String> tags, Address address,
			byte[] logo, String note) {
	}

	record Amount(BigDecimal value) {
	}

	record Floats(double d, float f) {
	}

	record Measures(List<Double> lines) {
	}

	record Located(Measures address) {
	}

	record SeedItem(String name, String empty, BigInteger big, double small, double zero, BigDecimal tenth,
			byte[] buffer, List<Object> list, Map<String, Object> map) {
	}

	record Person(String firstName, int memberCount) {
	}

	/** Jackson cannot write it: it refers to itself. */
	static class Loop {

		public Loop getSelf() {
			return this;
		}

	}

	/** A Jackson bean with a default constructor and accessors. */
	static class Member {

		private String handle;

		private long joined;

		public String getHandle() {
			return this.handle;
		}

		public void setHandle(String handle) {
			this.handle = handle;
		}

		public long getJoined() {
			return this.joined;
		}

		public void setJoined(long joined) {
			this.joined = joined;
		}

	}

	private static AttributeValue s(String text) {
		return AttributeValue.fromS(text);
	}

	private static AttributeValue n(String text) {
		return AttributeValue.fromN(text);
	}

	private static AttributeValue b(int... bytes) {
		byte[] raw = new byte[bytes.length];
		for (int i = 0; i < bytes.length; i++) {
			raw[i] = (byte) bytes[i];
		}
		return AttributeValue.fromB(SdkBytes.fromByteArray(raw));
	}

	@Nested
	class ObjectShapedValues {

		private final ValueCodec<Meetup> codec = ValueCodec.json(Meetup.class);

		private final Meetup meetup = new Meetup("BrooklynJS", 42, new BigDecimal("4.5"), true, List.of("js", ""),
				new Address("New York", List.of("1 Main St")), new byte[] { 1, 2, 3 }, null);

		@Test
		void spreadsEachFieldAsOneNativeAttribute() {
			assertThat(this.codec.encode(this.meetup)).containsExactly(
					Map.entry("name", s("BrooklynJS")),
					Map.entry("members", n("42")),
					Map.entry("rating", n("4.5")),
					Map.entry("active", AttributeValue.fromBool(true)),
					Map.entry("tags", AttributeValue.fromL(List.of(s("js"), s("")))),
					Map.entry("address", AttributeValue.fromM(Map.of("city", s("New York"), "lines",
							AttributeValue.fromL(List.of(s("1 Main St")))))),
					Map.entry("logo", b(1, 2, 3)),
					Map.entry("note", AttributeValue.fromNul(true)));
		}

		@Test
		void readsARecordBack() {
			Meetup read = this.codec.decode(this.codec.encode(this.meetup));
			assertThat(read).usingRecursiveComparison().isEqualTo(this.meetup);
			assertThat(read.logo()).containsExactly(1, 2, 3);
			assertThat(read.note()).isNull();
		}

		@Test
		void readsABeanBack() {
			Member member = new Member();
			member.setHandle("jed");
			member.setJoined(1_420_070_400_000L);
			ValueCodec<Member> beans = ValueCodec.json(Member.class);
			Map<String, AttributeValue> attributes = beans.encode(member);
			assertThat(attributes).containsOnly(Map.entry("handle", s("jed")), Map.entry("joined", n("1420070400000")));
			assertThat(beans.decode(attributes)).usingRecursiveComparison().isEqualTo(member);
		}

		@Test
		void readsNestedMapsAndListsBack() {
			Map<String, Object> value = new LinkedHashMap<>();
			value.put("list", List.of(1, "two", List.of(true, Map.of("deep", new BigDecimal("0.5")))));
			value.put("map", Map.of("nothing", new ArrayList<>(), "empty", Map.of()));
			value.put("unicode", "日本語 😀 é");
			@SuppressWarnings("unchecked")
			ValueCodec<Map<String, Object>> maps = (ValueCodec<Map<String, Object>>) (ValueCodec<?>) ValueCodec.json(Map.class);
			Map<String, AttributeValue> attributes = maps.encode(value);
			assertThat(attributes.get("list").l().get(2).l().get(1).m().get("deep")).isEqualTo(n("0.5"));
			assertThat(maps.decode(attributes)).isEqualTo(value);
		}

		@Test
		void writesEmptyStringsAsEmptyS() {
			assertThat(this.codec.encode(new Meetup("", 0, BigDecimal.ZERO, false, List.of(), null, new byte[0], "")))
				.containsEntry("name", s(""))
				.containsEntry("note", s(""))
				.containsEntry("rating", n("0"))
				.containsEntry("tags", AttributeValue.fromL(List.of()))
				.containsEntry("address", AttributeValue.fromNul(true))
				.containsEntry("logo", b());
		}

		@Test
		void readsAFieldNamedValueFromTheSpreadItem() {
			ValueCodec<Amount> amounts = ValueCodec.json(Amount.class);
			Map<String, AttributeValue> attributes = amounts.encode(new Amount(new BigDecimal("12.30")));
			assertThat(attributes).containsOnly(Map.entry("value", n("12.3")));
			assertThat(amounts.decode(attributes).value()).isEqualByComparingTo("12.3");
		}

	}

	@Nested
	class Numbers {

		private final ValueCodec<Amount> codec = ValueCodec.json(Amount.class);

		@ParameterizedTest
		@ValueSource(strings = { "0.1", "1E-130", "-1E-130", "12345678901234567890123456789012345678",
				"0.12345678901234567890123456789012345678", "9.9999999999999999999999999999999999999E+125", "-42" })
		void keepEveryDigit(String text) {
			BigDecimal value = new BigDecimal(text);
			Map<String, AttributeValue> attributes = this.codec.encode(new Amount(value));
			assertThat(new BigDecimal(attributes.get("value").n())).isEqualTo(value.stripTrailingZeros());
			assertThat(this.codec.decode(attributes).value()).isEqualByComparingTo(value);
		}

		@Test
		void writeFloatingPointByItsShortestText() {
			ValueCodec<Floats> floats = ValueCodec.json(Floats.class);
			Map<String, AttributeValue> attributes = floats.encode(new Floats(0.1, 0.1f));
			assertThat(attributes).containsOnly(Map.entry("d", n("0.1")), Map.entry("f", n("0.1")));
			assertThat(floats.decode(attributes)).isEqualTo(new Floats(0.1, 0.1f));
			assertThat(floats.encode(new Floats(1e21, -0.0f))).containsOnly(Map.entry("d", n("1E+21")),
					Map.entry("f", n("0")));
		}

		@Test
		void readBackIntoUntypedMapsExactly() {
			@SuppressWarnings("unchecked")
			Map<String, Object> read = ValueCodec.json(Map.class)
				.decode(Map.of("tenth", n("0.1"), "int", n("7"), "long", n("1e+12"), "big", n("1e+21")));
			assertThat(read).containsOnly(Map.entry("tenth", new BigDecimal("0.1")), Map.entry("int", 7),
					Map.entry("long", 1_000_000_000_000L), Map.entry("big", BigInteger.TEN.pow(21)));
		}

	}

	@Nested
	class OtherValues {

		@Test
		void storeAStringInTheValueAttribute() {
			ValueCodec<String> codec = ValueCodec.json(String.class);
			assertThat(codec.encode("héllo 😀")).containsOnly(Map.entry("value", s("héllo 😀")));
			assertThat(codec.encode("")).containsOnly(Map.entry("value", s("")));
			assertThat(codec.decode(codec.encode(""))).isEmpty();
			assertThat(codec.decode(codec.encode("héllo 😀"))).isEqualTo("héllo 😀");
		}

		@Test
		void storeNumbersAndBooleansInTheValueAttribute() {
			assertThat(ValueCodec.json(Integer.class).encode(42)).containsOnly(Map.entry("value", n("42")));
			assertThat(ValueCodec.json(Integer.class).decode(Map.of("value", n("42")))).isEqualTo(42);
			assertThat(ValueCodec.json(BigDecimal.class).decode(Map.of("value", n("0.1")))).isEqualTo("0.1");
			assertThat(ValueCodec.json(Boolean.class).encode(false))
				.containsOnly(Map.entry("value", AttributeValue.fromBool(false)));
			assertThat(ValueCodec.json(Boolean.class).decode(Map.of("value", AttributeValue.fromBool(true)))).isTrue();
		}

		@Test
		void storeArraysAndBytesInTheValueAttribute() {
			ValueCodec<int[]> ints = ValueCodec.json(int[].class);
			assertThat(ints.encode(new int[] { 1, 2 }))
				.containsOnly(Map.entry("value", AttributeValue.fromL(List.of(n("1"), n("2")))));
			assertThat(ints.decode(ints.encode(new int[] { 1, 2 }))).containsExactly(1, 2);
			ValueCodec<byte[]> bytes = ValueCodec.json(byte[].class);
			assertThat(bytes.encode(new byte[] { 9, 8 })).containsOnly(Map.entry("value", b(9, 8)));
			assertThat(bytes.decode(bytes.encode(new byte[] { 9, 8 }))).containsExactly(9, 8);
			@SuppressWarnings("unchecked")
			ValueCodec<List<String>> lists = (ValueCodec<List<String>>) (ValueCodec<?>) ValueCodec.json(List.class);
			assertThat(lists.decode(lists.encode(List.of("a", "b")))).containsExactly("a", "b");
		}

		@Test
		void honourHowTheMapperWritesAType() {
			// Instant is written as a string, so it lives in 'value' although it is a class.
			ValueCodec<Instant> instants = ValueCodec.json(Instant.class);
			Instant now = Instant.parse("2015-01-01T00:00:00Z");
			assertThat(instants.encode(now)).containsOnly(Map.entry("value", s("2015-01-01T00:00:00Z")));
			assertThat(instants.decode(instants.encode(now))).isEqualTo(now);
		}

		@Test
		void readUntypedValuesFromALoneValueAttribute() {
			assertThat(ValueCodec.json(Object.class).decode(Map.of("value", s("x")))).isEqualTo("x");
			assertThat(ValueCodec.json(Object.class).decode(Map.of("value", s("x"), "other", n("1"))))
				.isEqualTo(Map.of("value", "x", "other", 1));
			assertThat(ValueCodec.json(JsonNode.class).decode(Map.of("value", n("1.5"))).decimalValue())
				.isEqualTo("1.5");
			assertThat(ValueCodec.json(Map.class).decode(Map.of("value", s("x")))).isEqualTo(Map.of("value", "x"));
		}

		@Test
		void readALoneNullValueAsAnObject() {
			// no codec stores a null scalar: this NULL is an object's field (dynamo-down's {value: null})
			Map<String, AttributeValue> item = Map.of("value", AttributeValue.fromNul(true));
			assertThat(ValueCodec.json(Object.class).decode(item)).isEqualTo(Collections.singletonMap("value", null));
			assertThat(ValueCodec.json(JsonNode.class).decode(item).isObject()).isTrue();
		}

	}

	@Nested
	class ItemsOfOtherWriters {

		@Test
		void readWhatDynamoDownWrote() {
			// dynamo-down stored "" as NULL and numbers as JavaScript's String(number).
			Map<String, AttributeValue> seed = new LinkedHashMap<>();
			seed.put("name", s("QueensJS"));
			seed.put("empty", AttributeValue.fromNul(true));
			seed.put("big", n("1e+21"));
			seed.put("small", n("5e-7"));
			seed.put("zero", n("-0"));
			seed.put("tenth", n("0.1"));
			seed.put("buffer", b(0, 255));
			seed.put("list", AttributeValue.fromL(List.of(n("1"), AttributeValue.fromNul(true), s("x"))));
			seed.put("map", AttributeValue.fromM(Map.of("nested", AttributeValue.fromM(Map.of("n", n("1.5e+3"))))));
			SeedItem read = ValueCodec.json(SeedItem.class).decode(seed);
			assertThat(read.name()).isEqualTo("QueensJS");
			assertThat(read.empty()).isNull();
			assertThat(read.big()).isEqualTo(BigInteger.TEN.pow(21));
			assertThat(read.small()).isEqualTo(5e-7);
			assertThat(read.zero()).isZero();
			assertThat(read.tenth()).isEqualTo("0.1");
			assertThat(read.buffer()).containsExactly(0, -1);
			assertThat(read.list()).containsExactly(1, null, "x");
			assertThat(read.map()).isEqualTo(Map.of("nested", Map.of("n", 1500)));
		}

		@Test
		void readSetsAsArrays() {
			@SuppressWarnings("unchecked")
			Map<String, Object> read = ValueCodec.json(Map.class).decode(Map.of("ss", AttributeValue.fromSs(List.of("a", "b")),
					"ns", AttributeValue.fromNs(List.of("1", "0.5")), "bs",
					AttributeValue.fromBs(List.of(SdkBytes.fromByteArray(new byte[] { 7 })))));
			assertThat(read).containsEntry("ss", List.of("a", "b")).containsEntry("ns", List.of(1, new BigDecimal("0.5")));
			assertThat(read.get("bs")).asInstanceOf(LIST)
				.singleElement()
				.isEqualTo(new byte[] { 7 });
			record Tagged(List<String> ss, List<BigDecimal> ns, List<byte[]> bs) {
			}
			Tagged tagged = ValueCodec.json(Tagged.class).decode(Map.of("ss", AttributeValue.fromSs(List.of("a")), "ns",
					AttributeValue.fromNs(List.of("2")), "bs", AttributeValue.fromBs(List.of(SdkBytes.fromByteArray(new byte[] { 7 })))));
			assertThat(tagged.ns()).containsExactly(new BigDecimal("2"));
			assertThat(tagged.bs()).singleElement().satisfies((bytes) -> assertThat(bytes).containsExactly(7));
		}

	}

	@Nested
	class Refusals {

		@Test
		void numbersThatAreNotFinite() {
			ValueCodec<Located> codec = ValueCodec.json(Located.class);
			assertThatIllegalArgumentException()
				.isThrownBy(() -> codec.encode(new Located(new Measures(List.of(1.0, 2.0, 3.0, Double.NaN)))))
				.withMessage("Attribute 'address.lines[3]' is NaN; DynamoDB numbers must be finite");
			assertThatIllegalArgumentException()
				.isThrownBy(() -> ValueCodec.json(Float.class).encode(Float.NEGATIVE_INFINITY))
				.withMessage("Attribute 'value' is -Infinity; DynamoDB numbers must be finite");
		}

		@Test
		void numbersDynamoDbCannotStore() {
			ValueCodec<Amount> codec = ValueCodec.json(Amount.class);
			assertThatIllegalArgumentException()
				.isThrownBy(() -> codec.encode(new Amount(new BigDecimal("1234567890123456789012345678901234567891"))))
				.withMessageStartingWith("Attribute 'value' has 40 significant digits; DynamoDB stores at most 38");
			assertThatIllegalArgumentException().isThrownBy(() -> codec.encode(new Amount(new BigDecimal("1E+126"))))
				.withMessageStartingWith("Attribute 'value' is 1E+126, outside DynamoDB's number range");
			assertThatIllegalArgumentException().isThrownBy(() -> codec.encode(new Amount(new BigDecimal("-1E-131"))))
				.withMessageStartingWith("Attribute 'value' is -1E-131, outside DynamoDB's number range");
		}

		@Test
		void emptyNames() {
			assertThatIllegalArgumentException().isThrownBy(() -> ValueCodec.json(Map.class).encode(Map.of("", 1)))
				.withMessage("Attribute names must not be empty (DynamoDB refuses them)");
			assertThatIllegalArgumentException()
				.isThrownBy(() -> ValueCodec.json(Map.class).encode(Map.of("a", List.of(Map.of("", 1)))))
				.withMessage("Attribute 'a[0]' has a field with an empty name; DynamoDB refuses empty attribute names");
		}

		@Test
		void nestingDeeperThan32Levels() {
			assertThat(ValueCodec.json(Map.class).encode(nestedMaps(31))).isNotEmpty();
			assertThatIllegalArgumentException().isThrownBy(() -> ValueCodec.json(Map.class).encode(nestedMaps(32)))
				.withMessage("Attribute '" + "a.".repeat(32) + "a' is nested 33 levels deep; DynamoDB allows at most 32");
			// A value that is not an object starts at level 1 too: 'value' holds the outer list.
			assertThat(ValueCodec.json(List.class).encode(nestedLists(31))).containsKey("value");
			assertThatIllegalArgumentException().isThrownBy(() -> ValueCodec.json(List.class).encode(nestedLists(32)))
				.withMessageStartingWith("Attribute 'value[0][0]")
				.withMessageEndingWith("is nested 33 levels deep; DynamoDB allows at most 32");
		}

		@Test
		void typesWithoutAJsonForm() {
			// Jackson embeds only byte[] in trees it writes; any other embedded object is refused.
			assertThatIllegalArgumentException()
				.isThrownBy(() -> JsonAttributes.toAttribute(new POJONode(new Object()), AttributePath.attribute("x")))
				.withMessage("Attribute 'x' holds a java.lang.Object that Jackson did not serialise to JSON; "
						+ "DynamoDB cannot store it");
			assertThatIllegalArgumentException().isThrownBy(() -> ValueCodec.json(Loop.class).encode(new Loop()))
				.withMessageStartingWith("Cannot write " + Loop.class.getName() + " as JSON: ")
				.withMessageContaining("cycle");
			assertThatIllegalArgumentException().isThrownBy(() -> ValueCodec.json(Optional.class).encode(Optional.empty()))
				.withMessage("java.util.Optional is written as JSON null, which cannot be read back as a value");
			assertThatNullPointerException().isThrownBy(() -> ValueCodec.json(String.class).encode(null))
				.withMessage("'value' must not be null");
		}

		@Test
		void fieldsNamedLikeTheKeysOnceTheStoreChecksTheItem() {
			record Clash(String k) {
			}
			Map<String, AttributeValue> attributes = ValueCodec.json(Clash.class).encode(new Clash("x"));
			assertThatIllegalArgumentException()
				.isThrownBy(() -> ItemRules.checkItem(new TableSchema("t", "ns", "k"), "notes", "a", attributes, null))
				.withMessageContaining("has a field named 'k', which is the table's range-key attribute");
		}

		@Test
		void itemsThatDoNotFitTheType() {
			assertThatIllegalArgumentException()
				.isThrownBy(() -> ValueCodec.json(String.class).decode(Map.of("a", s("x"), "b", s("y"))))
				.withMessageStartingWith("Cannot read a java.lang.String from attributes [");
			assertThatIllegalArgumentException()
				.isThrownBy(() -> ValueCodec.json(String.class).decode(Map.of("value", AttributeValue.fromNul(true))))
				.withMessageStartingWith("Cannot read a java.lang.String from attributes [value]: ");
			assertThatIllegalArgumentException()
				.isThrownBy(() -> ValueCodec.json(Amount.class).decode(Map.of("value", n("twelve"))))
				.withMessage("Attribute 'value' is not a number: \"twelve\"");
		}

		private static Map<String, Object> nestedMaps(int levels) {
			Object value = "leaf";
			for (int i = 0; i < levels; i++) {
				value = Map.of("a", value);
			}
			return Map.of("a", value);
		}

		/** A scalar inside {@code levels} lists, the outermost being the 'value' attribute. */
		private static List<?> nestedLists(int levels) {
			Object value = "leaf";
			for (int i = 0; i < levels; i++) {
				value = List.of(value);
			}
			return (List<?>) value;
		}

	}

	@Test
	void honoursTheApplicationsMapper() {
		ObjectMapper snakeCase = JsonMapper.builder().propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE).build();
		ValueCodec<Person> codec = ValueCodec.json(Person.class, snakeCase);
		Map<String, AttributeValue> attributes = codec.encode(new Person("Jed", 3));
		assertThat(attributes).containsOnly(Map.entry("first_name", s("Jed")), Map.entry("member_count", n("3")));
		assertThat(codec.decode(attributes)).isEqualTo(new Person("Jed", 3));
	}

	@Test
	void refusesNullArguments() {
		assertThatNullPointerException().isThrownBy(() -> ValueCodec.json(null)).withMessage("'type' must not be null");
		assertThatNullPointerException().isThrownBy(() -> ValueCodec.json(String.class, null))
			.withMessage("'mapper' must not be null");
	}

}
