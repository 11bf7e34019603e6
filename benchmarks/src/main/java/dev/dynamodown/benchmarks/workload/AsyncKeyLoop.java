package dev.dynamodown.benchmarks.workload;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntFunction;

/**
 * Drives asynchronous operations from one caller thread. {@link #run} applies a single-key operation to every
 * key index of a dataset with at most {@code inFlight} operations in flight: the caller starts the next one as
 * soon as any completes (it waits for a free slot, never for a particular answer), as one application thread on
 * an asynchronous client does. {@link #await} waits for one operation, such as a whole scan or batch.
 */
final class AsyncKeyLoop {

	private AsyncKeyLoop() {
	}

	/**
	 * @param operation is given a key index; completes with 1 if it wrote or found that key, else 0
	 * @return the sum of what the operations completed with
	 * @throws RuntimeException the first failure of an operation, once every started operation has ended
	 */
	static long run(int keys, int inFlight, IntFunction<CompletableFuture<Long>> operation) {
		Semaphore slots = new Semaphore(inFlight);
		AtomicLong total = new AtomicLong();
		AtomicReference<Throwable> failure = new AtomicReference<>();
		try {
			for (int index = 0; index < keys && failure.get() == null; index++) {
				slots.acquire();
				CompletableFuture<Long> started;
				try {
					started = operation.apply(index);
				}
				catch (RuntimeException ex) {
					slots.release();
					throw ex;
				}
				started.whenComplete((found, error) -> {
					if (error != null) {
						failure.compareAndSet(null, error);
					}
					else {
						total.addAndGet(found);
					}
					slots.release();
				});
			}
			slots.acquire(inFlight);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while operations were in flight", ex);
		}
		Throwable first = failure.get();
		if (first != null) {
			throw rethrown(first);
		}
		return total.get();
	}

	/**
	 * Waits for one asynchronous operation started by the caller thread, as a timed task must.
	 * @return its result
	 * @throws RuntimeException its failure
	 */
	static <T> T await(CompletableFuture<T> operation) {
		try {
			return operation.get();
		}
		catch (InterruptedException ex) {
			operation.cancel(true);
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting for an operation", ex);
		}
		catch (ExecutionException ex) {
			throw rethrown(ex.getCause());
		}
	}

	private static RuntimeException rethrown(Throwable failure) {
		Throwable cause = (failure instanceof CompletionException && failure.getCause() != null) ? failure.getCause()
				: failure;
		return (cause instanceof RuntimeException runtime) ? runtime : new IllegalStateException(cause);
	}

}
