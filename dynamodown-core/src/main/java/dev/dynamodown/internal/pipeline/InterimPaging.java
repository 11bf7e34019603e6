package dev.dynamodown.internal.pipeline;

import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Queue;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import dev.dynamodown.internal.Futures;
import dev.dynamodown.internal.paging.Page;
import dev.dynamodown.internal.paging.PageSource;
import org.jspecify.annotations.Nullable;

/**
 * INTERIM: minimal stand-ins for the paging adapters ({@code PageStream}, {@code PagePublisher} of
 * {@code dev.dynamodown.internal.paging}), with their signatures, until those are merged; then
 * this class goes and its two callers in {@link StoreOperations} use them.
 */
final class InterimPaging {

	private InterimPaging() {
	}

	static <T> Stream<T> stream(PageSource<T> source, Function<InterruptedException, RuntimeException> onInterrupt,
			Consumer<@Nullable Throwable> onFinish) {
		Items<T> items = new Items<>(source, onInterrupt, onFinish);
		return StreamSupport.stream(Spliterators.spliteratorUnknownSize(items, Spliterator.ORDERED | Spliterator.NONNULL),
				false).onClose(() -> items.end(null));
	}

	static <T> Flow.Publisher<T> publisher(Supplier<PageSource<T>> sources,
			Supplier<Consumer<@Nullable Throwable>> onFinish) {
		return (subscriber) -> new Subscription<>(subscriber, sources, onFinish.get()).start();
	}

	private static final class Items<T> implements Iterator<T> {

		private final PageSource<T> source;

		private final Function<InterruptedException, RuntimeException> onInterrupt;

		private final Consumer<@Nullable Throwable> onFinish;

		private final AtomicBoolean ended = new AtomicBoolean();

		private Iterator<T> page = java.util.Collections.emptyIterator();

		private boolean last;

		Items(PageSource<T> source, Function<InterruptedException, RuntimeException> onInterrupt,
				Consumer<@Nullable Throwable> onFinish) {
			this.source = source;
			this.onInterrupt = onInterrupt;
			this.onFinish = onFinish;
		}

		@Override
		public boolean hasNext() {
			if (this.ended.get()) {
				return false;
			}
			while (!this.page.hasNext()) {
				if (this.last || this.ended.get()) {
					end(null);
					return false;
				}
				Page<T> next;
				try {
					next = this.source.next().get();
				}
				catch (InterruptedException ex) {
					RuntimeException failure = this.onInterrupt.apply(ex);
					end(failure);
					Thread.currentThread().interrupt();
					throw failure;
				}
				catch (ExecutionException ex) {
					Throwable failure = Futures.unwrap(ex);
					end(failure);
					throw Futures.unchecked(failure);
				}
				this.page = next.items().iterator();
				this.last = next.last();
			}
			return true;
		}

		@Override
		public T next() {
			if (!hasNext()) {
				throw new NoSuchElementException();
			}
			return this.page.next();
		}

		void end(@Nullable Throwable failure) {
			if (this.ended.compareAndSet(false, true)) {
				this.source.close();
				this.onFinish.accept(failure);
			}
		}

	}

	private static final class Subscription<T> implements Flow.Subscription {

		private final Flow.Subscriber<? super T> subscriber;

		private final Supplier<PageSource<T>> sources;

		private final Consumer<@Nullable Throwable> onFinish;

		private final AtomicLong demand = new AtomicLong();

		private final AtomicInteger work = new AtomicInteger();

		private final Queue<T> buffered = new ArrayDeque<>();

		private @Nullable PageSource<T> source;

		private volatile boolean reading;

		private volatile boolean last;

		private volatile boolean done;

		private volatile @Nullable Throwable failure;

		Subscription(Flow.Subscriber<? super T> subscriber, Supplier<PageSource<T>> sources,
				Consumer<@Nullable Throwable> onFinish) {
			this.subscriber = subscriber;
			this.sources = sources;
			this.onFinish = onFinish;
		}

		void start() {
			this.subscriber.onSubscribe(this);
			try {
				this.source = this.sources.get();
			}
			catch (RuntimeException ex) {
				this.failure = ex;
			}
			drain();
		}

		@Override
		public void request(long n) {
			if (n <= 0) {
				this.failure = new IllegalArgumentException("request(n) needs n > 0, was " + n);
			}
			else {
				this.demand.accumulateAndGet(n, (a, b) -> (a + b < 0) ? Long.MAX_VALUE : a + b);
			}
			drain();
		}

		@Override
		public void cancel() {
			if (!this.done) {
				this.done = true;
				close(null);
			}
		}

		private void drain() {
			if (this.work.getAndIncrement() != 0) {
				return;
			}
			do {
				loop();
			}
			while (this.work.decrementAndGet() != 0);
		}

		private void loop() {
			while (!this.done) {
				Throwable failed = this.failure;
				if (failed != null) {
					this.done = true;
					close(failed);
					this.subscriber.onError(failed);
					return;
				}
				synchronized (this.buffered) {
					if (this.demand.get() > 0 && !this.buffered.isEmpty()) {
						T item = this.buffered.poll();
						this.demand.decrementAndGet();
						this.subscriber.onNext(item);
						continue;
					}
				}
				if (this.buffered.isEmpty() && this.last) {
					this.done = true;
					close(null);
					this.subscriber.onComplete();
					return;
				}
				if (this.demand.get() > 0 && this.buffered.isEmpty() && !this.reading && this.source != null) {
					this.reading = true;
					this.source.next().whenComplete((page, error) -> {
						if (error != null) {
							this.failure = Futures.unwrap(error);
						}
						else {
							synchronized (this.buffered) {
								this.buffered.addAll(page.items());
							}
							this.last = page.last();
						}
						this.reading = false;
						drain();
					});
				}
				return;
			}
		}

		private void close(@Nullable Throwable failed) {
			if (this.source != null) {
				this.source.close();
			}
			this.onFinish.accept(failed);
		}

	}

}
