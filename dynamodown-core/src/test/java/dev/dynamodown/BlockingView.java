package dev.dynamodown;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Spliterator;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import dev.dynamodown.internal.Futures;

/**
 * An {@link AsyncSortedKeyValueOperations} seen as a {@link SortedKeyValueOperations}, so that one
 * test body checks both stores: futures are awaited (their failure rethrown as it is), publishers
 * consumed one {@code request(1)} at a time, as a stream consumes its elements. It also checks what
 * the asynchronous contract adds: no method throws (a bad argument must fail the future, or be
 * signalled by the publisher, which the view then throws like the blocking API), no
 * {@code onNext} without demand, no signal after a terminal one.
 *
 * @param <V> the value type
 */
final class BlockingView<V> implements SortedKeyValueOperations<V> {

	/** Far above any operation of the tests: only a hang reaches it. */
	private static final long BOUND_SECONDS = 60;

	private final AsyncSortedKeyValueOperations<V> async;

	BlockingView(AsyncSortedKeyValueOperations<V> async) {
		this.async = async;
	}

	/** The asynchronous store behind this view. */
	AsyncSortedKeyValueOperations<V> async() {
		return this.async;
	}

	@Override
	public String table() {
		return this.async.table();
	}

	@Override
	public String namespace() {
		return this.async.namespace();
	}

	@Override
	public Optional<V> get(String key) {
		return await(() -> this.async.get(key));
	}

	@Override
	public Map<String, V> getAll(Collection<String> keys) {
		return await(() -> this.async.getAll(keys));
	}

	@Override
	public void put(String key, V value) {
		await(() -> this.async.put(key, value));
	}

	@Override
	public boolean putIfAbsent(String key, V value) {
		return await(() -> this.async.putIfAbsent(key, value));
	}

	@Override
	public void delete(String key) {
		await(() -> this.async.delete(key));
	}

	@Override
	public boolean exists(String key) {
		return await(() -> this.async.exists(key));
	}

	@Override
	public void put(String key, V value, Duration ttl) {
		await(() -> this.async.put(key, value, ttl));
	}

	@Override
	public boolean putIfAbsent(String key, V value, Duration ttl) {
		return await(() -> this.async.putIfAbsent(key, value, ttl));
	}

	@Override
	public Optional<V> getAndDelete(String key) {
		return await(() -> this.async.getAndDelete(key));
	}

	@Override
	public Stream<KeyValue<V>> range(KeyRange range) {
		return stream(() -> this.async.range(range));
	}

	@Override
	public Stream<String> keys(KeyRange range) {
		return stream(() -> this.async.keys(range));
	}

	@Override
	public Stream<V> values(KeyRange range) {
		return stream(() -> this.async.values(range));
	}

	@Override
	public List<KeyValue<V>> list(KeyRange range) {
		return await(() -> this.async.list(range));
	}

	@Override
	public long count(KeyRange range) {
		return await(() -> this.async.count(range));
	}

	@Override
	public long clear(KeyRange range) {
		return await(() -> this.async.clear(range));
	}

	@Override
	public void destroy() {
		await(this.async::destroy);
	}

	@Override
	public BatchResult batch(Consumer<Batch<V>> operations) {
		return await(() -> this.async.batch(operations));
	}

	@Override
	public void atomicBatch(Consumer<Batch<V>> operations) {
		await(() -> this.async.atomicBatch(operations));
	}

	@Override
	public String toString() {
		return "BlockingView[" + this.async + "]";
	}

	/** Calls an asynchronous method, which must not throw, and waits for its future. */
	private static <T> T await(Supplier<CompletableFuture<T>> call) {
		CompletableFuture<T> future;
		try {
			future = call.get();
		}
		catch (RuntimeException ex) {
			throw new AssertionError("An asynchronous method threw instead of failing its future", ex);
		}
		return await(future);
	}

	/** Waits for a future; its failure is rethrown as it is. */
	static <T> T await(CompletableFuture<T> future) {
		try {
			return future.get(BOUND_SECONDS, TimeUnit.SECONDS);
		}
		catch (ExecutionException ex) {
			throw Futures.unchecked(ex.getCause());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError("Interrupted", ex);
		}
		catch (TimeoutException ex) {
			throw new AssertionError("Not completed within " + BOUND_SECONDS + " s", ex);
		}
	}

	/**
	 * Subscribes at once (nothing is requested yet) so that a publisher that fails before any
	 * request, as for a bad argument, makes this method throw like the blocking API.
	 */
	private static <T> Stream<T> stream(Supplier<Flow.Publisher<T>> call) {
		Flow.Publisher<T> publisher;
		try {
			publisher = call.get();
		}
		catch (RuntimeException ex) {
			throw new AssertionError("An asynchronous method threw instead of signalling onError", ex);
		}
		Items<T> items = new Items<>();
		publisher.subscribe(items);
		items.throwIfFailedAlready();
		return StreamSupport.stream(items, false).onClose(items::cancel);
	}

	/** A subscriber consumed as a spliterator: one request(1) per element asked for. */
	private static final class Items<T> implements Flow.Subscriber<T>, Spliterator<T> {

		private static final Object COMPLETE = new Object();

		private final LinkedBlockingQueue<Object> signals = new LinkedBlockingQueue<>();

		private volatile Flow.Subscription subscription;

		private volatile long demand;

		private volatile boolean terminated;

		private volatile boolean done;

		@Override
		public void onSubscribe(Flow.Subscription subscription) {
			this.subscription = subscription;
		}

		@Override
		public void onNext(T item) {
			if (this.terminated || this.demand <= 0) {
				this.signals.add(new AssertionError("onNext(" + item + ") without demand or after the end"));
				return;
			}
			this.demand--;
			this.signals.add(item);
		}

		@Override
		public void onError(Throwable failure) {
			end(new Failure(failure));
		}

		@Override
		public void onComplete() {
			end(COMPLETE);
		}

		private void end(Object signal) {
			if (this.terminated) {
				this.signals.add(new AssertionError("a signal after the terminal one: " + signal));
				return;
			}
			this.terminated = true;
			this.signals.add(signal);
		}

		void throwIfFailedAlready() {
			if (this.subscription == null) {
				throw new AssertionError("subscribe() did not call onSubscribe");
			}
			if (this.signals.peek() instanceof Failure failure) {
				this.done = true;
				throw failure.unchecked();
			}
		}

		void cancel() {
			this.done = true;
			this.subscription.cancel();
		}

		@Override
		@SuppressWarnings("unchecked")
		public boolean tryAdvance(Consumer<? super T> action) {
			if (this.done) {
				return false;
			}
			if (this.signals.isEmpty() && !this.terminated) {
				this.demand++;
				this.subscription.request(1);
			}
			Object signal;
			try {
				signal = this.signals.poll(BOUND_SECONDS, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new AssertionError("Interrupted", ex);
			}
			if (signal == null) {
				throw new AssertionError("No signal within " + BOUND_SECONDS + " s");
			}
			if (signal instanceof AssertionError broken) {
				throw broken;
			}
			if (signal == COMPLETE) {
				this.done = true;
				return false;
			}
			if (signal instanceof Failure failure) {
				this.done = true;
				throw failure.unchecked();
			}
			action.accept((T) signal);
			return true;
		}

		@Override
		public Spliterator<T> trySplit() {
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

	}

	private record Failure(Throwable cause) {

		RuntimeException unchecked() {
			return Futures.unchecked(this.cause);
		}

	}

}
