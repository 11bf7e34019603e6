package dev.dynamodown.internal.store;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

import dev.dynamodown.DynamoDownException;
import dev.dynamodown.internal.Futures;
import org.jspecify.annotations.Nullable;

/**
 * One public operation from its start to its end, for the blocking and the asynchronous API
 * alike: its result, its report to the listener (exactly once, through its {@link OperationTimer}),
 * its place among the runtime's work in flight, and how it is stopped early.
 * <p>
 * The operation's body returns a future; whatever it completes with becomes the result, with
 * failures unwrapped and translated (AWS SDK exceptions become {@code DynamoDownException}s that
 * name the operation). {@link #stop} answers at once: the body's own stopper (a batch completes
 * with what is not confirmed applied) or, without one, a failure saying the operation was stopped.
 *
 * @param <T> the result type
 */
public final class Operation<T> implements Stoppable {

	private final @Nullable StoreRuntime runtime;

	private final String description;

	private final OperationTimer timer;

	private final UnaryOperator<Throwable> translation;

	private final CompletableFuture<T> result = new CompletableFuture<>();

	private volatile @Nullable Consumer<Throwable> stopper;

	private volatile @Nullable Throwable stopReason;

	/** Set by the first outcome: only it is reported and becomes the result. */
	private final AtomicBoolean ending = new AtomicBoolean();

	private Operation(@Nullable StoreRuntime runtime, String description, OperationTimer timer,
			UnaryOperator<Throwable> translation) {
		this.runtime = runtime;
		this.description = description;
		this.timer = timer;
		this.translation = translation;
	}

	/**
	 * Starts an operation and runs its body on the calling thread until the body's first step
	 * that waits; a body that throws fails the operation. Refused (an already failed operation,
	 * not reported to the listener) once the runtime is closed.
	 * @param runtime the runtime it runs in
	 * @param description names it in messages, e.g. {@code "put on table 't', namespace 'n'"}
	 * @param timer reports it to the listener: its start when called (not for a refused operation)
	 * @param translation turns a failure (unwrapped) into the one to report
	 * @param body what it does
	 * @param <T> the result type
	 * @return the operation
	 */
	public static <T> Operation<T> start(StoreRuntime runtime, String description, Supplier<OperationTimer> timer,
			UnaryOperator<Throwable> translation, Function<Operation<T>, CompletableFuture<T>> body) {
		if (runtime.isClosed()) {
			Operation<T> refused = new Operation<>(null, description, OperationTimer.NONE, UnaryOperator.identity());
			refused.result.completeExceptionally(runtime.closedException());
			return refused;
		}
		Operation<T> operation = new Operation<>(runtime, description, timer.get(), translation);
		operation.result.whenComplete((value, failure) -> operation.completedFromOutside(failure));
		runtime.track(operation);
		CompletableFuture<T> outcome;
		try {
			outcome = body.apply(operation);
		}
		catch (RuntimeException | Error ex) {
			outcome = CompletableFuture.failedFuture(ex);
		}
		outcome.whenComplete(operation::settle);
		return operation;
	}

	/** The result: completed once, with the value or the (translated) failure. */
	public CompletableFuture<T> result() {
		return this.result;
	}

	/** Whether the operation was stopped (closed runtime, interrupted caller). */
	public boolean isStopped() {
		return this.stopReason != null;
	}

	/**
	 * Tells the operation how to stop its body early; the stopper must complete the body's future
	 * (or make it complete promptly) and may be called more than once. If the operation was stopped
	 * already, it runs at once.
	 * @param stopper told why the operation stops
	 */
	public void onStop(Consumer<Throwable> stopper) {
		this.stopper = stopper;
		Throwable reason = this.stopReason;
		if (reason != null) {
			stopper.accept(reason);
		}
	}

	@Override
	public void stop(Throwable reason) {
		if (this.ending.get()) {
			return;
		}
		this.stopReason = reason;
		Consumer<Throwable> body = this.stopper;
		if (body != null) {
			body.accept(reason);
		}
		end(null, new DynamoDownException(
				this.description + " was " + stopped(reason) + "; what it sent may or may not have been applied", reason));
	}

	/**
	 * How a stop reads in a message: {@code "interrupted"}, or {@code "stopped: DynamoDown has been closed"}.
	 * @param reason what {@link #stop} was given
	 * @return the words
	 */
	public static String stopped(Throwable reason) {
		return (reason instanceof InterruptedException) ? "interrupted" : "stopped: " + reason.getMessage();
	}

	private void settle(@Nullable T value, @Nullable Throwable failure) {
		end(value, (failure != null) ? this.translation.apply(Futures.unwrap(failure)) : null);
	}

	/**
	 * The first outcome ends the operation: reported to the listener and no longer in flight
	 * before the caller can see it in the result.
	 */
	private void end(@Nullable T value, @Nullable Throwable failure) {
		if (!this.ending.compareAndSet(false, true)) {
			return;
		}
		this.timer.finish(failure);
		if (this.runtime != null) {
			this.runtime.untrack(this);
		}
		if (failure == null) {
			this.result.complete(value);
		}
		else {
			this.result.completeExceptionally(failure);
		}
	}

	/** The result was completed by its holder, not by the operation: most likely cancelled. */
	private void completedFromOutside(@Nullable Throwable failure) {
		if (!this.ending.compareAndSet(false, true)) {
			return;
		}
		if (failure instanceof CancellationException cancelled) {
			// Cancelled by an asynchronous caller: stop sending.
			this.stopReason = cancelled;
			Consumer<Throwable> body = this.stopper;
			if (body != null) {
				body.accept(cancelled);
			}
		}
		this.timer.finish((failure != null) ? Futures.unwrap(failure) : null);
		if (this.runtime != null) {
			this.runtime.untrack(this);
		}
	}

}
