package dev.dynamodown.metrics;

import dev.dynamodown.DynamoDownListener;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Meter.MeterProvider;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;

import org.springframework.util.Assert;

/**
 * {@link DynamoDownListener} recording the retries of batches' unprocessed items as Micrometer
 * meters (the operations themselves are observations, see
 * {@code dev.dynamodown.observation.ObservationDynamoDownListener}):
 * <ul>
 * <li>counter {@value #BATCH_RETRIES}: one per re-sent {@code BatchWriteItem} or
 * {@code BatchGetItem} request;</li>
 * <li>distribution summary {@value #BATCH_UNPROCESSED}: how many items or keys each retry
 * re-sends.</li>
 * </ul>
 * Both are tagged {@code table}, and {@code namespace} only when the application has few
 * namespaces (namespaces are often one per tenant or user: a tag per namespace would make the
 * meters unbounded).
 */
public class MicrometerDynamoDownListener implements DynamoDownListener {

	/** Counter of retries of unprocessed batch items. */
	public static final String BATCH_RETRIES = "dynamodown.batch.retries";

	/** Distribution of the number of items or keys each retry re-sends. */
	public static final String BATCH_UNPROCESSED = "dynamodown.batch.unprocessed";

	private final MeterProvider<Counter> retries;

	private final MeterProvider<DistributionSummary> unprocessed;

	private final boolean namespaceTag;

	/**
	 * Creates a listener recording into a registry, without a namespace tag.
	 * @param registry the registry
	 */
	public MicrometerDynamoDownListener(MeterRegistry registry) {
		this(registry, false);
	}

	/**
	 * Creates a listener recording into a registry.
	 * @param registry the registry
	 * @param namespaceTag whether to tag the meters with the namespace
	 */
	public MicrometerDynamoDownListener(MeterRegistry registry, boolean namespaceTag) {
		Assert.notNull(registry, "'registry' must not be null");
		this.retries = Counter.builder(BATCH_RETRIES)
			.description("Retries of the unprocessed items of dynamodown batch requests")
			.withRegistry(registry);
		this.unprocessed = DistributionSummary.builder(BATCH_UNPROCESSED)
			.description("Items or keys re-sent by each retry of a dynamodown batch request")
			.withRegistry(registry);
		this.namespaceTag = namespaceTag;
	}

	@Override
	public void batchRetried(String table, String namespace, int unprocessed) {
		Tags tags = this.namespaceTag ? Tags.of("table", table, "namespace", namespace) : Tags.of("table", table);
		this.retries.withTags(tags).increment();
		this.unprocessed.withTags(tags).record(unprocessed);
	}

}
