package dev.dynamodown.benchmarks.client;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Counts the HTTP requests one client sends, per DynamoDB operation name ({@code Query}, {@code PutItem}, …).
 * Retries count as requests: each attempt passes {@code beforeTransmission}.
 */
public final class RequestCounter implements ExecutionInterceptor {

	private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();

	@Override
	public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes executionAttributes) {
		String operation = executionAttributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
		this.counts.computeIfAbsent(operation, name -> new LongAdder()).increment();
	}

	/** Requests sent since the last reset, by operation name, in name order. */
	public Map<String, Long> snapshot() {
		Map<String, Long> snapshot = new TreeMap<>();
		this.counts.forEach((operation, count) -> {
			long value = count.sum();
			if (value > 0) {
				snapshot.put(operation, value);
			}
		});
		return snapshot;
	}

	public void reset() {
		this.counts.values().forEach(LongAdder::reset);
	}

}
