package dev.dynamodown.data.autoconfigure;

import dev.dynamodown.DynamoDown;
import dev.dynamodown.autoconfigure.DependsOnTableInitialization;
import dev.dynamodown.data.core.DynamoDownKeyValueTemplate;
import dev.dynamodown.data.mapping.DynamoDownMappingContext;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;

/**
 * {@link EnableAutoConfiguration Auto-configuration} that creates the tables repository entities
 * name with {@code @DynamoDownTable}, when the application asks for tables to be created at startup
 * ({@code dynamodown.create-tables=true}, or the embedded server). The starter creates
 * {@code dynamodown.table} and the tables of configured namespaces; this adds the entities' own,
 * at the same point of the startup: before the first bean that uses them (the repositories'
 * {@code DynamoDownKeyValueTemplate}) is created. Applies to auto-configured repositories and to
 * {@code @EnableDynamoDownRepositories} alike; backs off when the application defines its own
 * initializer.
 */
@AutoConfiguration(after = DynamoDownRepositoriesAutoConfiguration.class,
		afterName = "dev.dynamodown.autoconfigure.DynamoDownAutoConfiguration")
@ConditionalOnClass(DependsOnTableInitialization.class)
@ConditionalOnBean({ DynamoDown.class, DynamoDownMappingContext.class })
@Conditional(DynamoDownRepositoryTablesAutoConfiguration.TablesCreatedAtStartup.class)
public final class DynamoDownRepositoryTablesAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	RepositoryTablesInitializer dynamoDownRepositoryTablesInitializer(DynamoDown dynamoDown,
			DynamoDownMappingContext mappingContext, ConfigurableListableBeanFactory beanFactory) {
		return new RepositoryTablesInitializer(dynamoDown, mappingContext, beanFactory);
	}

	/** The repositories' template, and so every repository, waits for the tables. */
	@Bean
	static DependsOnTableInitialization repositoriesDependOnRepositoryTablesInitializer() {
		return new DependsOnTableInitialization(RepositoryTablesInitializer.class, DynamoDownKeyValueTemplate.class);
	}

	static final class TablesCreatedAtStartup extends AnyNestedCondition {

		TablesCreatedAtStartup() {
			super(ConfigurationPhase.REGISTER_BEAN);
		}

		@ConditionalOnBooleanProperty("dynamodown.create-tables")
		static final class CreateTables {

		}

		@ConditionalOnBooleanProperty("dynamodown.embedded.enabled")
		static final class Embedded {

		}

	}

}
