package dev.dynamodown;

import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Items with a lone {@code value} attribute, as the npm {@code dynamo-down} writes them (written
 * here with raw {@code PutItem}s in its exact layout), read through every built-in codec against
 * dynalite: one rule ({@link ValueCodec}'s Javadoc) decides scalar or object, and a codec that
 * cannot read an item says so naming the key.
 */
class SeedItemsTest {

	@RegisterExtension
	static final DynamoDownFixture fixture = DynamoDownFixture.table("seed-items");

	/** An object-shaped type with a field named like the scalar attribute. */
	record Wrapped(Object value) {
	}

	@Test
	void aLoneValueHoldingAScalarIsThatScalarUnlessTheTypeOnlyHoldsObjects() {
		String namespace = "scalar";
		putRaw(namespace, "five", Map.of("value", AttributeValue.fromN("5"))); // dynamo-down's {value: 5}
		putRaw(namespace, "text", Map.of("value", AttributeValue.fromS("x"))); // dynamo-down's {value: "x"}

		assertThat(get(namespace, ValueCodec.json(Object.class), "five")).isEqualTo(5);
		assertThat(get(namespace, ValueCodec.json(JsonNode.class), "five")).isEqualTo(JsonNodeFactory.instance.numberNode(5));
		assertThat(get(namespace, ValueCodec.json(Integer.class), "five")).isEqualTo(5);
		assertThat(get(namespace, ValueCodec.json(Map.class), "five")).isEqualTo(Map.of("value", 5));
		assertThat(get(namespace, ValueCodec.json(Wrapped.class), "five")).isEqualTo(new Wrapped(5));
		assertThat(get(namespace, ValueCodec.string(), "text")).isEqualTo("x");
		assertThat(get(namespace, ValueCodec.attributes(), "five")).isEqualTo(Map.of("value", AttributeValue.fromN("5")));
	}

	@Test
	void aLoneNullValueIsAnObjectForEveryCodec() {
		String namespace = "null";
		// dynamo-down writes {value: null}, and {value: ""} too, as a NULL attribute.
		putRaw(namespace, "nothing", Map.of("value", AttributeValue.fromNul(true)));
		Map<String, Object> object = Collections.singletonMap("value", null);

		assertThat(get(namespace, ValueCodec.json(Object.class), "nothing")).isEqualTo(object);
		assertThat(get(namespace, ValueCodec.json(JsonNode.class), "nothing"))
			.isEqualTo(JsonNodeFactory.instance.objectNode().putNull("value"));
		assertThat(get(namespace, ValueCodec.json(Map.class), "nothing")).isEqualTo(object);
		assertThat(get(namespace, ValueCodec.json(Wrapped.class), "nothing")).isEqualTo(new Wrapped(null));
		assertThat(get(namespace, ValueCodec.attributes(), "nothing")).isEqualTo(Map.of("value", AttributeValue.fromNul(true)));
		assertThatIllegalArgumentException().isThrownBy(() -> get(namespace, ValueCodec.string(), "nothing"))
			.withMessageStartingWith("Cannot read the value of key 'nothing' with ValueCodec.string(): "
					+ "The item is an object with attributes [value], not a string in a lone 'value' attribute");
		assertThatIllegalArgumentException().isThrownBy(() -> get(namespace, ValueCodec.bytes(), "nothing"))
			.withMessageStartingWith("Cannot read the value of key 'nothing' with ValueCodec.bytes(): "
					+ "The item is an object with attributes [value], not binary data");
		assertThatIllegalArgumentException().isThrownBy(() -> get(namespace, ValueCodec.json(String.class), "nothing"))
			.withMessageStartingWith("Cannot read the value of key 'nothing' with JsonCodec<java.lang.String>: "
					+ "Cannot read a java.lang.String from attributes [value]");
	}

	@Test
	void theStringCodecNamesTheKeyOfAnObjectOnEveryRead() {
		String namespace = "objects";
		fixture.template(namespace, ValueCodec.json(Map.class)).put("json", Map.of("text", "hi"));
		putRaw(namespace, "keys-only", Map.of()); // dynamo-down's {}
		putRaw(namespace, "two-fields", Map.of("value", AttributeValue.fromS("x"), "other",
				AttributeValue.fromB(SdkBytes.fromByteArray(new byte[] { 1 }))));
		SortedKeyValueTemplate<String> strings = fixture.template(namespace, ValueCodec.string());

		for (String key : List.of("json", "keys-only", "two-fields")) {
			assertThatIllegalArgumentException().isThrownBy(() -> strings.get(key))
				.withMessageStartingWith("Cannot read the value of key '" + key + "' with ValueCodec.string(): "
						+ "The item is an object with attributes [")
				.withCauseInstanceOf(IllegalArgumentException.class);
			assertThatIllegalArgumentException().isThrownBy(() -> strings.getAll(List.of(key)))
				.withMessageStartingWith("Cannot read the value of key '" + key + "'");
			assertThatIllegalArgumentException().isThrownBy(() -> strings.list(KeyRange.all().gte(key).lte(key)))
				.withMessageStartingWith("Cannot read the value of key '" + key + "'");
			assertThatIllegalArgumentException().isThrownBy(() -> strings.values(KeyRange.all().gte(key).lte(key)).toList())
				.withMessageStartingWith("Cannot read the value of key '" + key + "'");
		}
	}

	private static <V> V get(String namespace, ValueCodec<V> codec, String key) {
		return fixture.template(namespace, codec).get(key).orElseThrow();
	}

	/** Writes an item the way {@code dynamo-down} does: its attributes beside hash {@code ns} and range {@code k}. */
	private static void putRaw(String namespace, String key, Map<String, AttributeValue> attributes) {
		Map<String, AttributeValue> item = new HashMap<>(attributes);
		item.put("ns", AttributeValue.fromS(namespace));
		item.put("k", AttributeValue.fromS(key));
		fixture.client().putItem((put) -> put.tableName(fixture.table()).item(item));
	}

}
