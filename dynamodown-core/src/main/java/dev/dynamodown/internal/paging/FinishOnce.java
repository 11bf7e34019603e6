package dev.dynamodown.internal.paging;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;

/**
 * Tells a callback once how a read ended (its failure, or {@code null}), however many paths
 * (exhaustion, close, cancel, failure) race to end it, and then forgets the callback.
 */
final class FinishOnce {

	private final AtomicReference<@Nullable Consumer<@Nullable Throwable>> callback;

	FinishOnce(Consumer<@Nullable Throwable> callback) {
		this.callback = new AtomicReference<>(callback);
	}

	/** Reports the end if it was not reported yet. */
	void report(@Nullable Throwable failure) {
		Consumer<@Nullable Throwable> first = this.callback.getAndSet(null);
		if (first != null) {
			first.accept(failure);
		}
	}

}
