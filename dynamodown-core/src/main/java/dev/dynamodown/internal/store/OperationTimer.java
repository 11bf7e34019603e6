package dev.dynamodown.internal.store;

import java.lang.System.Logger.Level;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.dynamodown.DynamoDownListener;
import org.jspecify.annotations.Nullable;

/**
 * Times one public operation and reports it to the {@link DynamoDownListener} exactly once, even
 * when several paths (a stream's exhaustion and its close) try to finish it.
 */
public final class OperationTimer {

	private static final System.Logger LOGGER = System.getLogger(OperationTimer.class.getName());

	private final DynamoDownListener listener;

	private final StoreLocation location;

	private final String operation;

	private final long start = System.nanoTime();

	private final AtomicBoolean finished = new AtomicBoolean();

	OperationTimer(DynamoDownListener listener, StoreLocation location, String operation) {
		this.listener = listener;
		this.location = location;
		this.operation = operation;
	}

	/**
	 * Reports the operation as completed; later calls do nothing.
	 * @param failure what it threw, or {@code null} on success
	 */
	public void finish(@Nullable Throwable failure) {
		if (this.finished.compareAndSet(false, true)) {
			long nanos = System.nanoTime() - this.start;
			try {
				this.listener.operationCompleted(this.location.table(), this.location.namespace(), this.operation, nanos,
						failure);
			}
			catch (RuntimeException ex) {
				LOGGER.log(Level.WARNING, "DynamoDownListener failed on operationCompleted; ignored", ex);
			}
		}
	}

}
