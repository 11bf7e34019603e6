package dev.dynamodown.metrics;

import java.util.concurrent.TimeUnit;

import dev.dynamodown.DynamoDownListener;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter.MeterProvider;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * {@link DynamoDownListener} recording Micrometer meters:
 * <ul>
 * <li>timer {@value #OPERATIONS}, tagged {@code table}, {@code namespace},
 * {@code operation} and {@code outcome} ({@code success} or {@code error});</li>
 * <li>counter {@value #BATCH_RETRIES}, tagged {@code table} and {@code namespace}: one per
 * retry of a batch's unprocessed items.</li>
 * </ul>
 */
public class MicrometerDynamoDownListener implements DynamoDownListener {

	/** Timer of every store operation. */
	public static final String OPERATIONS = "dynamodown.operations";

	/** Counter of retries of unprocessed batch items. */
	public static final String BATCH_RETRIES = "dynamodown.batch.retries";

	private final MeterProvider<Timer> operations;

	private final MeterProvider<Counter> batchRetries;

	/**
	 * Creates a listener recording into a registry.
	 * @param registry the registry
	 */
	public MicrometerDynamoDownListener(MeterRegistry registry) {
		Assert.notNull(registry, "'registry' must not be null");
		this.operations = Timer.builder(OPERATIONS).description("Operations on dynamodown stores").withRegistry(registry);
		this.batchRetries = Counter.builder(BATCH_RETRIES)
			.description("Retries of the unprocessed items of dynamodown batch writes")
			.withRegistry(registry);
	}

	@Override
	public void operationCompleted(String table, String namespace, String operation, long nanos,
			@Nullable Throwable failure) {
		this.operations
			.withTags("table", table, "namespace", namespace, "operation", operation, "outcome",
					(failure != null) ? "error" : "success")
			.record(nanos, TimeUnit.NANOSECONDS);
	}

	@Override
	public void batchRetried(String table, String namespace, int unprocessed) {
		this.batchRetries.withTags("table", table, "namespace", namespace).increment();
	}

}
