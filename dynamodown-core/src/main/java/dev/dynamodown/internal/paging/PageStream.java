package dev.dynamodown.internal.paging;

import java.util.Collections;
import java.util.Iterator;
import java.util.Objects;
import java.util.Spliterator;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import org.jspecify.annotations.Nullable;

/**
 * The items of a {@link PageSource} as a blocking, sequential {@link Stream}, for the blocking API.
 * <p>
 * Guarantees:
 * <ul>
 * <li>Lazy: nothing is read before the first item is asked for; then one page at a time, when
 * the previous one is used up (the source may read one page ahead; the stream never does).</li>
 * <li>Waiting for a page is interruptible, and the only wait. When the waiting thread is
 * interrupted, the source is closed, the thread's interrupt flag is set again, and the exception
 * made by the caller's {@code onInterrupt} function is thrown.</li>
 * <li>A failed page is rethrown as what it failed with (never wrapped in a
 * {@code CompletionException} or {@code ExecutionException}; a checked failure, which a source
 * should not produce, comes wrapped in a {@code CompletionException}).</li>
 * <li>Whatever ends the stream, it closes the source: the last page used up, {@link Stream#close()},
 * a failed page, an interrupt, or an exception thrown by the consumer (or by a mapping stage of
 * the stream) for an item. Once failed, every later attempt to advance throws the same failure:
 * a stream that failed never claims to be exhausted. A closed stream delivers nothing more.</li>
 * <li>{@code onFinish} is told exactly once how the stream ended: {@code null} when exhausted or
 * closed first, otherwise the failure.</li>
 * </ul>
 * Not thread-safe, like any stream: one thread consumes it (closing it from another thread while
 * that thread waits ends the wait once the outstanding page arrives). Its spliterator is
 * {@code ORDERED | NONNULL} and never splits.
 *
 * @param <T> the item type
 */
public final class PageStream<T> implements Spliterator<T> {

	private final PageSource<? extends T> source;

	private final Function<? super InterruptedException, ? extends RuntimeException> onInterrupt;

	private final FinishOnce finish;

	private Iterator<? extends T> page = Collections.emptyIterator();

	private boolean lastPage;

	private @Nullable Throwable failure;

	private volatile boolean closed;

	private PageStream(PageSource<? extends T> source,
			Function<? super InterruptedException, ? extends RuntimeException> onInterrupt,
			Consumer<@Nullable Throwable> onFinish) {
		this.source = source;
		this.onInterrupt = onInterrupt;
		this.finish = new FinishOnce(onFinish);
	}

	/**
	 * Streams the items of {@code source}; the stream owns the source from now on.
	 * @param source an unread source
	 * @param onInterrupt makes the exception to throw when the consuming thread is interrupted
	 * while it waits for a page (the source is closed and the interrupt flag set again first)
	 * @param onFinish told once how the stream ended (the failure, or {@code null}); must not throw
	 * @param <T> the item type
	 * @return the stream, to be closed by its consumer
	 */
	public static <T> Stream<T> of(PageSource<? extends T> source,
			Function<? super InterruptedException, ? extends RuntimeException> onInterrupt,
			Consumer<@Nullable Throwable> onFinish) {
		Objects.requireNonNull(source, "'source' must not be null");
		Objects.requireNonNull(onInterrupt, "'onInterrupt' must not be null");
		Objects.requireNonNull(onFinish, "'onFinish' must not be null");
		PageStream<T> items = new PageStream<>(source, onInterrupt, onFinish);
		return StreamSupport.stream(items, false).onClose(items::close);
	}

	@Override
	public boolean tryAdvance(Consumer<? super T> action) {
		if (this.closed) {
			// Closed (maybe while waiting): release the page, deliver nothing more.
			this.page = Collections.emptyIterator();
		}
		while (!this.page.hasNext()) {
			throwIfFailed();
			if (this.lastPage || this.closed) {
				end(null);
				return false;
			}
			Page<? extends T> next = await(requestPage());
			this.page = next.items().iterator();
			this.lastPage = next.last();
		}
		T item = this.page.next();
		try {
			action.accept(item);
		}
		catch (RuntimeException | Error ex) {
			fail(ex);
			throw ex;
		}
		return true;
	}

	@Override
	public @Nullable Spliterator<T> trySplit() {
		return null;
	}

	@Override
	public long estimateSize() {
		return Long.MAX_VALUE;
	}

	@Override
	public int characteristics() {
		return ORDERED | NONNULL;
	}

	/** Stops reading: closes the source and reports the end, if the stream had not ended yet. */
	private void close() {
		this.closed = true;
		end(null);
	}

	private CompletableFuture<? extends Page<? extends T>> requestPage() {
		try {
			return this.source.next();
		}
		catch (RuntimeException ex) {
			fail(ex);
			throw ex;
		}
	}

	/** Waits for a page; a failure or an interrupt ends the stream with its exception. */
	private Page<? extends T> await(CompletableFuture<? extends Page<? extends T>> next) {
		try {
			return next.get();
		}
		catch (InterruptedException ex) {
			RuntimeException interrupted = this.onInterrupt.apply(ex);
			fail(interrupted);
			Thread.currentThread().interrupt();
			throw interrupted;
		}
		catch (ExecutionException | CancellationException ex) {
			Throwable cause = Failures.unwrap(ex);
			fail(cause);
			throw asUnchecked(cause);
		}
	}

	private void throwIfFailed() {
		Throwable failed = this.failure;
		if (failed != null) {
			throw asUnchecked(failed);
		}
	}

	private void fail(Throwable cause) {
		this.failure = cause;
		this.page = Collections.emptyIterator();
		end(cause);
	}

	/** Closes the source and reports the end; only the first end is reported. */
	private void end(@Nullable Throwable cause) {
		this.source.close();
		this.finish.report(cause);
	}

	private static RuntimeException asUnchecked(Throwable failure) {
		if (failure instanceof RuntimeException unchecked) {
			return unchecked;
		}
		if (failure instanceof Error error) {
			throw error;
		}
		return new CompletionException(failure);
	}

}
