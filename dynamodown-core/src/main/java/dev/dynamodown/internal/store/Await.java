package dev.dynamodown.internal.store;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

import dev.dynamodown.internal.Futures;

/**
 * How the blocking API waits for an operation: the one wait of a blocking call. It is
 * interruptible: an interrupted caller stops the operation (no further request is sent, a batch
 * reports what is not confirmed applied), gets the operation's failure at once, and finds its
 * interrupt flag set again. A failure is rethrown as the operation reported it, unwrapped.
 * Nothing else bounds the wait: every operation ends by itself, its requests bounded by the
 * client's timeouts and its retries by the options.
 */
public final class Await {

	private Await() {
	}

	/**
	 * Waits for an operation's result.
	 * @param operation the operation
	 * @param <T> the result type
	 * @return its value
	 * @throws RuntimeException what it failed with
	 */
	public static <T> T result(Operation<T> operation) {
		CompletableFuture<T> result = operation.result();
		try {
			return result.get();
		}
		catch (InterruptedException ex) {
			operation.stop(ex);
			try {
				return now(result);
			}
			finally {
				Thread.currentThread().interrupt();
			}
		}
		catch (ExecutionException | CancellationException ex) {
			throw Futures.unchecked(Futures.unwrap(ex));
		}
	}

	/** The outcome of a stopped operation, which has completed. */
	private static <T> T now(CompletableFuture<T> stopped) {
		if (!stopped.isDone()) {
			throw new IllegalStateException("A stopped operation did not complete");
		}
		try {
			return stopped.getNow(null);
		}
		catch (CompletionException | CancellationException ex) {
			throw Futures.unchecked(Futures.unwrap(ex));
		}
	}

}
