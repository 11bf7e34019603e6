package dev.dynamodown.internal.paging;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** What a failed page future failed with, as its caller should see it. */
final class Failures {

	private Failures() {
	}

	/**
	 * The failure a future's wrapper exceptions stand for: {@code CompletableFuture} wraps a failure
	 * in a {@link CompletionException} when it passes through a dependent stage, and
	 * {@code get()} in an {@link ExecutionException}; the caller wants the failure itself.
	 */
	static Throwable unwrap(Throwable failure) {
		Throwable current = failure;
		while ((current instanceof CompletionException || current instanceof ExecutionException)
				&& current.getCause() != null) {
			current = current.getCause();
		}
		return current;
	}

}
