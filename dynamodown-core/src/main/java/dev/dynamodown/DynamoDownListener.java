package dev.dynamodown;

import org.jspecify.annotations.Nullable;

/**
 * Observes what the stores of one {@link DynamoDown} or {@link AsyncDynamoDown} do, for metrics
 * (the Spring Boot starter plugs Micrometer in here). Every method has a no-op default;
 * implementations must be thread-safe and fast, and must not call the stores, as they are called
 * on the threads doing the work (a caller's, a pool thread, the client's). An exception thrown by
 * a listener is logged and otherwise ignored: it never changes an operation's outcome.
 */
public interface DynamoDownListener {

	/** A listener that does nothing. */
	DynamoDownListener NONE = new DynamoDownListener() {
	};

	/**
	 * A public operation of a store finished; told before its caller sees the outcome.
	 * <p>
	 * {@code operation} is the method's name: {@code get}, {@code getAll}, {@code put},
	 * {@code putIfAbsent}, {@code delete}, {@code range} (also for {@code keys}, {@code values}
	 * and {@code list}), {@code count}, {@code clear} (also for {@code destroy}), {@code batch}
	 * or {@code atomicBatch}. A {@code range} stream is reported once, when it is exhausted,
	 * closed or fails, and its time spans from its creation to then; so is each subscription to
	 * a range publisher, from its subscription on.
	 * @param table the store's table
	 * @param namespace the store's namespace
	 * @param operation the operation's name
	 * @param nanos how long it took
	 * @param failure what it threw, or {@code null} if it succeeded
	 */
	default void operationCompleted(String table, String namespace, String operation, long nanos,
			@Nullable Throwable failure) {
	}

	/**
	 * A {@code BatchWriteItem} or {@code BatchGetItem} request is about to be re-sent for the items
	 * or keys DynamoDB left unprocessed (after a backoff delay).
	 * @param table the store's table
	 * @param namespace the store's namespace
	 * @param unprocessed how many items or keys the retry re-sends
	 */
	default void batchRetried(String table, String namespace, int unprocessed) {
	}

}
