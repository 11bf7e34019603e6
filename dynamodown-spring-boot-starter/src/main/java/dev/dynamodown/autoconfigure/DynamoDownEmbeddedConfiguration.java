package dev.dynamodown.autoconfigure;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Embedded mode ({@code dynamodown.embedded.enabled=true}): dynalite is started before the
 * client is built, because its {@link DynamoDownConnectionDetails} are what the client is
 * built from. Imported ahead of the property-based connection details, which then back
 * off. Without {@code dynamodown-dynalite} on the classpath the startup fails and says
 * which dependency to add.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(DynamoDownProperties.PREFIX + ".embedded.enabled")
class DynamoDownEmbeddedConfiguration {

	static final String DYNALITE_SERVER = "dev.dynamodown.dynalite.DynaliteServer";

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = DYNALITE_SERVER)
	static class Dynalite {

		@Bean
		@ConditionalOnMissingBean(DynamoDownConnectionDetails.class)
		EmbeddedDynalite embeddedDynalite(DynamoDownProperties properties) {
			return EmbeddedDynalite.start(properties.getEmbedded());
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnMissingClass(DYNALITE_SERVER)
	static class NoDynalite {

		@Bean
		@ConditionalOnMissingBean(DynamoDownConnectionDetails.class)
		DynamoDownConnectionDetails embeddedDynalite() {
			throw new EmbeddedDynaliteMissingException();
		}

	}

}
