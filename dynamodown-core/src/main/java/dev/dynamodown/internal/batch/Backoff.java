package dev.dynamodown.internal.batch;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential backoff with full jitter: before retry {@code n} wait a random time between zero
 * and {@code min(max, base * 2^(n-1))}, which spreads the retries of concurrent chunks. Only
 * computes the delay: the runtime's scheduler waits it, no thread sleeps.
 */
final class Backoff {

	private final long baseNanos;

	private final long maxNanos;

	Backoff(Duration base, Duration max) {
		this.baseNanos = base.toNanos();
		this.maxNanos = max.toNanos();
	}

	/**
	 * The delay before a retry.
	 * @param retry 1 for the first retry
	 * @return how long to wait
	 */
	Duration delay(int retry) {
		int doublings = Math.min(retry - 1, 40);
		long ceiling = (this.baseNanos > (this.maxNanos >> doublings)) ? this.maxNanos : this.baseNanos << doublings;
		return Duration.ofNanos((ceiling > 0) ? ThreadLocalRandom.current().nextLong(ceiling + 1) : 0);
	}

}
