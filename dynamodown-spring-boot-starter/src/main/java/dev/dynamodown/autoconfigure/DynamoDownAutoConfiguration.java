package dev.dynamodown.autoconfigure;

import java.util.List;

import dev.dynamodown.AsyncSortedKeyValueOperations;
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
 * {@code SortedKeyValueTemplate} bean per entry of {@code dynamodown.namespaces}; where an
 * asynchronous HTTP client is on the class path, their asynchronous counterparts too
 * ({@link DynamoDownAsyncConfiguration}). Each backs off when the application defines its own.
 * <p>
 * Nothing here talks to DynamoDB while the context starts unless tables are to be created
 * ({@code dynamodown.create-tables}, embedded mode) or verified
 * ({@code dynamodown.fail-fast}).
 */
@AutoConfiguration
@ConditionalOnClass({ DynamoDown.class, DynamoDbClient.class })
@EnableConfigurationProperties(DynamoDownProperties.class)
@Import({ DynamoDownEmbeddedConfiguration.class, DynamoDownNamespacesRegistrar.class,
		DynamoDownAsyncConfiguration.class })
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
		return DynamoDown.create(dynamoDbClient, options(properties, listeners, customizers));
	}

	/**
	 * The options of the context's stores, {@code DynamoDown} and {@code AsyncDynamoDown} alike: the
	 * {@code dynamodown.batch.*} properties, every {@link DynamoDownListener} bean, then the
	 * {@link DynamoDownOptionsCustomizer} beans in order.
	 */
	static DynamoDownOptions options(DynamoDownProperties properties, ObjectProvider<DynamoDownListener> listeners,
			ObjectProvider<DynamoDownOptionsCustomizer> customizers) {
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
		return options.build();
	}

	@Bean
	@ConditionalOnMissingBean
	DynamoDownTableInitializer dynamoDownTableInitializer(DynamoDown dynamoDown, DynamoDownProperties properties) {
		return new DynamoDownTableInitializer(dynamoDown, properties);
	}

	/** Tables are prepared before any template (the namespaces' or the application's) is created. */
	@Bean
	static DependsOnTableInitialization templatesDependOnDynamoDownTableInitializer() {
		return new DependsOnTableInitialization(DynamoDownTableInitializer.class, SortedKeyValueOperations.class,
				AsyncSortedKeyValueOperations.class);
	}

	/**
	 * The {@link DynamoDbClient} on the Apache 5 HTTP client, with timeouts on every call by
	 * default ({@code dynamodown.client.*}). Apart, so that only this bean needs
	 * {@code apache5-client} on the classpath.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(Apache5HttpClient.class)
	static class Apache5ClientConfiguration {

		@Bean
		@ConditionalOnMissingBean
		DynamoDbClient dynamoDbClient(DynamoDownProperties properties, DynamoDownConnectionDetails connectionDetails,
				ObjectProvider<DynamoDbClientBuilderCustomizer> customizers) {
			Apache5HttpClient.Builder httpClient = Apache5HttpClient.builder()
				.maxConnections(ClientSettings.maxConnections(properties));
			PropertyMapper.get().from(properties.getClient().getConnectionTimeout()).to(httpClient::connectionTimeout);
			DynamoDbClientBuilder builder = ClientSettings.apply(DynamoDbClient.builder(), properties, connectionDetails)
				.httpClientBuilder(httpClient);
			customizers.orderedStream().forEach((customizer) -> customizer.customize(builder));
			return builder.build();
		}

	}

}
