package dev.dynamodown.metrics;

import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link MicrometerDynamoDownListener}.
 */
class MicrometerDynamoDownListenerTests {

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	private final MicrometerDynamoDownListener listener = new MicrometerDynamoDownListener(this.registry);

	@Test
	void timesOperationsByOutcome() {
		this.listener.operationCompleted("app-data", "meetups", "get", 2_000_000, null);
		this.listener.operationCompleted("app-data", "meetups", "get", 3_000_000, null);
		this.listener.operationCompleted("app-data", "meetups", "put", 5_000_000, new IllegalStateException());
		Timer gets = this.registry.get("dynamodown.operations")
			.tags("table", "app-data", "namespace", "meetups", "operation", "get", "outcome", "success")
			.timer();
		assertThat(gets.count()).isEqualTo(2);
		assertThat(gets.totalTime(TimeUnit.MILLISECONDS)).isEqualTo(5.0);
		assertThat(this.registry.get("dynamodown.operations")
			.tags("operation", "put", "outcome", "error")
			.timer()
			.count()).isEqualTo(1);
	}

	@Test
	void countsBatchRetries() {
		this.listener.batchRetried("app-data", "meetups", 7);
		this.listener.batchRetried("app-data", "meetups", 3);
		assertThat(this.registry.get("dynamodown.batch.retries")
			.tags("table", "app-data", "namespace", "meetups")
			.counter()
			.count()).isEqualTo(2);
	}

}
