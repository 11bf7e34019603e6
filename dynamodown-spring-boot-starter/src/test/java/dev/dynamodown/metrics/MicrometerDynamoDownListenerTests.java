package dev.dynamodown.metrics;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link MicrometerDynamoDownListener}.
 */
class MicrometerDynamoDownListenerTests {

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	@Test
	void countsBatchRetriesAndTheirUnprocessedItemsByTable() {
		MicrometerDynamoDownListener listener = new MicrometerDynamoDownListener(this.registry);
		listener.batchRetried("app-data", "tenant-1", 7);
		listener.batchRetried("app-data", "tenant-2", 3);
		assertThat(this.registry.get("dynamodown.batch.retries").tags("table", "app-data").counter().count())
			.isEqualTo(2);
		DistributionSummary unprocessed = this.registry.get("dynamodown.batch.unprocessed")
			.tags("table", "app-data")
			.summary();
		assertThat(unprocessed.count()).isEqualTo(2);
		assertThat(unprocessed.totalAmount()).isEqualTo(10);
		assertThat(this.registry.getMeters())
			.allSatisfy((meter) -> assertThat(meter.getId().getTag("namespace")).isNull());
	}

	@Test
	void tagsTheNamespaceWhenAskedTo() {
		new MicrometerDynamoDownListener(this.registry, true).batchRetried("app-data", "meetups", 4);
		assertThat(this.registry.get("dynamodown.batch.retries")
			.tags("table", "app-data", "namespace", "meetups")
			.counter()
			.count()).isEqualTo(1);
	}

}
