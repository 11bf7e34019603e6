package dev.dynamodown.autoconfigure;

import dev.dynamodown.AsyncDynamoDown;
import dev.dynamodown.DynamoDownListener;
import software.amazon.awssdk.http.async.SdkAsyncHttpClient;
import software.amazon.awssdk.http.crt.AwsCrtAsyncHttpClient;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClientBuilder;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.boot.context.properties.PropertyMapper;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * The asynchronous side, where an asynchronous HTTP client is on the class path
 * ({@code netty-nio-client}, else the AWS CRT's {@code aws-crt-client}): a
 * {@link DynamoDbAsyncClient} built from the same properties and connection details as the
 * blocking client, the {@link AsyncDynamoDown} with the same options, listeners and customizers
 * as the {@code DynamoDown}, and an {@code AsyncSortedKeyValueTemplate} bean named
 * {@code <name>Async} per namespace ({@link DynamoDownNamespacesRegistrar.Async}). Each bean backs
 * off where the application defines its own; without either HTTP client nothing asynchronous is
 * registered and the blocking side is the same.
 * <p>
 * The container closes the {@code AsyncDynamoDown} (which stops its operations in flight) before
 * the client it was created with, and closes the client only if it is this configuration's: an
 * {@code AsyncDynamoDown} never closes its client.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(DynamoDownAsyncConfiguration.OnAsyncHttpClient.class)
@Import(DynamoDownNamespacesRegistrar.Async.class)
class DynamoDownAsyncConfiguration {

	static final String NETTY_CLIENT = "software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient";

	static final String CRT_CLIENT = "software.amazon.awssdk.http.crt.AwsCrtAsyncHttpClient";

	@Bean
	@ConditionalOnMissingBean
	AsyncDynamoDown asyncDynamoDown(DynamoDbAsyncClient dynamoDbAsyncClient, DynamoDownProperties properties,
			ObjectProvider<DynamoDownListener> listeners, ObjectProvider<DynamoDownOptionsCustomizer> customizers) {
		return AsyncDynamoDown.create(dynamoDbAsyncClient,
				DynamoDownAutoConfiguration.options(properties, listeners, customizers));
	}

	private static DynamoDbAsyncClient client(SdkAsyncHttpClient.Builder<?> httpClient,
			DynamoDownProperties properties, DynamoDownConnectionDetails connectionDetails,
			ObjectProvider<DynamoDbAsyncClientBuilderCustomizer> customizers) {
		DynamoDbAsyncClientBuilder builder = ClientSettings
			.apply(DynamoDbAsyncClient.builder(), properties, connectionDetails)
			.httpClientBuilder(httpClient);
		customizers.orderedStream().forEach((customizer) -> customizer.customize(builder));
		return builder.build();
	}

	/** The client on Netty NIO, the AWS SDK's own default asynchronous HTTP client. */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = NETTY_CLIENT)
	static class NettyClientConfiguration {

		@Bean
		@ConditionalOnMissingBean
		DynamoDbAsyncClient dynamoDbAsyncClient(DynamoDownProperties properties,
				DynamoDownConnectionDetails connectionDetails,
				ObjectProvider<DynamoDbAsyncClientBuilderCustomizer> customizers) {
			NettyNioAsyncHttpClient.Builder httpClient = NettyNioAsyncHttpClient.builder()
				.maxConcurrency(ClientSettings.maxConnections(properties));
			PropertyMapper.get().from(properties.getClient().getConnectionTimeout()).to(httpClient::connectionTimeout);
			return client(httpClient, properties, connectionDetails, customizers);
		}

	}

	/** The client on the AWS CRT, where it is on the class path and Netty is not. */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = CRT_CLIENT)
	@ConditionalOnMissingClass(NETTY_CLIENT)
	static class CrtClientConfiguration {

		@Bean
		@ConditionalOnMissingBean
		DynamoDbAsyncClient dynamoDbAsyncClient(DynamoDownProperties properties,
				DynamoDownConnectionDetails connectionDetails,
				ObjectProvider<DynamoDbAsyncClientBuilderCustomizer> customizers) {
			AwsCrtAsyncHttpClient.Builder httpClient = AwsCrtAsyncHttpClient.builder()
				.maxConcurrency(ClientSettings.maxConnections(properties));
			PropertyMapper.get().from(properties.getClient().getConnectionTimeout()).to(httpClient::connectionTimeout);
			return client(httpClient, properties, connectionDetails, customizers);
		}

	}

	/** Netty NIO or the AWS CRT client is on the class path. */
	static final class OnAsyncHttpClient extends AnyNestedCondition {

		OnAsyncHttpClient() {
			super(ConfigurationPhase.PARSE_CONFIGURATION);
		}

		@ConditionalOnClass(name = NETTY_CLIENT)
		static final class Netty {

		}

		@ConditionalOnClass(name = CRT_CLIENT)
		static final class Crt {

		}

	}

}
