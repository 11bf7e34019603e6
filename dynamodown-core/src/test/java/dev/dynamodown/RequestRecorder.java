package dev.dynamodown;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Records every request attempt that goes on the wire (retries by the client included), with the
 * thread that sent it, and the highest number of requests in flight at once.
 */
final class RequestRecorder implements ExecutionInterceptor {

	record Sent(String operation, SdkRequest request, Thread thread) {

		String threadName() {
			return this.thread.getName();
		}

	}

	private final List<Sent> sent = new CopyOnWriteArrayList<>();

	private final AtomicInteger inFlight = new AtomicInteger();

	private final AtomicInteger maxInFlight = new AtomicInteger();

	@Override
	public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
		this.sent.add(new Sent(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME), context.request(),
				Thread.currentThread()));
		this.maxInFlight.accumulateAndGet(this.inFlight.incrementAndGet(), Math::max);
	}

	@Override
	public void afterTransmission(Context.AfterTransmission context, ExecutionAttributes attributes) {
		this.inFlight.decrementAndGet();
	}

	/** Every request attempt since the last reset. */
	List<Sent> sent() {
		return List.copyOf(this.sent);
	}

	/** How many attempts of an operation (e.g. {@code "Query"}) were sent. */
	int count(String operation) {
		return (int) this.sent.stream().filter((s) -> s.operation().equals(operation)).count();
	}

	/** How many attempts of any operation were sent. */
	int total() {
		return this.sent.size();
	}

	/** The requests of an operation, in the order sent. */
	<T extends SdkRequest> List<T> requests(String operation, Class<T> type) {
		return this.sent.stream().filter((s) -> s.operation().equals(operation)).map((s) -> type.cast(s.request())).toList();
	}

	int maxInFlight() {
		return this.maxInFlight.get();
	}

	/**
	 * Waits until no request has been in flight or started for {@code quiet}, at most 5 s: a request
	 * an earlier test's read left on its way (a page read ahead that a pool thread had already
	 * claimed when the stream closed) is then counted before a reset, not after it.
	 */
	void awaitQuiet(Duration quiet) throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
		int seen = this.sent.size();
		long quietSince = System.nanoTime();
		while (System.nanoTime() < deadline) {
			Thread.sleep(10);
			if (this.inFlight.get() > 0 || this.sent.size() != seen) {
				seen = this.sent.size();
				quietSince = System.nanoTime();
			}
			else if (System.nanoTime() - quietSince >= quiet.toNanos()) {
				return;
			}
		}
	}

	void reset() {
		this.sent.clear();
		this.maxInFlight.set(0);
	}

}
