package dev.dynamodown.internal.paging;

import java.util.concurrent.CompletableFuture;

/**
 * An ordered sequence read page by page, asynchronously: what a range read produces, whether it
 * reads one partition or merges several, whether its requests are sent by a blocking or an
 * asynchronous client. Adapted to a {@code java.util.stream.Stream} for the blocking API and to a
 * {@code java.util.concurrent.Flow.Publisher} for the asynchronous one.
 * <p>
 * Contract:
 * <ul>
 * <li>{@link #next()} requests the next page. At most one call is outstanding at a time: the
 * caller calls it again only after the previous future completed, and never after a page that
 * was {@link Page#last() last} or a failed future.</li>
 * <li>Nothing is read before the first {@link #next()}. A source may read one page ahead of
 * what was asked for (prefetch), never more.</li>
 * <li>{@link #close()} may be called at any time from any thread, also while a {@link #next()} is
 * outstanding (that future still completes, normally or exceptionally); afterwards no new
 * request is sent and buffered pages are released. Idempotent.</li>
 * <li>The future may complete on any thread, or be complete already when returned.</li>
 * <li>A {@link #next()} called after {@link #close()} sends no request and returns a completed
 * future, normally failed with a {@link java.util.concurrent.CancellationException}; its caller
 * ignores it. Such a call happens when a close races with a read: a {@link MergedPageSource}
 * closes all its sources on the first failure, on the thread that saw it, while it may still be
 * asking the others for pages.</li>
 * </ul>
 *
 * @param <T> the item type
 */
public interface PageSource<T> extends AutoCloseable {

	/**
	 * Requests the next page.
	 * @return the page, or a future failed with what the read failed with
	 */
	CompletableFuture<Page<T>> next();

	/** Stops reading and releases what is held; idempotent, thread-safe. */
	@Override
	void close();

}
