package dev.dynamodown.data.autoconfigure;

import java.lang.annotation.Annotation;

import dev.dynamodown.data.EnableDynamoDownRepositories;
import dev.dynamodown.data.repository.config.DynamoDownRepositoryConfigurationExtension;

import org.springframework.boot.autoconfigure.data.AbstractRepositoryConfigurationSourceSupport;
import org.springframework.data.repository.config.RepositoryConfigurationExtension;

/**
 * Registers the repositories of the auto-configuration packages, as
 * {@code @EnableDynamoDownRepositories} on the application class would.
 */
class DynamoDownRepositoriesAutoConfigureRegistrar extends AbstractRepositoryConfigurationSourceSupport {

	@Override
	protected Class<? extends Annotation> getAnnotation() {
		return EnableDynamoDownRepositories.class;
	}

	@Override
	protected Class<?> getConfiguration() {
		return EnableDynamoDownRepositoriesConfiguration.class;
	}

	@Override
	protected RepositoryConfigurationExtension getRepositoryConfigurationExtension() {
		return new DynamoDownRepositoryConfigurationExtension();
	}

	@EnableDynamoDownRepositories
	private static final class EnableDynamoDownRepositoriesConfiguration {

	}

}
