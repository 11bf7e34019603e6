package dev.dynamodown.reliability;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Counts, inside the SDK, the calls made and the attempts put on the wire: attempts minus calls
 * are the client's own retries. Also names every attempt's operation, to assert that nothing at
 * all was sent.
 */
final class AttemptCounter implements ExecutionInterceptor {

	private final AtomicInteger calls = new AtomicInteger();

	private final List<String> attempts = new CopyOnWriteArrayList<>();

	@Override
	public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
		this.calls.incrementAndGet();
	}

	@Override
	public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
		this.attempts.add(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME));
	}

	int calls() {
		return this.calls.get();
	}

	/** The operation of every attempt sent, in order. */
	List<String> attempts() {
		return List.copyOf(this.attempts);
	}

	/** Attempts beyond the first of each call: the retries of the SDK's retry policy. */
	int clientRetries() {
		return this.attempts.size() - this.calls.get();
	}

	void reset() {
		this.calls.set(0);
		this.attempts.clear();
	}

}
