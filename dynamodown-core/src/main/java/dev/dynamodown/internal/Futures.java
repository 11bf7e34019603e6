package dev.dynamodown.internal;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

/**
 * Small tools for the futures the pipeline is written on.
 */
public final class Futures {

	private Futures() {
	}

	/**
	 * What a future failed with, without the {@link CompletionException} or
	 * {@link ExecutionException} wrappers that composing futures adds.
	 * @param failure a failure as a future reports it
	 * @return the original exception
	 */
	public static Throwable unwrap(Throwable failure) {
		Throwable cause = failure;
		while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
			cause = cause.getCause();
		}
		return cause;
	}

	/**
	 * A failure as an unchecked exception to rethrow: itself if unchecked (an {@link Error} is
	 * thrown right here), else wrapped in a {@link CompletionException}.
	 * @param failure an unwrapped failure
	 * @return the exception to throw
	 */
	public static RuntimeException unchecked(Throwable failure) {
		if (failure instanceof RuntimeException runtime) {
			return runtime;
		}
		if (failure instanceof Error error) {
			throw error;
		}
		return new CompletionException(failure);
	}

	/**
	 * Runs an asynchronous step again and again until it answers {@code false}. A step whose future
	 * is already complete when it returns (every request of the blocking edge is) is followed by the
	 * next one in the same loop, not by a nested call: the stack does not grow with the number of
	 * steps.
	 * @param step one step; its future tells whether to go on
	 * @return completes after the last step, or fails with the first failure of a step
	 */
	public static CompletableFuture<Void> repeat(Supplier<CompletableFuture<Boolean>> step) {
		Repeat repeat = new Repeat(step);
		repeat.run();
		return repeat.done;
	}

	/**
	 * Starts asynchronous tasks concurrently: all but the first where {@code fork} runs work, the
	 * first on the calling thread, which then also starts every task that {@code fork} has not
	 * started yet (a busy executor delays none of them; each starts once).
	 * @param fork where work alongside the caller starts (the edge's {@code fork})
	 * @param tasks the tasks
	 * @param <T> their result type
	 * @return each task's outcome, in the order of the tasks
	 */
	public static <T> List<CompletableFuture<T>> concurrently(Executor fork, List<Supplier<CompletableFuture<T>>> tasks) {
		List<Once<T>> started = tasks.stream().map(Once::new).toList();
		for (Once<T> task : started.subList(Math.min(1, started.size()), started.size())) {
			try {
				fork.execute(task);
			}
			catch (RejectedExecutionException ex) {
				// Started below, on this thread.
			}
		}
		started.forEach(Once::run);
		return started.stream().map(Once::outcome).toList();
	}

	/**
	 * An asynchronous task started by whoever comes first: work forked to start it, or a caller that
	 * needs its outcome now and would rather not wait for the fork. It starts once, or never if
	 * {@link #abandon() abandoned} first.
	 *
	 * @param <T> the task's result type
	 */
	public static final class Once<T> implements Runnable {

		private final Supplier<CompletableFuture<T>> task;

		private final AtomicBoolean started = new AtomicBoolean();

		private final CompletableFuture<T> outcome = new CompletableFuture<>();

		/** @param task starts the task and answers with its future */
		public Once(Supplier<CompletableFuture<T>> task) {
			this.task = task;
		}

		/** What the task completes with (pending until it is started and done). */
		public CompletableFuture<T> outcome() {
			return this.outcome;
		}

		/** The task will not be needed: it does not start if it has not started yet. */
		public void abandon() {
			this.started.set(true);
		}

		/** Starts the task, unless it has started (or was abandoned) already. */
		@Override
		public void run() {
			if (!this.started.compareAndSet(false, true)) {
				return;
			}
			CompletableFuture<T> sent;
			try {
				sent = this.task.get();
			}
			catch (RuntimeException | Error ex) {
				sent = CompletableFuture.failedFuture(ex);
			}
			sent.whenComplete((value, failure) -> {
				if (failure != null) {
					this.outcome.completeExceptionally(unwrap(failure));
				}
				else {
					this.outcome.complete(value);
				}
			});
		}

	}

	private static final class Repeat implements Runnable {

		private final Supplier<CompletableFuture<Boolean>> step;

		private final CompletableFuture<Void> done = new CompletableFuture<>();

		Repeat(Supplier<CompletableFuture<Boolean>> step) {
			this.step = step;
		}

		@Override
		public void run() {
			while (true) {
				CompletableFuture<Boolean> next;
				try {
					next = this.step.get();
				}
				catch (RuntimeException | Error ex) {
					this.done.completeExceptionally(ex);
					return;
				}
				if (!next.isDone()) {
					next.whenComplete((again, failure) -> {
						if (proceed(again, failure)) {
							run();
						}
					});
					return;
				}
				if (!next.handle(this::proceed).getNow(false)) {
					return;
				}
			}
		}

		private boolean proceed(@Nullable Boolean again, @Nullable Throwable failure) {
			if (failure != null) {
				this.done.completeExceptionally(unwrap(failure));
				return false;
			}
			if (!Boolean.TRUE.equals(again)) {
				this.done.complete(null);
				return false;
			}
			return true;
		}

	}

}
