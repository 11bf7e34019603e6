package dev.dynamodown.internal.query;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

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
 * it ({@code Limit} counts the items read, matching or not).
 * <p>
 * A sharded store counts every shard at once (all shards but one starting where the edge forks
 * work) and adds the counts up. With a limit {@code n} the count is capped at exactly {@code n}:
 * each request reads no more items than the shards together still lack, so no page counts past
 * {@code n}, and every shard stops once they have {@code n}.
 * <p>
 * Not atomic: each page counts what it sees when it is read (the clock read when it is sent), one
 * shard after another or at once.
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
			List<QueryPlan> plans = this.store.partitioning()
				.partitions()
				.stream()
				.map((partition) -> QueryPlan.of(range, schema, partition))
				.flatMap(Optional::stream)
				.toList();
			if (plans.isEmpty()) {
				return CompletableFuture.completedFuture(0L);
			}
			return this.store.whenReadable(schema, () -> countAll(plans, range));
		});
	}

	private CompletableFuture<Long> countAll(List<QueryPlan> plans, KeyRange range) {
		Tally tally = new Tally(range.hasLimit() ? range.limitValue() : Long.MAX_VALUE);
		List<Supplier<CompletableFuture<Void>>> shards = plans.stream()
			.<Supplier<CompletableFuture<Void>>>map((plan) -> () -> count(plan, tally))
			.toList();
		List<CompletableFuture<Void>> counted = Futures.concurrently(this.store.calls()::fork, shards);
		return CompletableFuture.allOf(counted.toArray(CompletableFuture[]::new))
			.thenApply((done) -> Math.min(tally.counted.get(), tally.cap));
	}

	/** Counts one partition's keys, page by page, until it has none left or the shards together reach the cap. */
	private CompletableFuture<Void> count(QueryPlan plan, Tally tally) {
		Cursor cursor = new Cursor();
		return Futures.repeat(() -> {
			long wanted = tally.cap - tally.counted.get();
			if (wanted <= 0 || tally.failed) {
				return CompletableFuture.completedFuture(false);
			}
			QueryRequest.Builder request = plan.request(this.store.table(), RangeRead.COUNT, this.store.consistentReads(),
					this.store.expiry().now());
			if (tally.cap != Long.MAX_VALUE) {
				request.limit((int) Math.min(wanted, Integer.MAX_VALUE));
			}
			if (cursor.start != null) {
				request.exclusiveStartKey(cursor.start);
			}
			return this.store.calls().query(request.build()).thenApply((response) -> {
				long total = tally.counted.addAndGet(response.count());
				cursor.start = (response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty())
						? response.lastEvaluatedKey() : null;
				return cursor.start != null && total < tally.cap;
			});
		}).whenComplete((done, failure) -> {
			if (failure != null) {
				// The others need not go on: the count fails.
				tally.failed = true;
			}
		});
	}

	/** What every shard has counted so far, and the cap they stop at. */
	private static final class Tally {

		final long cap;

		final AtomicLong counted = new AtomicLong();

		volatile boolean failed;

		Tally(long cap) {
			this.cap = cap;
		}

	}

	/** Where one partition's next page starts; one page at a time updates it. */
	private static final class Cursor {

		@Nullable Map<String, AttributeValue> start;

	}

}
