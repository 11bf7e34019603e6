package dev.dynamodown.benchmarks.client;

import java.time.Duration;

import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * Adds a fixed delay to every HTTP request an SDK client sends, to stand for the network between an
 * application and a remote DynamoDB (a few milliseconds in the same region).
 * <p>
 * The delay is spent in {@code beforeTransmission}, on the calling thread, once per attempt (a retried
 * request waits again): exactly where a round trip would block a synchronous client. Every contender's
 * client gets the same instance, so the simulated network is identical for all.
 */
public final class SimulatedLatency implements ExecutionInterceptor {

	private final long nanos;

	public SimulatedLatency(Duration delay) {
		if (delay.isNegative()) {
			throw new IllegalArgumentException("'delay' must not be negative, was " + delay);
		}
		this.nanos = delay.toNanos();
	}

	@Override
	public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes executionAttributes) {
		if (this.nanos == 0) {
			return;
		}
		try {
			Thread.sleep(this.nanos / 1_000_000, (int) (this.nanos % 1_000_000));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
