package dev.dynamodown.observation;

import dev.dynamodown.DynamoDownListener.StartedOperation;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import org.junit.jupiter.api.Test;

/**
 * Tests for {@link ObservationDynamoDownListener} with Micrometer's {@link TestObservationRegistry}.
 */
class ObservationDynamoDownListenerTests {

	private final TestObservationRegistry registry = TestObservationRegistry.create();

	@Test
	void oneObservationPerOperationStartedAtItsStartAndStoppedAtItsEnd() {
		StartedOperation started = new ObservationDynamoDownListener(this.registry).operationStarted("app-data",
				"tenant-42", "get");
		TestObservationRegistryAssert.assertThat(this.registry)
			.hasSingleObservationThat()
			.hasNameEqualTo("dynamodown.operations")
			.hasBeenStarted()
			.isNotStopped();
		started.completed(1_000, null);
		TestObservationRegistryAssert.assertThat(this.registry)
			.hasSingleObservationThat()
			.hasBeenStopped()
			.hasContextualNameEqualTo("dynamodown get app-data")
			.hasLowCardinalityKeyValue("table", "app-data")
			.hasLowCardinalityKeyValue("operation", "get")
			.hasLowCardinalityKeyValue("outcome", "success")
			.hasHighCardinalityKeyValue("namespace", "tenant-42")
			.doesNotHaveLowCardinalityKeyValueWithKey("namespace")
			.doesNotHaveError();
	}

	@Test
	void aFailedOperationIsAnObservationWithItsError() {
		IllegalStateException failure = new IllegalStateException("closed");
		new ObservationDynamoDownListener(this.registry).operationStarted("app-data", "tenant-42", "batch")
			.completed(1_000, failure);
		TestObservationRegistryAssert.assertThat(this.registry)
			.hasSingleObservationThat()
			.hasLowCardinalityKeyValue("outcome", "error")
			.hasLowCardinalityKeyValue("operation", "batch")
			.hasError(failure);
	}

	@Test
	void theNamespaceIsLowCardinalityWhenTheConventionSaysSo() {
		new ObservationDynamoDownListener(this.registry, null, new DefaultDynamoDownObservationConvention(true))
			.operationStarted("app-data", "meetups", "put")
			.completed(1_000, null);
		TestObservationRegistryAssert.assertThat(this.registry)
			.hasSingleObservationThat()
			.hasLowCardinalityKeyValue("namespace", "meetups")
			.doesNotHaveHighCardinalityKeyValueWithKey("namespace");
	}

	@Test
	void aCustomConventionWins() {
		DynamoDownObservationConvention custom = new DynamoDownObservationConvention() {
			@Override
			public String getName() {
				return "custom.operations";
			}
		};
		new ObservationDynamoDownListener(this.registry, custom, new DefaultDynamoDownObservationConvention())
			.operationStarted("app-data", "meetups", "put")
			.completed(1_000, null);
		TestObservationRegistryAssert.assertThat(this.registry)
			.hasSingleObservationThat()
			.hasNameEqualTo("custom.operations");
	}

}
