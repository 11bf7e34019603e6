package dev.dynamodown.internal.store;

/**
 * Work in flight that can be told to stop early: an operation, or a range read waiting for a page.
 * The runtime stops all of it when it is closed; a blocking caller stops its own when interrupted.
 */
public interface Stoppable {

	/**
	 * Stops the work: it sends no further request and whoever waits for it is answered now, with
	 * a failure naming {@code reason}. What it already sent may or may not have been applied.
	 * Returns promptly; does nothing if the work has ended. Thread-safe.
	 * @param reason why: an {@link IllegalStateException} when the runtime was closed, an
	 * {@link InterruptedException} when the waiting thread was interrupted
	 */
	void stop(Throwable reason);

}
