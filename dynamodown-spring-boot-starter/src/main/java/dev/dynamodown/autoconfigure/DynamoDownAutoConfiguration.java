package dev.dynamodown.autoconfigure;

import java.util.List;

import dev.dynamodown.DynamoDown;
import dev.dynamodown.DynamoDownListener;
import dev.dynamodown.DynamoDownOptions;
import dev.dynamodown.SortedKeyValueOperations;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.PropertyMapper;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * {@link EnableAutoConfiguration Auto-configuration} for dynamodown: a
 * {@link DynamoDbClient} on the Apache 5 HTTP client (only that bean needs
 * {@code apache5-client}; an application that brings its own client on any HTTP client gets
 * everything else), the {@link DynamoDown} store factory and one
 * {@code SortedKeyValueTemplate} bean per entry of {@code dynamodown.namespaces}. Each backs
 * off when the application defines its own.
 * <p>
 * Nothing here talks to DynamoDB while the context starts unless tables are to be created
 * ({@code dynamodown.create-tables}, embedded mode) or verified
 * ({@code dynamodown.fail-fast}).
 */
@AutoConfiguration
@ConditionalOnClass({ DynamoDown.class, DynamoDbClient.class })
@EnableConfigurationProperties(DynamoDownProperties.class)
@Import({ DynamoDownEmbeddedConfiguration.class, DynamoDownNamespacesRegistrar.class })
public final class DynamoDownAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(DynamoDownConnectionDetails.class)
	PropertiesDynamoDownConnectionDetails dynamoDownConnectionDetails(DynamoDownProperties properties) {
		return new PropertiesDynamoDownConnectionDetails(properties);
	}

	@Bean
	@ConditionalOnMissingBean
	DynamoDown dynamoDown(DynamoDbClient dynamoDbClient, DynamoDownProperties properties,
			ObjectProvider<DynamoDownListener> listeners, ObjectProvider<DynamoDownOptionsCustomizer> customizers) {
		DynamoDownOptions.Builder options = DynamoDownOptions.builder();
		DynamoDownProperties.Batch batch = properties.getBatch();
		PropertyMapper map = PropertyMapper.get();
		map.from(batch.getConcurrency()).to(options::batchConcurrency);
		map.from(batch.getMaxAttempts()).to(options::maxBatchAttempts);
		map.from(batch.getBaseDelay()).to(options::retryBaseDelay);
		map.from(batch.getMaxDelay()).to(options::retryMaxDelay);
		options.expiryAttribute(properties.getExpiryAttribute());
		List<DynamoDownListener> all = listeners.orderedStream().toList();
		if (!all.isEmpty()) {
			options.listener((all.size() == 1) ? all.get(0) : new CompositeDynamoDownListener(all));
		}
		customizers.orderedStream().forEach((customizer) -> customizer.customize(options));
		return DynamoDown.create(dynamoDbClient, options.build());
	}

	@Bean
	@ConditionalOnMissingBean
	DynamoDownTableInitializer dynamoDownTableInitializer(DynamoDown dynamoDown, DynamoDownProperties properties) {
		return new DynamoDownTableInitializer(dynamoDown, properties);
	}

	/** Tables are prepared before any template (the namespaces' or the application's) is created. */
	@Bean
	static DependsOnTableInitialization templatesDependOnDynamoDownTableInitializer() {
		return new DependsOnTableInitialization(DynamoDownTableInitializer.class, SortedKeyValueOperations.class);
	}

	/**
	 * The {@link DynamoDbClient} on the Apache 5 HTTP client, with timeouts on every call by
	 * default ({@code dynamodown.client.*}). Apart, so that only this bean needs
	 * {@code apache5-client} on the classpath.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(Apache5HttpClient.class)
	static class Apache5ClientConfiguration {

		/** Pooled connections per concurrent batch request, when max-connections is not set. */
		private static final int CONNECTIONS_PER_BATCH_REQUEST = 4;

		/** The AWS SDK's own default pool size, kept as the lower bound. */
		private static final int MIN_CONNECTIONS = 50;

		@Bean
		@ConditionalOnMissingBean
		DynamoDbClient dynamoDbClient(DynamoDownProperties properties, DynamoDownConnectionDetails connectionDetails,
				ObjectProvider<DynamoDbClientBuilderCustomizer> customizers) {
			DynamoDbClientBuilder builder = DynamoDbClient.builder().httpClientBuilder(httpClient(properties));
			PropertyMapper map = PropertyMapper.get();
			map.from(connectionDetails.getEndpoint()).to(builder::endpointOverride);
			map.from(connectionDetails.getRegion()).to(builder::region);
			map.from(connectionDetails.getCredentialsProvider()).to(builder::credentialsProvider);
			DynamoDownProperties.Client client = properties.getClient();
			builder.overrideConfiguration((override) -> override.apiCallTimeout(client.getApiCallTimeout())
				.apiCallAttemptTimeout(client.getApiCallAttemptTimeout()));
			customizers.orderedStream().forEach((customizer) -> customizer.customize(builder));
			return builder.build();
		}

		private static Apache5HttpClient.Builder httpClient(DynamoDownProperties properties) {
			DynamoDownProperties.Client client = properties.getClient();
			Integer batchConcurrency = properties.getBatch().getConcurrency();
			int maxConnections = (client.getMaxConnections() != null) ? client.getMaxConnections()
					: Math.max(MIN_CONNECTIONS,
							(batchConcurrency != null) ? batchConcurrency * CONNECTIONS_PER_BATCH_REQUEST : 0);
			Apache5HttpClient.Builder builder = Apache5HttpClient.builder().maxConnections(maxConnections);
			PropertyMapper.get().from(client.getConnectionTimeout()).to(builder::connectionTimeout);
			return builder;
		}

	}

}
