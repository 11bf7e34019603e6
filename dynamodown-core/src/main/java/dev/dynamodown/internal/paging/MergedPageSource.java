package dev.dynamodown.internal.paging;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import org.jspecify.annotations.Nullable;

/**
 * Merges several sources, each already in order, into one source in that order: the range of a
 * sharded namespace, one source per shard, merged by key.
 * <p>
 * Paging:
 * <ul>
 * <li>The first {@link #next()} asks every source for its first page at once, so the first page
 * arrives after about one read's latency, not one per source.</li>
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

	/** Items still to return, or -1 for no limit. Guarded by {@code this}. */
	private long remaining;

	/** Guarded by {@code this}. */
	private boolean closed;

	private MergedPageSource(List<? extends PageSource<? extends T>> sources, Comparator<? super T> order,
			long limit) {
		Objects.requireNonNull(sources, "'sources' must not be null");
		Objects.requireNonNull(order, "'order' must not be null");
		sources.forEach((source) -> Objects.requireNonNull(source, "'sources' must not contain null"));
		this.lanes = sources.stream().<Lane<T>>map(Lane::new).toList();
		this.order = order;
		this.remaining = limit;
	}

	/**
	 * Merges {@code sources}.
	 * @param sources unread sources, each in {@code order}; the merge owns them from now on
	 * @param order the order of every source, and of the merge
	 * @param <T> the item type
	 * @return the merged source
	 */
	public static <T> MergedPageSource<T> of(List<? extends PageSource<? extends T>> sources,
			Comparator<? super T> order) {
		return new MergedPageSource<>(sources, order, -1);
	}

	/**
	 * Merges {@code sources}, returning at most {@code limit} items.
	 * @param sources unread sources, each in {@code order}; the merge owns them from now on
	 * @param order the order of every source, and of the merge
	 * @param limit how many items to return at most, {@code >= 0}
	 * @param <T> the item type
	 * @return the merged source
	 */
	public static <T> MergedPageSource<T> of(List<? extends PageSource<? extends T>> sources,
			Comparator<? super T> order, long limit) {
		if (limit < 0) {
			throw new IllegalArgumentException("'limit' must not be negative, got " + limit);
		}
		return new MergedPageSource<>(sources, order, limit);
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
		for (Lane<T> lane : dry) {
			if (isClosed()) {
				// A read failed at once, or close() came: the others need not be asked, and the
				// page may not wait for them.
				page.completeExceptionally(new CancellationException("The merged source was closed"));
				break;
			}
			lane.read().whenComplete((arrived, failure) -> {
				if (failure != null) {
					failInto(page, Failures.unwrap(failure));
				}
				else {
					fill(lane, arrived);
					if (awaited.decrementAndGet() == 0) {
						emitInto(page);
					}
				}
			});
		}
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
