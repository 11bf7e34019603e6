package dev.dynamodown.internal.paging;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.jspecify.annotations.Nullable;

/**
 * Merges several sources, each already in order, into one source in that order: the range of a
 * sharded namespace, one source per shard, merged by key.
 * <p>
 * Paging:
 * <ul>
 * <li>The first {@link #next()} asks every source for its first page at once, so the first page
 * arrives after about one read's latency, not one per source. Sources are asked in turn on the
 * calling thread, unless the merge has an executor: then the reads of all but the first start
 * there (so sources that read on the calling thread, as the blocking edge does, are still read
 * concurrently), and the calling thread reads the first, then any whose start the executor has
 * not got to yet, so a busy executor delays no read.</li>
 * <li>A page holds every buffered item that is certainly next in order: items are taken while
 * every unfinished source has a buffered item (the smallest of their heads comes next). When an
 * unfinished source's buffer runs dry the page ends there (it may be empty) and the next
 * {@link #next()} asks just the dry sources for their next page, all at once. No source is asked
 * for a page while it still has buffered items, so at most one page per source is held, plus the
 * page being returned.</li>
 * <li>With a limit, the page that reaches it is the last: every source is closed. Each source
 * should itself ask for no more than the limit: the merge takes at most that many items from
 * any of them.</li>
 * <li>The first failure (of any source's page, or of the comparator) closes every source and
 * fails the page with it.</li>
 * <li>The last page closes every source; so does {@link #close()}, which also drops the
 * buffered pages (a page still on its way completes exceptionally).</li>
 * </ul>
 * Items comparing equal come out in the order of the sources (the shards of one namespace never
 * hold the same key). Follows the {@link PageSource} contract: one {@link #next()} at a time;
 * {@link #close()} from any thread.
 *
 * @param <T> the item type
 */
public final class MergedPageSource<T> implements PageSource<T> {

	private final List<Lane<T>> lanes;

	private final Comparator<? super T> order;

	/** Where the reads of all dry lanes but one start, or {@code null} to read them in turn here. */
	private final @Nullable Executor readers;

	/** Items still to return, or -1 for no limit. Guarded by {@code this}. */
	private long remaining;

	/** Guarded by {@code this}. */
	private boolean closed;

	private MergedPageSource(List<? extends PageSource<? extends T>> sources, Comparator<? super T> order,
			long limit, @Nullable Executor readers) {
		Objects.requireNonNull(sources, "'sources' must not be null");
		Objects.requireNonNull(order, "'order' must not be null");
		this.readers = readers;
		sources.forEach((source) -> Objects.requireNonNull(source, "'sources' must not contain null"));
		this.lanes = sources.stream().<Lane<T>>map(Lane::new).toList();
		this.order = order;
		this.remaining = limit;
	}

	/**
	 * Merges {@code sources}, asking the sources it needs pages of in turn, on the calling thread
	 * (sources whose reads do not block are still read at once).
	 * @param sources unread sources, each in {@code order}; the merge owns them from now on
	 * @param order the order of every source, and of the merge
	 * @param <T> the item type
	 * @return the merged source
	 */
	public static <T> MergedPageSource<T> of(List<? extends PageSource<? extends T>> sources,
			Comparator<? super T> order) {
		return new MergedPageSource<>(sources, order, -1, null);
	}

	/**
	 * Merges {@code sources}, starting concurrent reads on {@code readers}.
	 * @param sources unread sources, each in {@code order}; the merge owns them from now on
	 * @param order the order of every source, and of the merge
	 * @param readers where the reads of all but one of the sources asked at once start
	 * @param <T> the item type
	 * @return the merged source
	 */
	public static <T> MergedPageSource<T> of(List<? extends PageSource<? extends T>> sources,
			Comparator<? super T> order, Executor readers) {
		return new MergedPageSource<>(sources, order, -1, Objects.requireNonNull(readers, "'readers' must not be null"));
	}

	/**
	 * Merges {@code sources}, returning at most {@code limit} items, asking the sources it needs
	 * pages of in turn, on the calling thread.
	 * @param sources unread sources, each in {@code order}; the merge owns them from now on
	 * @param order the order of every source, and of the merge
	 * @param limit how many items to return at most, {@code >= 0}
	 * @param <T> the item type
	 * @return the merged source
	 */
	public static <T> MergedPageSource<T> of(List<? extends PageSource<? extends T>> sources,
			Comparator<? super T> order, long limit) {
		return limited(sources, order, limit, null);
	}

	/**
	 * Merges {@code sources}, returning at most {@code limit} items, starting concurrent reads on
	 * {@code readers}.
	 * @param sources unread sources, each in {@code order}; the merge owns them from now on
	 * @param order the order of every source, and of the merge
	 * @param limit how many items to return at most, {@code >= 0}
	 * @param readers where the reads of all but one of the sources asked at once start
	 * @param <T> the item type
	 * @return the merged source
	 */
	public static <T> MergedPageSource<T> of(List<? extends PageSource<? extends T>> sources,
			Comparator<? super T> order, long limit, Executor readers) {
		return limited(sources, order, limit, Objects.requireNonNull(readers, "'readers' must not be null"));
	}

	private static <T> MergedPageSource<T> limited(List<? extends PageSource<? extends T>> sources,
			Comparator<? super T> order, long limit, @Nullable Executor readers) {
		if (limit < 0) {
			throw new IllegalArgumentException("'limit' must not be negative, got " + limit);
		}
		return new MergedPageSource<>(sources, order, limit, readers);
	}

	@Override
	public CompletableFuture<Page<T>> next() {
		List<Lane<T>> dry;
		synchronized (this) {
			if (this.closed) {
				return CompletableFuture.failedFuture(new CancellationException("The merged source is closed"));
			}
			// Once the limit is reached no page is needed: the emitted page is the last.
			dry = (this.remaining != 0) ? this.lanes.stream().filter(Lane::dry).toList() : List.of();
		}
		CompletableFuture<Page<T>> page = new CompletableFuture<>();
		if (dry.isEmpty()) {
			emitInto(page);
			return page;
		}
		AtomicInteger awaited = new AtomicInteger(dry.size());
		List<Read> reads = dry.stream().map((lane) -> new Read(lane, page, awaited)).toList();
		Executor concurrently = this.readers;
		if (concurrently != null) {
			for (Read read : reads.subList(1, reads.size())) {
				try {
					concurrently.execute(read);
				}
				catch (RejectedExecutionException ex) {
					// Read below, on this thread.
				}
			}
		}
		reads.forEach(Read::run);
		return page;
	}

	@Override
	public void close() {
		synchronized (this) {
			this.closed = true;
			this.lanes.forEach(Lane::drop);
		}
		// Outside the lock: a source's close is foreign code.
		this.lanes.forEach(Lane::close);
	}

	private synchronized boolean isClosed() {
		return this.closed;
	}

	private synchronized void fill(Lane<T> lane, Page<? extends T> arrived) {
		if (!this.closed) {
			lane.fill(arrived);
		}
	}

	private void emitInto(CompletableFuture<Page<T>> page) {
		Page<T> emitted;
		try {
			emitted = emit();
		}
		catch (RuntimeException ex) {
			failInto(page, ex);
			return;
		}
		if (emitted.last()) {
			close();
		}
		page.complete(emitted);
	}

	private void failInto(CompletableFuture<Page<T>> page, Throwable failure) {
		close();
		page.completeExceptionally(failure);
	}

	/** Takes every buffered item that is certainly next in order. */
	private synchronized Page<T> emit() {
		if (this.closed) {
			throw new CancellationException("The merged source was closed");
		}
		List<T> items = new ArrayList<>();
		while (this.remaining != 0) {
			Lane<T> first = null;
			for (Lane<T> lane : this.lanes) {
				if (lane.dry()) {
					// Its next page may hold the next item.
					return new Page<>(items, false);
				}
				if (lane.hasItem() && (first == null || this.order.compare(lane.head(), first.head()) < 0)) {
					first = lane;
				}
			}
			if (first == null) {
				return new Page<>(items, true);
			}
			items.add(first.take());
			if (this.remaining > 0) {
				this.remaining--;
			}
		}
		return new Page<>(items, true);
	}

	/** The read of one dry lane's next page, for the page being made: started once, by whoever comes first. */
	private final class Read implements Runnable {

		private final Lane<T> lane;

		private final CompletableFuture<Page<T>> page;

		private final AtomicInteger awaited;

		private final AtomicBoolean started = new AtomicBoolean();

		Read(Lane<T> lane, CompletableFuture<Page<T>> page, AtomicInteger awaited) {
			this.lane = lane;
			this.page = page;
			this.awaited = awaited;
		}

		@Override
		public void run() {
			if (!this.started.compareAndSet(false, true)) {
				return;
			}
			if (isClosed()) {
				// A read failed at once, or close() came: this lane need not be asked, and the page
				// may not wait for it.
				this.page.completeExceptionally(new CancellationException("The merged source was closed"));
				return;
			}
			this.lane.read().whenComplete((arrived, failure) -> {
				if (failure != null) {
					failInto(this.page, Failures.unwrap(failure));
				}
				else {
					fill(this.lane, arrived);
					if (this.awaited.decrementAndGet() == 0) {
						emitInto(this.page);
					}
				}
			});
		}

	}

	/** One source and its buffered page. Guarded by the merge's lock, except for reading and closing. */
	private static final class Lane<T> {

		private final PageSource<? extends T> source;

		private List<? extends T> items = List.of();

		private int position;

		private boolean finished;

		Lane(PageSource<? extends T> source) {
			this.source = source;
		}

		/** Whether the source has more pages but none of its items is buffered. */
		boolean dry() {
			return !this.finished && !hasItem();
		}

		boolean hasItem() {
			return this.position < this.items.size();
		}

		T head() {
			return this.items.get(this.position);
		}

		T take() {
			T item = this.items.get(this.position++);
			if (!hasItem()) {
				this.items = List.of();
				this.position = 0;
			}
			return item;
		}

		CompletableFuture<? extends Page<? extends T>> read() {
			try {
				return this.source.next();
			}
			catch (RuntimeException ex) {
				return CompletableFuture.failedFuture(ex);
			}
		}

		void fill(Page<? extends T> page) {
			this.items = page.items();
			this.position = 0;
			this.finished = page.last();
		}

		void drop() {
			this.items = List.of();
			this.position = 0;
		}

		void close() {
			this.source.close();
		}

	}

}
