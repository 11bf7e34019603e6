package dev.dynamodown.cache;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

/**
 * The loads of one cache in progress in this JVM, one per store key, so that concurrent callers
 * of {@code get(key, valueLoader)} and {@code retrieve(key, valueLoader)} for the same key share
 * one look-up and at most one load: the first caller does the work, the others wait for its
 * outcome (value or failure). A load ends, and is forgotten, once its value is stored, so a later
 * caller reads the stored value. Other JVMs are not coordinated: each may load once.
 * <p>
 * A blocking caller waits interruptibly; an asynchronous one chains on the outcome and blocks no
 * thread. A loader that asks for its own key again on its own thread would wait for itself: that
 * is refused with an {@link IllegalStateException}.
 */
final class CacheLoads {

	private final Map<String, Load> loads = new ConcurrentHashMap<>();

	/**
	 * Does the work of a key on the calling thread, unless another caller is doing it: then waits
	 * for its outcome.
	 * @param key the store key
	 * @param work the look-up and load, returning the value (which may be {@code null})
	 * @return the value
	 * @throws InterruptedException if the thread is interrupted while it waits for another caller
	 * @throws IllegalStateException if the calling thread is doing the work of this key already
	 * @throws RuntimeException what the work threw, for its own caller and for those who waited
	 */
	@Nullable Object run(String key, Supplier<@Nullable Object> work) throws InterruptedException {
		Load mine = new Load(Thread.currentThread());
		Load running = this.loads.putIfAbsent(key, mine);
		if (running == null) {
			try {
				Object value = work.get();
				mine.outcome.complete(value);
				return value;
			}
			catch (RuntimeException | Error ex) {
				mine.outcome.completeExceptionally(ex);
				throw ex;
			}
			finally {
				this.loads.remove(key, mine);
			}
		}
		if (running.owner == Thread.currentThread()) {
			throw new IllegalStateException("The value loader of cache key '" + key
					+ "' asked for the same key on its own thread; it would wait for itself");
		}
		try {
			return running.outcome.get();
		}
		catch (ExecutionException ex) {
			// The work of a blocking caller throws only unchecked exceptions; an asynchronous one's
			// failure may be checked: it is wrapped.
			Throwable cause = ex.getCause();
			if (cause instanceof Error error) {
				throw error;
			}
			throw (cause instanceof RuntimeException runtime) ? runtime : new CompletionException(cause);
		}
	}

	/**
	 * Starts the asynchronous work of a key, unless another caller is doing it: then shares its
	 * outcome. Blocks no thread.
	 * @param key the store key
	 * @param work starts the look-up and load; its future completes with the value
	 * @return the outcome
	 */
	CompletableFuture<@Nullable Object> start(String key, Supplier<CompletableFuture<@Nullable Object>> work) {
		Load mine = new Load(null);
		Load running = this.loads.putIfAbsent(key, mine);
		if (running != null) {
			return running.outcome.thenApply((value) -> value);
		}
		CompletableFuture<@Nullable Object> started;
		try {
			started = work.get();
		}
		catch (RuntimeException | Error ex) {
			started = CompletableFuture.failedFuture(ex);
		}
		started.whenComplete((value, failure) -> {
			this.loads.remove(key, mine);
			if (failure != null) {
				mine.outcome.completeExceptionally(
						(failure instanceof CompletionException && failure.getCause() != null) ? failure.getCause() : failure);
			}
			else {
				mine.outcome.complete(value);
			}
		});
		return mine.outcome.thenApply((value) -> value);
	}

	/** One load: who does it (a thread, or {@code null} for asynchronous work) and its outcome. */
	private static final class Load {

		final @Nullable Thread owner;

		final CompletableFuture<@Nullable Object> outcome = new CompletableFuture<>();

		Load(@Nullable Thread owner) {
			this.owner = owner;
		}

	}

}
