package dev.dynamodown.internal.store;

import java.lang.System.Logger.Level;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.dynamodown.DynamoDownListener;
import org.jspecify.annotations.Nullable;

/**
 * Times one public operation and reports it to the {@link DynamoDownListener} exactly once, even
 * when several paths (a stream's exhaustion and its close, a stop and a late answer) try to finish
 * it. The one place where the pipeline reports operations to the listener, for the blocking and
 * the asynchronous API alike.
 */
public final class OperationTimer {

	/** Reports nothing: for work that is not a public operation of a store. */
	public static final OperationTimer NONE = new OperationTimer(DynamoDownListener.NONE, "", "", "");

	private static final System.Logger LOGGER = System.getLogger(OperationTimer.class.getName());

	private final DynamoDownListener listener;

	private final String table;

	private final String namespace;

	private final String operation;

	private final long start = System.nanoTime();

	private final AtomicBoolean finished = new AtomicBoolean();

	OperationTimer(DynamoDownListener listener, String table, String namespace, String operation) {
		this.listener = listener;
		this.table = table;
		this.namespace = namespace;
		this.operation = operation;
	}

	/**
	 * Reports the operation as completed; later calls do nothing.
	 * @param failure what it failed with, or {@code null} on success
	 */
	public void finish(@Nullable Throwable failure) {
		if (this.finished.compareAndSet(false, true)) {
			long nanos = System.nanoTime() - this.start;
			try {
				this.listener.operationCompleted(this.table, this.namespace, this.operation, nanos, failure);
			}
			catch (RuntimeException ex) {
				LOGGER.log(Level.WARNING, "DynamoDownListener failed on operationCompleted; ignored", ex);
			}
		}
	}

}
