package dev.dynamodown.benchmarks.workload;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.IntToLongFunction;

/**
 * Applies a single-key operation to every key index of a dataset, on one thread (a plain loop on the caller's
 * thread) or split into {@code threads} contiguous slices running at once on a shared pool: the way an
 * application with several request threads uses a client.
 */
final class KeyLoop {

	private final ExecutorService pool;

	KeyLoop(ExecutorService pool) {
		this.pool = pool;
	}

	/**
	 * @param operation is given a key index; returns 1 if it wrote or found that key, else 0
	 * @return the sum of what {@code operation} returned
	 */
	long run(int keys, int threads, IntToLongFunction operation) {
		if (threads == 1) {
			return slice(0, keys, operation);
		}
		List<Future<Long>> slices = new ArrayList<>(threads);
		for (int thread = 0; thread < threads; thread++) {
			int from = (int) ((long) keys * thread / threads);
			int to = (int) ((long) keys * (thread + 1) / threads);
			slices.add(this.pool.submit(() -> slice(from, to, operation)));
		}
		long total = 0;
		try {
			for (Future<Long> slice : slices) {
				total += slice.get();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting for key slices", ex);
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof RuntimeException failure) {
				throw failure;
			}
			throw new IllegalStateException(ex.getCause());
		}
		return total;
	}

	private static long slice(int from, int to, IntToLongFunction operation) {
		long total = 0;
		for (int index = from; index < to; index++) {
			total += operation.applyAsLong(index);
		}
		return total;
	}

}
