package dev.dynamodown.autoconfigure.metrics;

import dev.dynamodown.DynamoDown;
import dev.dynamodown.autoconfigure.DynamoDownAutoConfiguration;
import dev.dynamodown.autoconfigure.DynamoDownProperties;
import dev.dynamodown.metrics.MicrometerDynamoDownListener;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * {@link EnableAutoConfiguration Auto-configuration} for dynamodown metrics: a
 * {@link MicrometerDynamoDownListener} that the auto-configured {@link DynamoDown} reports
 * to, when Micrometer is on the classpath and a {@link MeterRegistry} bean exists.
 */
@AutoConfiguration(before = DynamoDownAutoConfiguration.class,
		afterName = "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration")
@ConditionalOnClass({ DynamoDown.class, MeterRegistry.class })
@ConditionalOnBean(MeterRegistry.class)
@EnableConfigurationProperties(DynamoDownProperties.class)
public final class DynamoDownMetricsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	MicrometerDynamoDownListener micrometerDynamoDownListener(MeterRegistry meterRegistry,
			DynamoDownProperties properties) {
		return new MicrometerDynamoDownListener(meterRegistry,
				properties.getObservations().isLowCardinalityNamespace());
	}

}
