package dev.dynamodown.internal.batch;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;

import org.jspecify.annotations.Nullable;

/**
 * Works through chunks with at most {@code concurrency} in flight: the calling thread takes
 * chunks itself, helped by up to {@code concurrency - 1} workers of the shared pool (so a busy
 * pool slows a batch down but never blocks it). Chunks are handed out in order until a task asks
 * to stop or throws; the caller then learns which chunks were never started. It returns only
 * when every started chunk has finished, so no outcome is lost.
 */
final class ChunkRunner {

	/** The work for one chunk. */
	@FunctionalInterface
	interface Task<T> {

		/**
		 * Processes one chunk.
		 * @param chunk the chunk
		 * @param stopRequested whether the run is stopping (e.g. the caller was interrupted);
		 * long-running tasks should check it between retries
		 * @return {@code false} to stop handing out further chunks
		 */
		boolean run(T chunk, BooleanSupplier stopRequested);

	}

	private final Executor pool;

	private final int concurrency;

	ChunkRunner(Executor pool, int concurrency) {
		this.pool = pool;
		this.concurrency = concurrency;
	}

	/**
	 * Runs a task on every chunk.
	 * @param chunks the chunks, in the order to start them
	 * @param task what to do with each
	 * @return the chunks never started, because a task stopped the run or threw
	 * @throws RuntimeException the first exception a task threw, after every worker finished
	 */
	<T> List<T> run(List<T> chunks, Task<T> task) {
		Run<T> run = new Run<>(chunks, task);
		int helpers = Math.min(this.concurrency, chunks.size()) - 1;
		CountDownLatch helpersDone = new CountDownLatch(Math.max(helpers, 0));
		for (int i = 0; i < helpers; i++) {
			try {
				this.pool.execute(() -> {
					try {
						run.work();
					}
					finally {
						helpersDone.countDown();
					}
				});
			}
			catch (RejectedExecutionException ex) {
				helpersDone.countDown();
			}
		}
		run.work();
		awaitUninterruptibly(helpersDone, run);
		run.rethrowFailure();
		return chunks.subList(Math.min(run.next.get(), chunks.size()), chunks.size());
	}

	private static void awaitUninterruptibly(CountDownLatch latch, Run<?> run) {
		boolean interrupted = false;
		while (true) {
			try {
				latch.await();
				break;
			}
			catch (InterruptedException ex) {
				// Keep waiting: every started chunk must report; ask the workers to wrap up.
				interrupted = true;
				run.stop.set(true);
			}
		}
		if (interrupted) {
			Thread.currentThread().interrupt();
		}
	}

	private static final class Run<T> {

		final List<T> chunks;

		final Task<T> task;

		final AtomicInteger next = new AtomicInteger();

		final AtomicBoolean stop = new AtomicBoolean();

		final AtomicReference<@Nullable Throwable> failure = new AtomicReference<>();

		Run(List<T> chunks, Task<T> task) {
			this.chunks = chunks;
			this.task = task;
		}

		void work() {
			try {
				while (!this.stop.get()) {
					int index = this.next.getAndIncrement();
					if (index >= this.chunks.size()) {
						return;
					}
					if (!this.task.run(this.chunks.get(index), this.stop::get)) {
						this.stop.set(true);
					}
				}
			}
			catch (RuntimeException | Error ex) {
				this.failure.compareAndSet(null, ex);
				this.stop.set(true);
			}
		}

		void rethrowFailure() {
			Throwable thrown = this.failure.get();
			if (thrown instanceof RuntimeException runtime) {
				throw runtime;
			}
			if (thrown instanceof Error error) {
				throw error;
			}
		}

	}

}
