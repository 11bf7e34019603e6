package dev.dynamodown.observation;

import dev.dynamodown.DynamoDownListener;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * {@link DynamoDownListener} that records one Micrometer {@link Observation} per operation of a
 * store (see {@link DynamoDownObservationDocumentation}): started when the operation starts,
 * stopped when it completes, with the failure as its error. What it becomes depends on the
 * registry's handlers: a timer with only metrics, a span with tracing (a child of the observation
 * current where the operation started), both with both. Observations are not opened in scope:
 * a range stream may be completed on another thread than the one that started it.
 */
public class ObservationDynamoDownListener implements DynamoDownListener {

	private final ObservationRegistry registry;

	private final @Nullable DynamoDownObservationConvention customConvention;

	private final DynamoDownObservationConvention defaultConvention;

	/**
	 * Creates a listener with the {@link DefaultDynamoDownObservationConvention}.
	 * @param registry the registry
	 */
	public ObservationDynamoDownListener(ObservationRegistry registry) {
		this(registry, null, new DefaultDynamoDownObservationConvention());
	}

	/**
	 * Creates a listener.
	 * @param registry the registry
	 * @param customConvention the application's convention, or {@code null}
	 * @param defaultConvention the convention used when there is no custom one
	 */
	public ObservationDynamoDownListener(ObservationRegistry registry,
			@Nullable DynamoDownObservationConvention customConvention,
			DynamoDownObservationConvention defaultConvention) {
		Assert.notNull(registry, "'registry' must not be null");
		Assert.notNull(defaultConvention, "'defaultConvention' must not be null");
		this.registry = registry;
		this.customConvention = customConvention;
		this.defaultConvention = defaultConvention;
	}

	@Override
	public StartedOperation operationStarted(String table, String namespace, String operation) {
		Observation observation = DynamoDownObservationDocumentation.OPERATION
			.observation(this.customConvention, this.defaultConvention,
					() -> new DynamoDownObservationContext(table, namespace, operation), this.registry)
			.start();
		return (nanos, failure) -> {
			if (failure != null) {
				observation.error(failure);
			}
			observation.stop();
		};
	}

}
