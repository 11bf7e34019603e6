package dev.dynamodown.internal.query;

import java.util.Map;
import java.util.Optional;

import dev.dynamodown.KeyRange;
import dev.dynamodown.internal.store.Store;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.Select;

/**
 * Counts the keys of a range with {@code Select.COUNT} queries, summing pages; no item is
 * transferred.
 * <p>
 * A {@code BETWEEN} plan counts its excluded ends too. With a limit {@code n} and {@code e}
 * excluded ends, counting stops at {@code n + e}: reaching it proves at least {@code n} keys
 * inside. Otherwise the range was counted completely, and each excluded end that exists (one
 * key-only {@code GetItem} each, at most two) is subtracted.
 */
public final class RangeCounter {

	private final Store store;

	public RangeCounter(Store store) {
		this.store = store;
	}

	/**
	 * Counts a range, capped by its limit.
	 * @param range the keys to count
	 * @return how many there are
	 */
	public long count(KeyRange range) {
		String partition = this.store.partitioning().partitions().get(0);
		Optional<QueryPlan> planned = QueryPlan.of(range, this.store.schema(), partition);
		if (planned.isEmpty()) {
			return 0;
		}
		QueryPlan plan = planned.get();
		long limit = range.hasLimit() ? range.limitValue() : Long.MAX_VALUE;
		long cap = range.hasLimit() ? limit + plan.excludedEnds().size() : Long.MAX_VALUE;
		long counted = 0;
		@Nullable Map<String, AttributeValue> start = null;
		do {
			QueryRequest.Builder request = plan.request(this.store.table(), false).select(Select.COUNT);
			if (range.hasLimit()) {
				request.limit((int) Math.min(cap - counted, Integer.MAX_VALUE));
			}
			if (start != null) {
				request.exclusiveStartKey(start);
			}
			QueryResponse response = this.store.client().query(request.build());
			counted += response.count();
			start = (response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty())
					? response.lastEvaluatedKey() : null;
		}
		while (start != null && counted < cap);
		if (counted >= cap) {
			return limit;
		}
		long presentEnds = plan.excludedEnds().stream().filter(this::exists).count();
		return Math.min(limit, counted - presentEnds);
	}

	private boolean exists(String key) {
		GetItemResponse response = this.store.client()
			.getItem((r) -> r.tableName(this.store.table())
				.key(this.store.key(key))
				.consistentRead(true)
				.projectionExpression("#r")
				.expressionAttributeNames(Map.of("#r", this.store.schema().rangeName())));
		return response.hasItem() && !response.item().isEmpty();
	}

}
