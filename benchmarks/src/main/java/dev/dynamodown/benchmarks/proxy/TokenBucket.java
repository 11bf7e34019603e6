package dev.dynamodown.benchmarks.proxy;

/**
 * Capacity units that refill at a fixed rate up to a burst: the throughput one partition-key value may
 * consume. Requests are counted in millionths of a unit ({@link ItemSizes#UNIT}); the level is kept in
 * billionths of that (a unit per second refills one such billionth per nanosecond), so that refilling is
 * exact whatever the clock's steps. Thread-safe.
 * <p>
 * A request is admitted when the bucket holds its units, or is full for a request larger than the whole
 * burst (else it could never pass). A read's actual units are known only from its answer: it is admitted on
 * its minimum and charged the rest afterwards, which may take the bucket below zero, as DynamoDB's own
 * accounting does: the debt delays the requests that follow until it is refilled.
 */
final class TokenBucket {

	/** Level units per millionth of a capacity unit. */
	private static final long SCALE = 1_000;

	private final long unitsPerSecond;

	private final long capacity;

	private long level;

	private long refilledAt;

	/**
	 * A full bucket.
	 * @param unitsPerSecond whole units refilled per second
	 * @param burstNanos how many seconds' worth of units the bucket holds at most, in nanoseconds
	 * @param now the clock's reading now, in nanoseconds
	 */
	TokenBucket(long unitsPerSecond, long burstNanos, long now) {
		this.unitsPerSecond = unitsPerSecond;
		this.capacity = Math.multiplyExact(burstNanos, unitsPerSecond);
		this.level = this.capacity;
		this.refilledAt = now;
	}

	/** Takes {@code units} (millionths) if the bucket holds them, or is full; {@code false} takes nothing. */
	synchronized boolean tryTake(long units, long now) {
		refillUntil(now);
		long needed = units * SCALE;
		if (this.level < Math.min(needed, this.capacity)) {
			return false;
		}
		this.level -= needed;
		return true;
	}

	/** Takes {@code units} (millionths) unconditionally: what an admitted request cost beyond its admission. */
	synchronized void charge(long units, long now) {
		refillUntil(now);
		this.level -= units * SCALE;
	}

	private void refillUntil(long now) {
		long elapsed = now - this.refilledAt;
		if (elapsed <= 0) {
			return;
		}
		this.refilledAt = now;
		long room = this.capacity - this.level;
		// Compared by division first: a long idle time times the rate could overflow.
		this.level = (elapsed >= room / this.unitsPerSecond + 1) ? this.capacity
				: Math.min(this.capacity, this.level + elapsed * this.unitsPerSecond);
	}

}
