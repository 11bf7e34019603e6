package dev.dynamodown.dynalite;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ComparisonOperator;
import software.amazon.awssdk.services.dynamodb.model.Condition;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * launcher.js makes dynalite validate key conditions in DynamoDB's order, UTF-8 bytes, the order it
 * already stores and returns keys in. In UTF-16 code units, the order dynalite 4.0.0 validates in,
 * {@code "😀"} (a surrogate pair, D83D DE00) sorts before {@code "\uE000"}; in UTF-8 (F0 9F 98 80
 * against EE 80 80) after it, so without the fix every query below is refused as invalid.
 */
class Utf8KeyOrderTests {

	private static final String TABLE = "utf8-order";

	/** Keys in UTF-8 byte order. */
	private static final List<String> KEYS = List.of("a", "\uE000", "\uFFFD", "😀", "😁");

	private static DynamoDbClient client;

	@BeforeAll
	static void createItems() throws InterruptedException {
		client = TestDynamoDb.client(DynaliteServer.shared());
		TestDynamoDb.createTable(client, TABLE);
		for (String key : KEYS) {
			client.putItem((put) -> put.tableName(TABLE).item(key(key)));
		}
	}

	@AfterAll
	static void deleteTable() {
		client.deleteTable((delete) -> delete.tableName(TABLE));
		client.close();
	}

	@Test
	void acceptsBetweenBoundsInUtf8Order() {
		QueryResponse response = client.query(between("\uE000", "😀").build());
		assertThat(keys(response)).containsExactly("\uE000", "\uFFFD", "😀");
	}

	@Test
	void acceptsBetweenBoundsInUtf8OrderInTheLegacyKeyConditions() {
		QueryResponse response = client.query((query) -> query.tableName(TABLE)
			.keyConditions(Map.of("ns", Condition.builder().comparisonOperator(ComparisonOperator.EQ)
				.attributeValueList(AttributeValue.fromS("ns")).build(),
					"k", Condition.builder().comparisonOperator(ComparisonOperator.BETWEEN)
						.attributeValueList(AttributeValue.fromS("\uE000"), AttributeValue.fromS("😀")).build())));
		assertThat(keys(response)).containsExactly("\uE000", "\uFFFD", "😀");
	}

	@Test
	void pagesAcrossTheBoundaryWithExclusiveStartKeys() {
		List<String> keys = new ArrayList<>();
		Map<String, AttributeValue> start = null;
		do {
			QueryResponse page = client.query(between("\uE000", "😁").limit(2).exclusiveStartKey(start).build());
			keys.addAll(keys(page));
			start = page.hasLastEvaluatedKey() ? page.lastEvaluatedKey() : null;
		}
		while (start != null);
		assertThat(keys).containsExactly("\uE000", "\uFFFD", "😀", "😁");
	}

	@Test
	void acceptsAnExclusiveStartKeyAboveTheBoundary() {
		QueryResponse response = client.query((query) -> query.tableName(TABLE)
			.keyConditionExpression("ns = :ns AND k >= :from")
			.expressionAttributeValues(Map.of(":ns", AttributeValue.fromS("ns"), ":from", AttributeValue.fromS("\uE000")))
			.exclusiveStartKey(key("😀")));
		assertThat(keys(response)).containsExactly("😁");
	}

	@Test
	void stillRefusesAnInvertedBetween() {
		assertThat(catchThrowable(() -> client.query(between("😀", "\uE000").build())))
			.hasMessageContaining("The BETWEEN operator requires upper bound to be greater than or equal to lower bound");
	}

	private static QueryRequest.Builder between(String from, String to) {
		return QueryRequest.builder()
			.tableName(TABLE)
			.keyConditionExpression("ns = :ns AND k BETWEEN :from AND :to")
			.expressionAttributeValues(Map.of(":ns", AttributeValue.fromS("ns"), ":from", AttributeValue.fromS(from),
					":to", AttributeValue.fromS(to)));
	}

	private static Map<String, AttributeValue> key(String key) {
		return Map.of("ns", AttributeValue.fromS("ns"), "k", AttributeValue.fromS(key));
	}

	private static List<String> keys(QueryResponse response) {
		return response.items().stream().map((item) -> item.get("k").s()).toList();
	}

}
