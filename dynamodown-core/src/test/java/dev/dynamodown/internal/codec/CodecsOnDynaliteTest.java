package dev.dynamodown.internal.codec;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.dynamodown.DynaliteSupport;
import dev.dynamodown.ValueCodec;
import dev.dynamodown.internal.item.ItemRules;
import dev.dynamodown.internal.schema.TableSchema;
import dev.dynamodown.internal.item.ItemSize;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The layouts the codecs write are items DynamoDB accepts: each value is written with a raw
 * {@code PutItem}, read back with {@code GetItem} and decoded, against dynalite.
 */
class CodecsOnDynaliteTest {

	private static String table;

	private static DynamoDbClient client;

	record Address(String city, List<String> lines) {
	}

	record Meetup(String name, String motto, int members, BigDecimal rating, double share, double tiny, BigDecimal huge,
			byte[] logo, List<Object> mixed, Address address, String note) {
	}

	@BeforeAll
	static void createTable() {
		client = DynaliteSupport.client();
		table = DynaliteSupport.createTable(client, "codecs");
	}

	@AfterAll
	static void deleteTable() {
		client.deleteTable((delete) -> delete.tableName(table));
		client.close();
	}

	private static <V> V roundTrip(String key, ValueCodec<V> codec, V value) {
		Map<String, AttributeValue> attributes = codec.encode(value);
		ItemRules.checkItem(new TableSchema("t", "ns", "k"), "values", key, attributes, null);
		client.putItem((put) -> put.tableName(table).item(item(key, attributes)));
		Map<String, AttributeValue> stored = new HashMap<>(client
			.getItem((get) -> get.tableName(table).key(item(key, Map.of())).consistentRead(true))
			.item());
		assertThat(stored.remove("ns")).isEqualTo(AttributeValue.fromS("values"));
		assertThat(stored.remove("k")).isEqualTo(AttributeValue.fromS(key));
		return codec.decode(stored);
	}

	private static Map<String, AttributeValue> item(String key, Map<String, AttributeValue> attributes) {
		Map<String, AttributeValue> item = new HashMap<>(attributes);
		item.put("ns", AttributeValue.fromS("values"));
		item.put("k", AttributeValue.fromS(key));
		return item;
	}

	@Test
	void objectsSpreadOverTheItem() {
		Meetup meetup = new Meetup("BrooklynJS", "", 120, new BigDecimal("0.12345678901234567890123456789012345678"), 0.1,
				1E-130, new BigDecimal("9.9999999999999999999999999999999999999E+125"), new byte[] { 0, (byte) 0xFF, 7 },
				List.of("", 42, false, List.of(), Map.of("empty", "")), new Address("日本 😀", List.of("", "1 Main St")), null);
		Meetup read = roundTrip("meetup", ValueCodec.json(Meetup.class), meetup);
		assertThat(read).usingRecursiveComparison().withComparatorForType(BigDecimal::compareTo, BigDecimal.class)
			.isEqualTo(meetup);
	}

	@Test
	void otherValuesInTheValueAttribute() {
		assertThat(roundTrip("json-string", ValueCodec.json(String.class), "")).isEmpty();
		assertThat(roundTrip("json-number", ValueCodec.json(BigDecimal.class), new BigDecimal("-1E-130")))
			.isEqualByComparingTo("-1E-130");
		assertThat(roundTrip("json-array", ValueCodec.json(String[].class), new String[] { "", "a" })).containsExactly("", "a");
		assertThat(roundTrip("string", ValueCodec.string(), "")).isEmpty();
		assertThat(roundTrip("unicode", ValueCodec.string(), "héllo 😀")).isEqualTo("héllo 😀");
		assertThat(roundTrip("bytes", ValueCodec.bytes(), new byte[] { 1, 2, 3 })).containsExactly(1, 2, 3);
		assertThat(roundTrip("empty-bytes", ValueCodec.bytes(), new byte[0])).isEmpty();
	}

	@Test
	void rawAttributesAndSets() {
		Map<String, AttributeValue> raw = Map.of("ss", AttributeValue.fromSs(List.of("a", "b")), "nums",
				AttributeValue.fromNs(List.of("1", "0.5")), "bs",
				AttributeValue.fromBs(List.of(SdkBytes.fromByteArray(new byte[] { 1 }))));
		Map<String, AttributeValue> read = roundTrip("raw", ValueCodec.attributes(), raw);
		assertThat(read.get("ss").ss()).containsExactlyInAnyOrder("a", "b");
		assertThat(read.get("nums").ns()).containsExactlyInAnyOrder("1", "0.5");
		assertThat(read.get("bs").bs()).containsExactly(SdkBytes.fromByteArray(new byte[] { 1 }));
	}

	@Test
	void itemSizeLimitAgreesWithTheServer() {
		// "ns" + "values" + "k" + "limit" + "value" = 19 bytes besides the string; ASCII, so
		// dynalite's count (UTF-16 units) is the same as DynamoDB's (UTF-8 bytes).
		Map<String, AttributeValue> fits = Map.of("value", AttributeValue.fromS("x".repeat(409_600 - 19)));
		assertThat(ItemSize.ofItem("ns", "values", "k", "limit", fits)).isEqualTo(409_600);
		ItemRules.checkItem(new TableSchema("t", "ns", "k"), "values", "limit", fits, null);
		client.putItem((put) -> put.tableName(table).item(item("limit", fits)));

		Map<String, AttributeValue> tooBig = Map.of("value", AttributeValue.fromS("x".repeat(409_601 - 19)));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ItemRules.checkItem(new TableSchema("t", "ns", "k"), "values", "limit", tooBig, null))
			.withMessageStartingWith("Item \"limit\" is 409,601 bytes");
		assertThatExceptionOfType(DynamoDbException.class)
			.isThrownBy(() -> client.putItem((put) -> put.tableName(table).item(item("limit", tooBig))))
			.withMessageContaining("Item size has exceeded the maximum allowed size");
	}

}
