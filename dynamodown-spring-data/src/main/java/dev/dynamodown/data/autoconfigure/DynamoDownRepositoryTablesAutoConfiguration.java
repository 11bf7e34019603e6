package dev.dynamodown.data.autoconfigure;

import dev.dynamodown.DynamoDown;
import dev.dynamodown.data.mapping.DynamoDownMappingContext;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;

/**
 * {@link EnableAutoConfiguration Auto-configuration} that creates the tables repository entities
 * name with {@code @DynamoDownTable}, when the application asks for tables to be created at startup
 * ({@code dynamodown.create-tables=true}, or the embedded server). The starter creates
 * {@code dynamodown.table} and the tables of configured namespaces; this adds the entities' own.
 * Applies to auto-configured repositories and to {@code @EnableDynamoDownRepositories} alike.
 */
@AutoConfiguration(after = DynamoDownRepositoriesAutoConfiguration.class,
		afterName = "dev.dynamodown.autoconfigure.DynamoDownAutoConfiguration")
@ConditionalOnBean({ DynamoDown.class, DynamoDownMappingContext.class })
@Conditional(DynamoDownRepositoryTablesAutoConfiguration.TablesCreatedAtStartup.class)
public final class DynamoDownRepositoryTablesAutoConfiguration {

	@Bean
	RepositoryTablesInitializer dynamoDownRepositoryTablesInitializer(DynamoDown dynamoDown,
			DynamoDownMappingContext mappingContext) {
		return new RepositoryTablesInitializer(dynamoDown, mappingContext);
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
