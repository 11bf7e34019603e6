package dev.dynamodown.internal.query;

import java.util.Map;

import dev.dynamodown.KeyRange;
import dev.dynamodown.internal.schema.TableSchema;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

import static org.assertj.core.api.Assertions.assertThat;

/** How each shape of {@link KeyRange} becomes a key condition (no server needed). */
class QueryPlanTest {

	private static final TableSchema SCHEMA = new TableSchema("t", "pk", "sk");

	@Test
	void allReadsThePartition() {
		QueryRequest request = request(KeyRange.all());
		assertThat(request.keyConditionExpression()).isEqualTo("#h = :h");
		assertThat(request.expressionAttributeNames()).containsOnly(Map.entry("#h", "pk"));
		assertThat(request.expressionAttributeValues()).containsOnly(Map.entry(":h", AttributeValue.fromS("p")));
		assertThat(request.consistentRead()).isTrue();
		assertThat(request.scanIndexForward()).isTrue();
	}

	@Test
	void singleBoundsUseComparisons() {
		assertThat(request(KeyRange.all().gt("a")).keyConditionExpression()).isEqualTo("#h = :h AND #r > :lo");
		assertThat(request(KeyRange.all().gte("a")).keyConditionExpression()).isEqualTo("#h = :h AND #r >= :lo");
		assertThat(request(KeyRange.all().lt("a")).keyConditionExpression()).isEqualTo("#h = :h AND #r < :hi");
		assertThat(request(KeyRange.all().lte("a").reverse()).keyConditionExpression())
			.isEqualTo("#h = :h AND #r <= :hi");
		assertThat(plan(KeyRange.all().gt("a")).excludedEnds()).isEmpty();
	}

	@Test
	void bothBoundsUseBetweenAndDropExclusiveEnds() {
		QueryPlan plan = plan(KeyRange.all().gt("a").lte("c"));
		assertThat(plan.request("t", false).build().keyConditionExpression()).isEqualTo("#h = :h AND #r BETWEEN :lo AND :hi");
		assertThat(plan.excludedEnds()).containsExactly("a");
		assertThat(plan.accepts("a")).isFalse();
		assertThat(plan.accepts("b")).isTrue();
		assertThat(plan.accepts("c")).isTrue();
		assertThat(plan.startAllowance()).isEqualTo(1);
		assertThat(plan(KeyRange.all().gt("a").lte("c").reverse()).startAllowance())
			.as("reading backwards starts at the inclusive end").isZero();
		assertThat(plan(KeyRange.all().gt("a").lt("c")).excludedEnds()).containsExactly("a", "c");
	}

	@Test
	void prefixAloneUsesBeginsWith() {
		QueryRequest request = request(KeyRange.prefix("user:"));
		assertThat(request.keyConditionExpression()).isEqualTo("#h = :h AND begins_with(#r, :p)");
		assertThat(request.expressionAttributeValues()).containsEntry(":p", AttributeValue.fromS("user:"));
	}

	@Test
	void prefixWithBoundsIsIntersected() {
		QueryPlan plan = plan(KeyRange.prefix("user:").gt("user:m"));
		QueryRequest request = plan.request("t", false).build();
		assertThat(request.keyConditionExpression()).isEqualTo("#h = :h AND #r BETWEEN :lo AND :hi");
		assertThat(request.expressionAttributeValues()).containsEntry(":lo", AttributeValue.fromS("user:m"))
			.containsEntry(":hi", AttributeValue.fromS("user;"));
		assertThat(plan.excludedEnds()).containsExactly("user:m", "user;");
		QueryPlan looser = plan(KeyRange.prefix("user:").gte("a").lte("zzz"));
		assertThat(looser.request("t", false).build().expressionAttributeValues())
			.containsEntry(":lo", AttributeValue.fromS("user:"))
			.containsEntry(":hi", AttributeValue.fromS("user;"));
	}

	@Test
	void prefixOfTheLargestCodePointHasNoUpperEnd() {
		String max = new String(Character.toChars(Character.MAX_CODE_POINT));
		assertThat(request(KeyRange.prefix(max).gt("a")).keyConditionExpression()).isEqualTo("#h = :h AND #r >= :lo");
	}

	@Test
	void prefixOfTheMaximumKeyLengthSelectsItselfOnly() {
		String longest = "a".repeat(1023) + "\u007f";
		QueryPlan plan = plan(KeyRange.prefix(longest).gte("a"));
		assertThat(plan.request("t", false).build().expressionAttributeValues())
			.containsEntry(":lo", AttributeValue.fromS(longest))
			.containsEntry(":hi", AttributeValue.fromS(longest));
	}

	@Test
	void keysOnlyProjectsTheKeyAttributes() {
		QueryRequest request = plan(KeyRange.all()).request("t", true).build();
		assertThat(request.projectionExpression()).isEqualTo("#h, #r");
		assertThat(request.expressionAttributeNames()).containsOnly(Map.entry("#h", "pk"), Map.entry("#r", "sk"));
	}

	@Test
	void emptyRangesHaveNoPlan() {
		assertThat(QueryPlan.of(KeyRange.all().gt("b").lt("a"), SCHEMA, "p")).isEmpty();
		assertThat(QueryPlan.of(KeyRange.all().gt("a").lt("a"), SCHEMA, "p")).isEmpty();
		assertThat(QueryPlan.of(KeyRange.prefix("b").lt("a"), SCHEMA, "p")).isEmpty();
		assertThat(QueryPlan.of(KeyRange.all().limit(0), SCHEMA, "p")).isEmpty();
	}

	private static QueryPlan plan(KeyRange range) {
		return QueryPlan.of(range, SCHEMA, "p").orElseThrow();
	}

	private static QueryRequest request(KeyRange range) {
		return plan(range).request("t", false).build();
	}

}
