package dev.dynamodown.internal.query;

import java.math.BigDecimal;
import java.util.Map;

import dev.dynamodown.KeyRange;
import dev.dynamodown.internal.Keys;
import dev.dynamodown.internal.schema.TableSchema;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.Select;

import static org.assertj.core.api.Assertions.assertThat;

/** How each shape of {@link KeyRange} becomes a key condition (no server needed). */
class QueryPlanTest {

	private static final TableSchema SCHEMA = new TableSchema("t", "pk", "sk", "ttl");

	private static final BigDecimal NOW = new BigDecimal("1700000000.25");

	@Test
	void allReadsThePartition() {
		QueryRequest request = request(KeyRange.all());
		assertThat(request.keyConditionExpression()).isEqualTo("#h = :h");
		assertThat(request.expressionAttributeNames()).containsOnly(Map.entry("#h", "pk"), Map.entry("#e", "ttl"));
		assertThat(request.expressionAttributeValues()).containsOnly(Map.entry(":h", AttributeValue.fromS("p")),
				Map.entry(":now", AttributeValue.fromN("1700000000.25")));
		assertThat(request.filterExpression()).isEqualTo("NOT (#e <= :now)");
		assertThat(request.consistentRead()).isTrue();
		assertThat(request.scanIndexForward()).isTrue();
	}

	@Test
	void clearReadsEveryKeyExpiredOrNot() {
		QueryRequest request = plan(KeyRange.all()).request("t", RangeRead.EVERY_KEY, true, NOW).build();
		assertThat(request.filterExpression()).isNull();
		assertThat(request.projectionExpression()).isEqualTo("#h, #r");
		assertThat(request.expressionAttributeNames()).containsOnly(Map.entry("#h", "pk"), Map.entry("#r", "sk"));
		assertThat(request.expressionAttributeValues()).containsOnly(Map.entry(":h", AttributeValue.fromS("p")));
	}

	@Test
	void countCountsWithTheFilter() {
		QueryRequest request = plan(KeyRange.all()).request("t", RangeRead.COUNT, false, NOW).build();
		assertThat(request.select()).isEqualTo(Select.COUNT);
		assertThat(request.filterExpression()).isEqualTo("NOT (#e <= :now)");
		assertThat(request.projectionExpression()).isNull();
		assertThat(request.consistentRead()).isFalse();
	}

	@Test
	void singleBoundsUseInclusiveComparisons() {
		assertThat(request(KeyRange.all().gte("a")).keyConditionExpression()).isEqualTo("#h = :h AND #r >= :lo");
		assertThat(request(KeyRange.all().lte("a").reverse()).keyConditionExpression())
			.isEqualTo("#h = :h AND #r <= :hi");
		QueryRequest above = request(KeyRange.all().gt("a"));
		assertThat(above.keyConditionExpression()).as("> a is >= a + U+0000").isEqualTo("#h = :h AND #r >= :lo");
		assertThat(above.expressionAttributeValues()).containsEntry(":lo", AttributeValue.fromS("a\u0000"));
		QueryRequest below = request(KeyRange.all().lt("b"));
		assertThat(below.keyConditionExpression()).isEqualTo("#h = :h AND #r <= :hi");
		assertThat(below.expressionAttributeValues().get(":hi").s()).as("< b is <= the last key before b")
			.startsWith("a\uDBFF\uDFFF");
	}

	@Test
	void bothBoundsUseBetweenOfTheKeysInside() {
		QueryRequest request = request(KeyRange.all().gt("a").lte("c"));
		assertThat(request.keyConditionExpression()).isEqualTo("#h = :h AND #r BETWEEN :lo AND :hi");
		assertThat(request.expressionAttributeValues()).containsEntry(":lo", AttributeValue.fromS("a\u0000"))
			.containsEntry(":hi", AttributeValue.fromS("c"));
		assertThat(request(KeyRange.all().gt("a").lt("a\u0000\u0000")).expressionAttributeValues())
			.as("an upper bound ending in U+0000 drops it").containsEntry(":lo", AttributeValue.fromS("a\u0000"))
			.containsEntry(":hi", AttributeValue.fromS("a\u0000"));
	}

	@Test
	void prefixAloneUsesBeginsWith() {
		QueryRequest request = request(KeyRange.prefix("user:"));
		assertThat(request.keyConditionExpression()).isEqualTo("#h = :h AND begins_with(#r, :p)");
		assertThat(request.expressionAttributeValues()).containsEntry(":p", AttributeValue.fromS("user:"));
	}

	@Test
	void prefixWithBoundsIsIntersected() {
		QueryRequest request = request(KeyRange.prefix("user:").gt("user:m"));
		assertThat(request.keyConditionExpression()).isEqualTo("#h = :h AND #r BETWEEN :lo AND :hi");
		assertThat(request.expressionAttributeValues()).containsEntry(":lo", AttributeValue.fromS("user:m\u0000"))
			.containsEntry(":hi", AttributeValue.fromS(Keys.lastWithPrefix("user:")));
		QueryRequest looser = request(KeyRange.prefix("user:").gte("a").lte("zzz"));
		assertThat(looser.expressionAttributeValues()).containsEntry(":lo", AttributeValue.fromS("user:"))
			.containsEntry(":hi", AttributeValue.fromS(Keys.lastWithPrefix("user:")));
	}

	@Test
	void prefixOfTheMaximumKeyLengthSelectsItselfOnly() {
		String longest = "a".repeat(1023) + "\u007f";
		QueryRequest request = request(KeyRange.prefix(longest).gte("a"));
		assertThat(request.expressionAttributeValues()).containsEntry(":lo", AttributeValue.fromS(longest))
			.containsEntry(":hi", AttributeValue.fromS(longest));
	}

	@Test
	void keysOnlyProjectsTheKeyAttributes() {
		QueryRequest request = plan(KeyRange.all()).request("t", RangeRead.KEYS, true, NOW).build();
		assertThat(request.projectionExpression()).isEqualTo("#h, #r");
		assertThat(request.expressionAttributeNames()).containsOnly(Map.entry("#h", "pk"), Map.entry("#r", "sk"),
				Map.entry("#e", "ttl"));
	}

	@Test
	void emptyRangesHaveNoPlan() {
		assertThat(QueryPlan.of(KeyRange.all().gt("b").lt("a"), SCHEMA, "p")).isEmpty();
		assertThat(QueryPlan.of(KeyRange.all().gt("a").lt("a"), SCHEMA, "p")).isEmpty();
		assertThat(QueryPlan.of(KeyRange.prefix("b").lt("a"), SCHEMA, "p")).isEmpty();
		assertThat(QueryPlan.of(KeyRange.all().limit(0), SCHEMA, "p")).isEmpty();
		assertThat(QueryPlan.of(KeyRange.all().gt("a").lt("a\u0000"), SCHEMA, "p")).as("no key between them").isEmpty();
		assertThat(QueryPlan.of(KeyRange.all().lt("\u0000"), SCHEMA, "p")).as("no key below U+0000").isEmpty();
	}

	private static QueryPlan plan(KeyRange range) {
		return QueryPlan.of(range, SCHEMA, "p").orElseThrow();
	}

	private static QueryRequest request(KeyRange range) {
		return plan(range).request("t", RangeRead.ENTRIES, true, NOW).build();
	}

}
