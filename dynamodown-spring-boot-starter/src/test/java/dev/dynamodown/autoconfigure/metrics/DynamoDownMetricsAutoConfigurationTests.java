package dev.dynamodown.autoconfigure.metrics;

import dev.dynamodown.autoconfigure.DynamoDownAutoConfiguration;
import dev.dynamodown.metrics.MicrometerDynamoDownListener;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link DynamoDownMetricsAutoConfiguration}.
 */
class DynamoDownMetricsAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(
				AutoConfigurations.of(DynamoDownMetricsAutoConfiguration.class, DynamoDownAutoConfiguration.class));

	@Nested
	class Conditions {

		private final ApplicationContextRunner offline = contextRunner
			.withPropertyValues("dynamodown.endpoint=http://127.0.0.1:1", "dynamodown.region=us-east-1");

		@Test
		void listenerWithAMeterRegistry() {
			this.offline.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
				.run((context) -> assertThat(context).hasSingleBean(MicrometerDynamoDownListener.class));
		}

		@Test
		void noListenerWithoutAMeterRegistry() {
			this.offline.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(MicrometerDynamoDownListener.class));
		}

		@Test
		void noListenerWithoutMicrometer() {
			this.offline.withClassLoader(new FilteredClassLoader("io.micrometer"))
				.run((context) -> assertThat(context).hasNotFailed()
					.doesNotHaveBean("micrometerDynamoDownListener"));
		}

	}

}
