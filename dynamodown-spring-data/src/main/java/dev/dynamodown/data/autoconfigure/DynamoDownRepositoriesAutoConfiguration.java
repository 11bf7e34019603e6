package dev.dynamodown.data.autoconfigure;

import dev.dynamodown.DynamoDown;
import dev.dynamodown.data.EnableDynamoDownRepositories;
import dev.dynamodown.data.repository.DynamoDownRepositoryFactoryBean;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Import;

/**
 * {@link EnableAutoConfiguration Auto-configuration} of dynamodown repositories: with a
 * {@link DynamoDown} bean in the context (the starter's, or the application's own), registers the
 * repository interfaces of the application's packages (those of {@code @SpringBootApplication}) as
 * {@link EnableDynamoDownRepositories @EnableDynamoDownRepositories} would.
 * <p>
 * Backs off when the application configures repositories itself (any
 * {@link DynamoDownRepositoryFactoryBean} is registered, e.g. by {@code @EnableDynamoDownRepositories})
 * or sets {@code dynamodown.repositories.enabled=false}.
 */
@AutoConfiguration(afterName = "dev.dynamodown.autoconfigure.DynamoDownAutoConfiguration")
@ConditionalOnBean(DynamoDown.class)
@ConditionalOnBooleanProperty(name = "dynamodown.repositories.enabled", matchIfMissing = true)
@ConditionalOnMissingBean(DynamoDownRepositoryFactoryBean.class)
@Import(DynamoDownRepositoriesAutoConfigureRegistrar.class)
public final class DynamoDownRepositoriesAutoConfiguration {

}
