package dev.dynamodown.internal.store;

import java.lang.System.Logger.Level;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.dynamodown.DynamoDownListener;
import dev.dynamodown.DynamoDownListener.StartedOperation;
import org.jspecify.annotations.Nullable;

/**
 * Times one public operation and reports it to the {@link DynamoDownListener}: its start when
 * created, its completion exactly once, even when several paths (a stream's exhaustion and its
 * close, a stop and a late answer) try to finish it. The one place where the core reports
 * operations, for the blocking and the asynchronous API alike.
 */
public final class OperationTimer {

	/** Reports nothing: for work that is not a public operation of a store. */
	public static final OperationTimer NONE = new OperationTimer(StartedOperation.NONE);

	private static final System.Logger LOGGER = System.getLogger(OperationTimer.class.getName());

	private final StartedOperation started;

	private final long start = System.nanoTime();

	private final AtomicBoolean finished = new AtomicBoolean();

	private OperationTimer(StartedOperation started) {
		this.started = started;
	}

	/**
	 * Reports the start of an operation and times it.
	 * @param listener told of the start now, of the completion by {@link #finish}
	 * @param location the store
	 * @param operation the operation's name
	 * @return the timer
	 */
	static OperationTimer start(DynamoDownListener listener, StoreLocation location, String operation) {
		try {
			StartedOperation started = listener.operationStarted(location.table(), location.namespace(), operation);
			return new OperationTimer((started != null) ? started : StartedOperation.NONE);
		}
		catch (RuntimeException ex) {
			LOGGER.log(Level.WARNING, "DynamoDownListener failed on operationStarted; ignored", ex);
			return new OperationTimer(StartedOperation.NONE);
		}
	}

	/**
	 * Reports the operation as completed; later calls do nothing.
	 * @param failure what it failed with, or {@code null} on success
	 */
	public void finish(@Nullable Throwable failure) {
		if (this.finished.compareAndSet(false, true)) {
			long nanos = System.nanoTime() - this.start;
			try {
				this.started.completed(nanos, failure);
			}
			catch (RuntimeException ex) {
				LOGGER.log(Level.WARNING, "DynamoDownListener failed on operationCompleted; ignored", ex);
			}
		}
	}

}
