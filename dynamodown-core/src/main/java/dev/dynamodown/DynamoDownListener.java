package dev.dynamodown;

import org.jspecify.annotations.Nullable;

/**
 * Observes what the stores of one {@link DynamoDown} or {@link AsyncDynamoDown} do, for metrics and
 * tracing (the Spring Boot starter plugs Micrometer's Observation API in here). Every method has a
 * default; implementations must be thread-safe and fast, and must not call the stores, as they are
 * called on the threads doing the work (a caller's, a pool thread, the client's). An exception
 * thrown by a listener (or by a handle it returned) is logged and otherwise ignored: it never
 * changes an operation's outcome.
 * <p>
 * Each public operation is reported twice: {@link #operationStarted} when it starts, then, exactly
 * once, {@link StartedOperation#completed} on the handle that call returned. A listener that only
 * needs the end keeps the default {@code operationStarted}, which reports the end to
 * {@link #operationCompleted}. The start and the end may be reported on different threads (a range
 * stream ends where it is exhausted or closed, an asynchronous operation where its last answer
 * arrives). The end is reported before the operation's caller sees its outcome. An operation
 * refused because its {@code DynamoDown} is closed is not reported.
 */
public interface DynamoDownListener {

	/** A listener that does nothing. */
	DynamoDownListener NONE = new DynamoDownListener() {
	};

	/**
	 * A public operation of a store starts.
	 * <p>
	 * {@code operation} is the method's name: {@code get}, {@code getAll}, {@code put},
	 * {@code putIfAbsent}, {@code putIf}, {@code delete}, {@code deleteIf}, {@code range} (also for {@code keys}, {@code values} and
	 * {@code list}), {@code count}, {@code clear} (also for {@code destroy}), {@code batch} or
	 * {@code atomicBatch}. A {@code range} stream starts when it is created and completes when it is
	 * exhausted, closed or fails; so does each subscription to a range publisher, from its
	 * subscription on.
	 * @param table the store's table
	 * @param namespace the store's namespace
	 * @param operation the operation's name
	 * @return the handle its completion is reported to; by default one that calls
	 * {@link #operationCompleted}
	 */
	default StartedOperation operationStarted(String table, String namespace, String operation) {
		return (nanos, failure) -> operationCompleted(table, namespace, operation, nanos, failure);
	}

	/**
	 * A public operation of a store finished (reported by the default {@link #operationStarted}'s
	 * handle).
	 * @param table the store's table
	 * @param namespace the store's namespace
	 * @param operation the operation's name, as for {@link #operationStarted}
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

	/**
	 * One started operation, as {@link #operationStarted} returned it: told once when it completes.
	 */
	@FunctionalInterface
	interface StartedOperation {

		/** A handle that does nothing. */
		StartedOperation NONE = (nanos, failure) -> {
		};

		/**
		 * The operation completed.
		 * @param nanos how long it took, from its start
		 * @param failure what it threw, or {@code null} if it succeeded
		 */
		void completed(long nanos, @Nullable Throwable failure);

	}

}
