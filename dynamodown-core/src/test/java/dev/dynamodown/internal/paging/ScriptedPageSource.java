package dev.dynamodown.internal.paging;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongFunction;
import java.util.stream.IntStream;

/**
 * An in-memory {@link PageSource} that serves scripted pages and records how it is used: pages
 * read, closes, and every breach of the {@code PageSource} contract by its caller (a
 * {@code next()} while one is outstanding, or after the last page or a failure). Page {@code i}
 * is {@code pages.apply(i)}, made when it is read; a page function that throws fails that page.
 * Futures complete through {@code completer}: {@code Runnable::run} completes them inline, a pool
 * on its threads, a {@link QueuedExecutor} when the test says, and {@link #NEVER} never.
 */
final class ScriptedPageSource<T> implements PageSource<T> {

	/** Completes nothing: a page that never arrives. */
	static final Executor NEVER = (task) -> {
	};

	private final LongFunction<Page<T>> pages;

	private final Executor completer;

	private final AtomicInteger reads = new AtomicInteger();

	private final AtomicInteger nextAfterClose = new AtomicInteger();

	private final AtomicBoolean outstanding = new AtomicBoolean();

	private volatile boolean ended;

	private volatile boolean closed;

	private final List<String> breaches = Collections.synchronizedList(new ArrayList<>());

	ScriptedPageSource(LongFunction<Page<T>> pages, Executor completer) {
		this.pages = pages;
		this.completer = completer;
	}

	static <T> ScriptedPageSource<T> of(List<Page<T>> pages, Executor completer) {
		return new ScriptedPageSource<>((index) -> pages.get((int) index), completer);
	}

	static <T> ScriptedPageSource<T> of(List<Page<T>> pages) {
		return of(pages, Runnable::run);
	}

	/** Pages of consecutive integers from 0, of the given sizes; the last one is the last page. */
	static List<Page<Integer>> pagesOf(int... sizes) {
		List<Page<Integer>> pages = new ArrayList<>();
		int next = 0;
		for (int i = 0; i < sizes.length; i++) {
			int first = next;
			next += sizes[i];
			pages.add(new Page<>(IntStream.range(first, next).boxed().toList(), i == sizes.length - 1));
		}
		return pages;
	}

	/** {@code empty} empty pages that are not the last, completing inline, then a last page of {@code item}. */
	static <T> ScriptedPageSource<T> emptyPagesThen(int empty, T item) {
		return new ScriptedPageSource<>(
				(index) -> (index < empty) ? new Page<>(List.of(), false) : new Page<>(List.of(item), true),
				Runnable::run);
	}

	/** The longs 0 to {@code count - 1} in pages of {@code size}, made as they are read. */
	static ScriptedPageSource<Long> counting(long count, int size, Executor completer) {
		return new ScriptedPageSource<>((index) -> {
			long first = index * size;
			long end = Math.min(count, first + size);
			List<Long> items = new ArrayList<>();
			for (long item = first; item < end; item++) {
				items.add(item);
			}
			return new Page<>(items, end >= count);
		}, completer);
	}

	@Override
	public CompletableFuture<Page<T>> next() {
		if (this.closed) {
			this.nextAfterClose.incrementAndGet();
			return CompletableFuture.failedFuture(new CancellationException("closed"));
		}
		if (this.outstanding.getAndSet(true)) {
			this.breaches.add("next() while a page was outstanding");
		}
		if (this.ended) {
			this.breaches.add("next() after the last page or a failure");
		}
		long index = this.reads.getAndIncrement();
		CompletableFuture<Page<T>> page = new CompletableFuture<>();
		this.completer.execute(() -> {
			Page<T> made;
			try {
				made = this.pages.apply(index);
			}
			catch (RuntimeException ex) {
				this.ended = true;
				this.outstanding.set(false);
				page.completeExceptionally(ex);
				return;
			}
			this.ended = made.last();
			this.outstanding.set(false);
			page.complete(made);
		});
		return page;
	}

	@Override
	public void close() {
		this.closed = true;
	}

	/** How many pages were asked for (not counting calls after close). */
	int reads() {
		return this.reads.get();
	}

	boolean closed() {
		return this.closed;
	}

	int nextAfterClose() {
		return this.nextAfterClose.get();
	}

	/** Whether a page is on its way. */
	boolean outstanding() {
		return this.outstanding.get();
	}

	/** The caller's breaches of the {@code PageSource} contract, in order. */
	List<String> breaches() {
		return List.copyOf(this.breaches);
	}

}
