package dev.dynamodown.benchmarks.store;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;

/**
 * Runs tasks with at most a given number in flight. With one in flight the tasks run one after the other on
 * the calling thread, exactly like a plain loop; with more they run on a shared pool, the caller handing out
 * the next task as soon as one finishes.
 */
public final class InFlight {

	private final ExecutorService pool;

	private final int limit;

	private final Semaphore permits;

	private final List<Future<?>> started = new ArrayList<>();

	InFlight(ExecutorService pool, int limit) {
		if (limit < 1) {
			throw new IllegalArgumentException("'limit' must be at least 1, was " + limit);
		}
		this.pool = pool;
		this.limit = limit;
		this.permits = new Semaphore(limit);
	}

	/** Starts {@code task} once fewer than the limit are running (at once, on this thread, for a limit of 1). */
	void submit(Runnable task) {
		if (this.limit == 1) {
			task.run();
			return;
		}
		this.permits.acquireUninterruptibly();
		this.started.add(this.pool.submit(() -> {
			try {
				task.run();
			}
			finally {
				this.permits.release();
			}
		}));
	}

	/** Waits for every task submitted; rethrows the first failure. */
	void awaitAll() {
		try {
			for (Future<?> future : this.started) {
				future.get();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting for requests in flight", ex);
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof RuntimeException failure) {
				throw failure;
			}
			throw new IllegalStateException(ex.getCause());
		}
		finally {
			this.started.clear();
		}
	}

}
