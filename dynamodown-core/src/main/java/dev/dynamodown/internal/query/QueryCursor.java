package dev.dynamodown.internal.query;

import java.util.Collections;
import java.util.Iterator;
import java.util.Map;
import java.util.Spliterator;
import java.util.function.Consumer;

import dev.dynamodown.DynamoDownException;
import dev.dynamodown.internal.store.Store;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * The items of a planned query, fetched page by page. The first page is fetched when the first
 * item is asked for, the second when the first page is consumed. From the second page on, a
 * consumer is evidently scanning, so the page after the current one is requested in the
 * background while the current one is consumed (a {@link PageFetch}): decoding overlaps with the
 * server producing the next page, which pays off when DynamoDB is milliseconds away. At most two
 * pages are held; a stream closed in the middle of a scan may have read one page more than it
 * returned. With a limit, each request asks for just the items still needed (plus the plan's
 * {@linkplain QueryPlan#startAllowance() allowance} for an excluded end) and a page is prefetched
 * only when the limit certainly needs it, so no page is read that the limit does not need.
 * Reports its end (exhausted, closed or failed) once to {@code onFinish}. Not thread-safe, like
 * any {@link Spliterator}.
 */
final class QueryCursor implements Spliterator<Map<String, AttributeValue>> {

	private final Store store;

	private final QueryPlan plan;

	private final boolean keysOnly;

	private final String operation;

	private final Consumer<@Nullable Throwable> onFinish;

	/** Entries still to return, or -1 for no limit. */
	private long remaining;

	private Iterator<Map<String, AttributeValue>> page = Collections.emptyIterator();

	private @Nullable Map<String, AttributeValue> nextStart;

	private int pagesFetched;

	/** The next page, requested in the background, or {@code null}. */
	private @Nullable PageFetch prefetch;

	private boolean seenAny;

	private boolean closed;

	QueryCursor(Store store, QueryPlan plan, boolean keysOnly, String operation, Consumer<@Nullable Throwable> onFinish) {
		this.store = store;
		this.plan = plan;
		this.keysOnly = keysOnly;
		this.operation = operation;
		this.onFinish = onFinish;
		this.remaining = plan.range().hasLimit() ? plan.range().limitValue() : -1;
	}

	@Override
	public boolean tryAdvance(Consumer<? super Map<String, AttributeValue>> action) {
		while (!this.closed && this.remaining != 0) {
			if (this.page.hasNext()) {
				Map<String, AttributeValue> item = this.page.next();
				this.seenAny = true;
				if (this.plan.accepts(this.store.schema().rangeValue(item))) {
					if (this.remaining > 0) {
						this.remaining--;
					}
					deliver(action, item);
					return true;
				}
			}
			else if (this.pagesFetched > 0 && this.nextStart == null) {
				break;
			}
			else {
				fetch();
			}
		}
		this.onFinish.accept(null);
		return false;
	}

	/** Stops fetching; reports the end if it was not reported yet. */
	void close() {
		this.closed = true;
		if (this.prefetch != null) {
			this.prefetch.abandon();
			this.prefetch = null;
		}
		this.onFinish.accept(null);
	}

	@Override
	public @Nullable Spliterator<Map<String, AttributeValue>> trySplit() {
		return null;
	}

	@Override
	public long estimateSize() {
		return (this.remaining >= 0) ? this.remaining : Long.MAX_VALUE;
	}

	@Override
	public int characteristics() {
		return ORDERED | NONNULL;
	}

	private void deliver(Consumer<? super Map<String, AttributeValue>> action, Map<String, AttributeValue> item) {
		try {
			action.accept(item);
		}
		catch (RuntimeException | Error ex) {
			this.onFinish.accept(ex);
			throw ex;
		}
	}

	private void fetch() {
		PageFetch next = this.prefetch;
		this.prefetch = null;
		QueryResponse response;
		try {
			response = (next != null) ? next.get() : this.store.client().query(nextRequest(this.remaining));
		}
		catch (SdkException ex) {
			DynamoDownException failure = this.store.failure(this.operation, ex);
			this.onFinish.accept(failure);
			throw failure;
		}
		this.pagesFetched++;
		this.page = response.items().iterator();
		this.nextStart = (response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty())
				? response.lastEvaluatedKey() : null;
		prefetchAfter(response);
	}

	/** Requests the page after {@code response} in the background if it will certainly be read. */
	private void prefetchAfter(QueryResponse response) {
		if (this.nextStart == null || this.pagesFetched < 2) {
			return;
		}
		long remainingAfter = -1;
		if (this.remaining >= 0) {
			long accepted = response.items().stream()
				.filter((item) -> this.plan.accepts(this.store.schema().rangeValue(item)))
				.count();
			remainingAfter = this.remaining - accepted;
			if (remainingAfter <= 0) {
				return;
			}
		}
		QueryRequest request = nextRequest(remainingAfter);
		this.prefetch = PageFetch.start(() -> this.store.client().query(request), this.store.runtime().pool());
	}

	/** The request for the page after the current one, asking for at most {@code remaining} items. */
	private QueryRequest nextRequest(long remaining) {
		QueryRequest.Builder request = this.plan.request(this.store.table(), this.keysOnly);
		if (remaining >= 0) {
			long wanted = remaining + (this.seenAny ? 0 : this.plan.startAllowance());
			request.limit((int) Math.min(wanted, Integer.MAX_VALUE));
		}
		if (this.nextStart != null) {
			request.exclusiveStartKey(this.nextStart);
		}
		return request.build();
	}

}
