package dev.dynamodown.autoconfigure.health;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Properties;

import dev.dynamodown.DynamoDown;
import dev.dynamodown.autoconfigure.DynamoDownAutoConfiguration;
import dev.dynamodown.health.DynamoDownHealthIndicator;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.autoconfigure.contributor.HealthContributorAutoConfiguration;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.support.PropertiesLoaderUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link DynamoDownHealthContributorAutoConfiguration}.
 */
class DynamoDownHealthContributorAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DynamoDownAutoConfiguration.class,
				DynamoDownHealthContributorAutoConfiguration.class, HealthContributorAutoConfiguration.class))
		.withPropertyValues("dynamodown.endpoint=http://127.0.0.1:1", "dynamodown.region=us-east-1");

	@Test
	void contributesTheDynamodownIndicator() {
		this.contextRunner
			.run((context) -> assertThat(context).hasSingleBean(DynamoDownHealthIndicator.class)
				.hasBean("dynamodownHealthContributor"));
	}

	@Test
	void isSwitchedOffByProperty() {
		this.contextRunner.withPropertyValues("management.health.dynamodown.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(DynamoDownHealthIndicator.class));
	}

	@Test
	void isAbsentWithoutTheHealthModule() {
		this.contextRunner
			.withClassLoader(new FilteredClassLoader(ConditionalOnEnabledHealthIndicator.class,
					AbstractHealthIndicator.class))
			.run((context) -> assertThat(context).hasNotFailed()
				.hasSingleBean(DynamoDown.class)
				.doesNotHaveBean("dynamodownHealthContributor"));
	}

	/**
	 * In an application without spring-boot-health, Boot filters auto-configurations by
	 * this metadata before reading them (a FilteredClassLoader in a context runner cannot
	 * show that, as it hides classes but not the imports of Boot's own health module).
	 */
	@Test
	void metadataLetsBootSkipItWithoutTheHealthModule() throws IOException {
		Properties metadata = PropertiesLoaderUtils
			.loadAllProperties("META-INF/spring-autoconfigure-metadata.properties");
		assertThat(metadata.getProperty(DynamoDownHealthContributorAutoConfiguration.class.getName()
				+ ".ConditionalOnClass"))
			.contains(ConditionalOnEnabledHealthIndicator.class.getName())
			.contains(DynamoDownHealthIndicator.class.getName());
	}

	@Test
	void isAbsentWithoutDynamoDown() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(DynamoDownHealthContributorAutoConfiguration.class,
					HealthContributorAutoConfiguration.class))
			.run((context) -> assertThat(context).doesNotHaveBean(DynamoDownHealthIndicator.class));
	}

	@Test
	void backsOffForTheApplicationsIndicator() {
		this.contextRunner.withUserConfiguration(UserIndicator.class)
			.run((context) -> assertThat(context).getBean(DynamoDownHealthIndicator.class)
				.isSameAs(context.getBean("dynamodownHealthIndicator")));
	}

	@Configuration(proxyBeanMethods = false)
	static class UserIndicator {

		@Bean
		DynamoDownHealthIndicator dynamodownHealthIndicator(DynamoDbClient client) {
			return new DynamoDownHealthIndicator(client, List.of("mine"), Duration.ofSeconds(1));
		}

	}

}
