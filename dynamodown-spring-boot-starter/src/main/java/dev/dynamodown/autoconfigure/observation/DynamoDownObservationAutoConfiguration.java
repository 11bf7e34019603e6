package dev.dynamodown.autoconfigure.observation;

import dev.dynamodown.DynamoDown;
import dev.dynamodown.autoconfigure.DynamoDownAutoConfiguration;
import dev.dynamodown.autoconfigure.DynamoDownProperties;
import dev.dynamodown.observation.DefaultDynamoDownObservationConvention;
import dev.dynamodown.observation.DynamoDownObservationConvention;
import dev.dynamodown.observation.ObservationDynamoDownListener;
import io.micrometer.observation.ObservationRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * {@link EnableAutoConfiguration Auto-configuration} for dynamodown observations: an
 * {@link ObservationDynamoDownListener} that the auto-configured {@link DynamoDown} reports to,
 * when Micrometer's Observation API is on the classpath and an {@link ObservationRegistry} bean
 * exists (Spring Boot's, whose handlers turn observations into timers and, with tracing, spans).
 * A {@link DynamoDownObservationConvention} bean replaces the default convention.
 */
@AutoConfiguration(before = DynamoDownAutoConfiguration.class,
		afterName = "org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration")
@ConditionalOnClass({ DynamoDown.class, ObservationRegistry.class })
@ConditionalOnBean(ObservationRegistry.class)
@EnableConfigurationProperties(DynamoDownProperties.class)
public final class DynamoDownObservationAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	ObservationDynamoDownListener observationDynamoDownListener(ObservationRegistry observationRegistry,
			ObjectProvider<DynamoDownObservationConvention> convention, DynamoDownProperties properties) {
		return new ObservationDynamoDownListener(observationRegistry, convention.getIfUnique(),
				new DefaultDynamoDownObservationConvention(
						properties.getObservations().isLowCardinalityNamespace()));
	}

}
