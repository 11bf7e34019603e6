package dev.dynamodown.internal.batch;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential backoff with full jitter: before retry {@code n} wait a random time between zero
 * and {@code min(max, base * 2^(n-1))}, which spreads the retries of concurrent chunks.
 */
final class Backoff {

	private final long baseNanos;

	private final long maxNanos;

	Backoff(Duration base, Duration max) {
		this.baseNanos = base.toNanos();
		this.maxNanos = max.toNanos();
	}

	/**
	 * Waits before a retry.
	 * @param retry 1 for the first retry
	 * @throws InterruptedException if the thread is interrupted meanwhile
	 */
	void pause(int retry) throws InterruptedException {
		int doublings = Math.min(retry - 1, 40);
		long ceiling = (this.baseNanos > (this.maxNanos >> doublings)) ? this.maxNanos : this.baseNanos << doublings;
		long nanos = (ceiling > 0) ? ThreadLocalRandom.current().nextLong(ceiling + 1) : 0;
		if (nanos > 0) {
			Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
		}
		else if (Thread.interrupted()) {
			throw new InterruptedException();
		}
	}

}
