package dev.dynamodown.internal.query;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import dev.dynamodown.KeyRange;
import dev.dynamodown.internal.Futures;
import dev.dynamodown.internal.store.Store;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * Counts the entries of a range with {@code Select.COUNT} queries, summing pages; no item is
 * transferred. The key condition selects exactly the range ({@link QueryPlan}), so every key
 * counted lies inside it, also while keys at its ends are written concurrently, and the filter on
 * expiry leaves the expired entries out: a page's {@code Count} is the number of items that match
 * it. With a limit {@code n}, each request reads at most the {@code n - counted} items still
 * needed ({@code Limit} counts items read, matching or not), so a page never counts past
 * {@code n}, and counting stops at {@code n} or the range's end. Not atomic: each page counts what
 * it sees when it is read, with the clock read when it is sent.
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
	public CompletableFuture<Long> count(KeyRange range) {
		if (range.isEmpty()) {
			return CompletableFuture.completedFuture(0L);
		}
		return this.store.schema().thenCompose((schema) -> {
			String partition = this.store.partitioning().partitions().get(0);
			Optional<QueryPlan> planned = QueryPlan.of(range, schema, partition);
			return planned.isEmpty() ? CompletableFuture.completedFuture(0L) : count(planned.get());
		});
	}

	private CompletableFuture<Long> count(QueryPlan plan) {
		KeyRange range = plan.range();
		long cap = range.hasLimit() ? range.limitValue() : Long.MAX_VALUE;
		Tally tally = new Tally();
		return Futures.repeat(() -> {
			QueryRequest.Builder request = plan.request(this.store.table(), RangeRead.COUNT, this.store.consistentReads(),
					this.store.expiry().now());
			if (range.hasLimit()) {
				request.limit((int) Math.min(cap - tally.counted, Integer.MAX_VALUE));
			}
			if (tally.start != null) {
				request.exclusiveStartKey(tally.start);
			}
			return this.store.calls().query(request.build()).thenApply((response) -> {
				tally.counted += response.count();
				tally.start = (response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty())
						? response.lastEvaluatedKey() : null;
				return tally.start != null && tally.counted < cap;
			});
		}).thenApply((done) -> Math.min(tally.counted, cap));
	}

	/** The count so far and where the next page starts; one page at a time updates it. */
	private static final class Tally {

		long counted;

		@Nullable Map<String, AttributeValue> start;

	}

}
