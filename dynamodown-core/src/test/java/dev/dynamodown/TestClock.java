package dev.dynamodown;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock the test sets and moves, so that expiry is tested without sleeping. Thread-safe: the
 * stores read it on their own threads.
 */
public final class TestClock extends Clock {

	private volatile Instant now;

	public TestClock(Instant now) {
		this.now = now;
	}

	/** Sets the time. */
	public void set(Instant now) {
		this.now = now;
	}

	/** Moves the time forward (or back, for a negative amount). */
	public void advance(Duration amount) {
		this.now = this.now.plus(amount);
	}

	@Override
	public Instant instant() {
		return this.now;
	}

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		throw new UnsupportedOperationException("A TestClock is in UTC");
	}

}
