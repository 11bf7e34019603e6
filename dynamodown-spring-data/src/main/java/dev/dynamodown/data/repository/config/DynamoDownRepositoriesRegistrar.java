package dev.dynamodown.data.repository.config;

import java.lang.annotation.Annotation;

import dev.dynamodown.data.EnableDynamoDownRepositories;

import org.springframework.data.repository.config.RepositoryBeanDefinitionRegistrarSupport;
import org.springframework.data.repository.config.RepositoryConfigurationExtension;

/**
 * Registers the repositories {@link EnableDynamoDownRepositories @EnableDynamoDownRepositories}
 * asks for.
 */
public class DynamoDownRepositoriesRegistrar extends RepositoryBeanDefinitionRegistrarSupport {

	@Override
	protected Class<? extends Annotation> getAnnotation() {
		return EnableDynamoDownRepositories.class;
	}

	@Override
	protected RepositoryConfigurationExtension getExtension() {
		return new DynamoDownRepositoryConfigurationExtension();
	}

}
