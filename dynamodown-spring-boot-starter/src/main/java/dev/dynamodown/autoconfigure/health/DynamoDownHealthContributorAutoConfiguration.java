package dev.dynamodown.autoconfigure.health;

import java.util.List;

import dev.dynamodown.DynamoDown;
import dev.dynamodown.autoconfigure.DynamoDownAutoConfiguration;
import dev.dynamodown.autoconfigure.DynamoDownProperties;
import dev.dynamodown.health.DynamoDownHealthIndicator;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.context.annotation.Bean;

/**
 * {@link EnableAutoConfiguration Auto-configuration} for
 * {@link DynamoDownHealthIndicator}, contributed as {@code dynamodown}. It checks the
 * tables of {@code dynamodown.table} and {@code dynamodown.namespaces} through the client
 * of the context's {@link DynamoDown}. Switched off with
 * {@code management.health.dynamodown.enabled=false}.
 */
@AutoConfiguration(after = DynamoDownAutoConfiguration.class)
@ConditionalOnClass({ DynamoDown.class, DynamoDownHealthIndicator.class, ConditionalOnEnabledHealthIndicator.class })
@ConditionalOnSingleCandidate(DynamoDown.class)
@ConditionalOnEnabledHealthIndicator("dynamodown")
@EnableConfigurationProperties(DynamoDownProperties.class)
public final class DynamoDownHealthContributorAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(name = { "dynamodownHealthIndicator", "dynamodownHealthContributor" })
	DynamoDownHealthIndicator dynamodownHealthContributor(DynamoDown dynamoDown, DynamoDownProperties properties) {
		return new DynamoDownHealthIndicator(dynamoDown.client(), List.copyOf(properties.tables()),
				properties.getHealth().getTimeout());
	}

}
