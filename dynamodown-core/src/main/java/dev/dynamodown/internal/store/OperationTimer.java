package dev.dynamodown.internal.store;

import java.lang.System.Logger.Level;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.dynamodown.DynamoDownListener;
import dev.dynamodown.DynamoDownListener.StartedOperation;
import org.jspecify.annotations.Nullable;

/**
 * Times one public operation and reports it to the {@link DynamoDownListener}: its start when
 * created, its completion exactly once, even when several paths (a stream's exhaustion and its
 * close) try to finish it. The one place where the core reports operations.
 */
public final class OperationTimer {

	private static final System.Logger LOGGER = System.getLogger(OperationTimer.class.getName());

	private final StartedOperation started;

	private final long start = System.nanoTime();

	private final AtomicBoolean finished = new AtomicBoolean();

	OperationTimer(DynamoDownListener listener, StoreLocation location, String operation) {
		this.started = start(listener, location, operation);
	}

	private static StartedOperation start(DynamoDownListener listener, StoreLocation location, String operation) {
		try {
			StartedOperation started = listener.operationStarted(location.table(), location.namespace(), operation);
			return (started != null) ? started : StartedOperation.NONE;
		}
		catch (RuntimeException ex) {
			LOGGER.log(Level.WARNING, "DynamoDownListener failed on operationStarted; ignored", ex);
			return StartedOperation.NONE;
		}
	}

	/**
	 * Reports the operation as completed; later calls do nothing.
	 * @param failure what it threw, or {@code null} on success
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
