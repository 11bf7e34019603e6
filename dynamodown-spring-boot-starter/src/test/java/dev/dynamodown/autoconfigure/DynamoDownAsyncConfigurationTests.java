package dev.dynamodown.autoconfigure;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.dynamodown.AsyncDynamoDown;
import dev.dynamodown.AsyncSortedKeyValueOperations;
import dev.dynamodown.AsyncSortedKeyValueTemplate;
import dev.dynamodown.DynamoDown;
import dev.dynamodown.DynamoDownOptions;
import dev.dynamodown.Meetup;
import dev.dynamodown.SortedKeyValueTemplate;
import dev.dynamodown.ValueCodec;
import dev.dynamodown.autoconfigure.health.DynamoDownHealthContributorAutoConfiguration;
import dev.dynamodown.health.DynamoDownHealthIndicator;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.crt.AwsCrtAsyncHttpClient;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.support.BeanDefinitionOverrideException;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.ResolvableType;
import org.springframework.core.annotation.Order;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link DynamoDownAsyncConfiguration}: the asynchronous beans, which HTTP client they are
 * built on, and how they back off. Nothing here needs an answer from DynamoDB, so the endpoint is a
 * port nobody listens on.
 */
class DynamoDownAsyncConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DynamoDownAutoConfiguration.class))
		.withPropertyValues("dynamodown.endpoint=http://127.0.0.1:1", "dynamodown.region=eu-west-3",
				"dynamodown.table=app-data");

	@Nested
	class Client {

		@Test
		void isBuiltFromTheSamePropertiesAsTheBlockingClient() {
			contextRunner
				.withPropertyValues("dynamodown.credentials.access-key=AKIDEXAMPLE",
						"dynamodown.credentials.secret-key=shhh", "dynamodown.client.api-call-timeout=7s",
						"dynamodown.client.api-call-attempt-timeout=3s")
				.run((context) -> {
					assertThat(context).hasSingleBean(DynamoDbAsyncClient.class).hasSingleBean(AsyncDynamoDown.class);
					DynamoDbAsyncClient client = context.getBean(DynamoDbAsyncClient.class);
					assertThat(client.serviceClientConfiguration().endpointOverride())
						.contains(URI.create("http://127.0.0.1:1"));
					assertThat(client.serviceClientConfiguration().region()).isEqualTo(Region.EU_WEST_3);
					AwsCredentialsIdentity credentials = client.serviceClientConfiguration()
						.credentialsProvider()
						.resolveIdentity()
						.join();
					assertThat(credentials.accessKeyId()).isEqualTo("AKIDEXAMPLE");
					assertThat(credentials.secretAccessKey()).isEqualTo("shhh");
					ClientOverrideConfiguration override = client.serviceClientConfiguration().overrideConfiguration();
					assertThat(override.apiCallTimeout()).contains(Duration.ofSeconds(7));
					assertThat(override.apiCallAttemptTimeout()).contains(Duration.ofSeconds(3));
					assertThat(context.getBean(AsyncDynamoDown.class).client()).isSameAs(client);
				});
		}

		@Test
		void boundsEveryCallAndEveryAttemptByDefault() {
			contextRunner.run((context) -> {
				ClientOverrideConfiguration override = context.getBean(DynamoDbAsyncClient.class)
					.serviceClientConfiguration()
					.overrideConfiguration();
				assertThat(override.apiCallTimeout()).contains(Duration.ofSeconds(30));
				assertThat(override.apiCallAttemptTimeout()).contains(Duration.ofSeconds(10));
			});
		}

		@Test
		void usesTheApplicationsConnectionDetails() {
			contextRunner
				.withUserConfiguration(DynamoDownAutoConfigurationTests.UserConnectionDetailsConfiguration.class).run((context) -> {
				DynamoDbAsyncClient client = context.getBean(DynamoDbAsyncClient.class);
				assertThat(client.serviceClientConfiguration().endpointOverride())
					.contains(URI.create("http://127.0.0.1:2"));
				assertThat(client.serviceClientConfiguration().region()).isEqualTo(Region.AP_SOUTH_1);
			});
		}

		@Test
		void isOnNettyByDefault() {
			contextRunner.withUserConfiguration(HttpClientNameConfiguration.class)
				.withPropertyValues(HttpClientNameConfiguration.CREDENTIALS)
				.run((context) -> assertThat(HttpClientNameConfiguration.httpClientOf(context.getBean(DynamoDbAsyncClient.class)))
					.isEqualTo("NettyNio"));
		}

		@Test
		void isOnTheCrtClientWithoutNetty() {
			contextRunner.withClassLoader(new FilteredClassLoader(NettyNioAsyncHttpClient.class))
				.withUserConfiguration(HttpClientNameConfiguration.class)
				.withPropertyValues(HttpClientNameConfiguration.CREDENTIALS)
				.run((context) -> assertThat(HttpClientNameConfiguration.httpClientOf(context.getBean(DynamoDbAsyncClient.class)))
					.isEqualTo("AwsCommonRuntime"));
		}

		@Test
		void appliesCustomizersInOrder() {
			contextRunner.withUserConfiguration(CustomizersConfiguration.class).run((context) -> {
				assertThat(context.getBean("customized", List.class)).containsExactly("first", "second");
				assertThat(context.getBean(DynamoDbAsyncClient.class)
					.serviceClientConfiguration()
					.overrideConfiguration()
					.apiCallTimeout()).contains(Duration.ofSeconds(2));
				assertThat(context.getBean(DynamoDbClient.class)
					.serviceClientConfiguration()
					.overrideConfiguration()
					.apiCallTimeout()).as("the blocking client's").contains(Duration.ofSeconds(30));
			});
		}

		@Test
		void backsOffForTheApplicationsClient() {
			contextRunner.withUserConfiguration(UserAsyncClientConfiguration.class).run((context) -> {
				assertThat(context).hasSingleBean(DynamoDbAsyncClient.class);
				assertThat(context.getBean(AsyncDynamoDown.class).client())
					.isSameAs(context.getBean("userAsyncClient"));
			});
		}

		@Test
		void theAsyncDynamoDownDependsOnTheClientSoItIsClosedFirst() {
			contextRunner.run((context) -> {
				context.getBean(AsyncDynamoDown.class);
				assertThat(context.getBeanFactory().getDependenciesForBean("asyncDynamoDown"))
					.contains("dynamoDbAsyncClient");
			});
		}

	}

	@Nested
	class Store {

		@Test
		void hasTheOptionsOfTheBlockingStore() {
			contextRunner.withPropertyValues("dynamodown.batch.concurrency=3", "dynamodown.batch.max-attempts=4",
					"dynamodown.batch.base-delay=40ms")
				.withUserConfiguration(OptionsCustomizerConfiguration.class)
				.run((context) -> {
					DynamoDownOptions options = context.getBean(AsyncDynamoDown.class).options();
					assertThat(options.batchConcurrency()).isEqualTo(3);
					assertThat(options.retryBaseDelay()).isEqualTo(Duration.ofMillis(40));
					assertThat(options.maxBatchAttempts()).isEqualTo(7);
					assertThat(options).hasToString(context.getBean(DynamoDown.class).options().toString());
				});
		}

		@Test
		void backsOffForTheApplicationsAsyncDynamoDown() {
			contextRunner.withPropertyValues("dynamodown.namespaces.meetups.value-type=dev.dynamodown.Meetup")
				.withUserConfiguration(UserAsyncDynamoDownConfiguration.class)
				.run((context) -> {
					assertThat(context).getBean(AsyncDynamoDown.class).isSameAs(context.getBean("userAsyncDynamoDown"));
					context.getBean("meetupsAsync");
					assertThat(context.getBeanFactory().getDependenciesForBean("meetupsAsync"))
						.contains("userAsyncDynamoDown");
				});
		}

	}

	@Nested
	class Namespaces {

		@Test
		void eachNamespaceIsAlsoAnAsyncTemplateWithItsGenericType() {
			contextRunner
				.withPropertyValues("dynamodown.namespaces.meetups.value-type=dev.dynamodown.Meetup",
						"dynamodown.namespaces.meetups.namespace=nyc-js-meetups",
						"dynamodown.namespaces.notes.table=notes-table",
						"dynamodown.namespaces.blobs.value-type=byte[]")
				.withUserConfiguration(InjectionConfiguration.class)
				.run((context) -> {
					assertThat(context.getBeanNamesForType(
							ResolvableType.forClassWithGenerics(AsyncSortedKeyValueTemplate.class, Meetup.class)))
						.containsExactly("meetupsAsync");
					assertThat(context.getBeanNamesForType(
							ResolvableType.forClassWithGenerics(AsyncSortedKeyValueTemplate.class, String.class)))
						.containsExactly("notesAsync");
					assertThat(context.getBeanNamesForType(
							ResolvableType.forClassWithGenerics(AsyncSortedKeyValueTemplate.class, byte[].class)))
						.containsExactly("blobsAsync");
					assertThat(context.getBeanNamesForType(SortedKeyValueTemplate.class))
						.containsExactlyInAnyOrder("meetups", "notes", "blobs");
					Injected injected = context.getBean(Injected.class);
					assertThat(injected.meetupsAsync.table()).isEqualTo("app-data");
					assertThat(injected.meetupsAsync.namespace()).isEqualTo("nyc-js-meetups");
					assertThat(injected.notesAsync.table()).isEqualTo("notes-table");
					assertThat(injected.notesAsync.namespace()).isEqualTo("notes");
					assertThat(injected.byQualifier).isSameAs(injected.meetupsAsync);
					assertThat(injected.asOperations).isSameAs(injected.meetupsAsync);
				});
		}

		@Test
		void areDefinedByAFactoryMethodThatDependsOnAsyncDynamoDownAndTheTables() {
			contextRunner.withPropertyValues("dynamodown.namespaces.meetups.value-type=dev.dynamodown.Meetup")
				.run((context) -> {
					BeanDefinition definition = context.getBeanFactory().getBeanDefinition("meetupsAsync");
					assertThat(definition.getFactoryMethodName()).isEqualTo("asyncTemplate");
					assertThat(((RootBeanDefinition) definition).getInstanceSupplier()).isNull();
					assertThat(definition.getResolvableType()).hasToString(
							ResolvableType.forClassWithGenerics(AsyncSortedKeyValueTemplate.class, Meetup.class)
								.toString());
					assertThat(definition.getResourceDescription()).contains("dynamodown.namespaces.meetups");
					context.getBean("meetupsAsync");
					assertThat(context.getBeanFactory().getDependenciesForBean("meetupsAsync"))
						.contains("asyncDynamoDown");
					assertThat(definition.getDependsOn()).contains("dynamoDownTableInitializer");
				});
		}

		@Test
		void theApplicationsAsyncTemplatesAlsoWaitForTheTables() {
			contextRunner.withUserConfiguration(UserAsyncTemplateConfiguration.class)
				.run((context) -> assertThat(context.getBeanFactory().getBeanDefinition("mine").getDependsOn())
					.contains("dynamoDownTableInitializer"));
		}

		@Test
		void aBeanNamedLikeAnAsyncTemplateIsAStartupErrorNamingBoth() {
			contextRunner.withPropertyValues("dynamodown.namespaces.meetups.value-type=dev.dynamodown.Meetup")
				.withUserConfiguration(UserMeetupsAsyncConfiguration.class)
				.run((context) -> assertThat(context).getFailure()
					.isInstanceOf(BeanDefinitionOverrideException.class)
					.hasMessageContaining("'meetupsAsync'")
					.hasMessageContaining("property 'dynamodown.namespaces.meetups'")
					.hasMessageContaining(UserMeetupsAsyncConfiguration.class.getName()));
		}

	}

	@Nested
	class WithoutAnAsyncHttpClient {

		@Test
		void nothingAsyncIsRegisteredAndTheBlockingSideIsTheSame() {
			contextRunner
				.withClassLoader(new FilteredClassLoader(NettyNioAsyncHttpClient.class, AwsCrtAsyncHttpClient.class))
				.withConfiguration(AutoConfigurations.of(DynamoDownHealthContributorAutoConfiguration.class))
				.withPropertyValues("dynamodown.namespaces.meetups.value-type=dev.dynamodown.Meetup")
				.run((context) -> {
					assertThat(context).hasNotFailed()
						.doesNotHaveBean(DynamoDbAsyncClient.class)
						.doesNotHaveBean(AsyncDynamoDown.class)
						.doesNotHaveBean(AsyncSortedKeyValueOperations.class)
						.doesNotHaveBean("meetupsAsync")
						.hasSingleBean(DynamoDbClient.class)
						.hasSingleBean(DynamoDown.class)
						.hasSingleBean(DynamoDownHealthIndicator.class)
						.hasBean("meetups");
				});
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class HttpClientNameConfiguration {

		private static final String USER_AGENT_HTTP_CLIENT = " md/http#";

		/** A request is signed before it is sent. */
		static final String[] CREDENTIALS = { "dynamodown.credentials.access-key=AKIDEXAMPLE",
				"dynamodown.credentials.secret-key=shhh" };

		/** Every User-Agent header the client sent (or tried to). */
		static final List<String> userAgents = new CopyOnWriteArrayList<>();

		@Bean
		DynamoDbAsyncClientBuilderCustomizer recordUserAgent() {
			return (builder) -> builder.overrideConfiguration((override) -> override
				.addExecutionInterceptor(new ExecutionInterceptor() {

					@Override
					public void beforeTransmission(Context.BeforeTransmission context,
							ExecutionAttributes executionAttributes) {
						context.httpRequest().firstMatchingHeader("User-Agent").ifPresent(userAgents::add);
					}

				})
				.apiCallTimeout(Duration.ofSeconds(2))
				.retryStrategy((retry) -> retry.maxAttempts(1)));
		}

		/** The HTTP client's name, as the AWS SDK announces it in the User-Agent of a request. */
		static String httpClientOf(DynamoDbAsyncClient client) {
			userAgents.clear();
			// The endpoint refuses the connection: what matters is the request the client prepared.
			client.listTables().handle((answer, failure) -> null).join();
			assertThat(userAgents).isNotEmpty();
			String userAgent = userAgents.get(0);
			assertThat(userAgent).contains(USER_AGENT_HTTP_CLIENT);
			String rest = userAgent.substring(userAgent.indexOf(USER_AGENT_HTTP_CLIENT) + USER_AGENT_HTTP_CLIENT.length());
			return rest.split(" ")[0];
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class CustomizersConfiguration {

		private final List<String> customized = new ArrayList<>();

		@Bean
		List<String> customized() {
			return this.customized;
		}

		@Bean
		@Order(2)
		DynamoDbAsyncClientBuilderCustomizer second() {
			return (builder) -> {
				this.customized.add("second");
				builder.overrideConfiguration((override) -> override.apiCallTimeout(Duration.ofSeconds(2)));
			};
		}

		@Bean
		@Order(1)
		DynamoDbAsyncClientBuilderCustomizer first() {
			return (builder) -> {
				this.customized.add("first");
				builder.overrideConfiguration((override) -> override.apiCallTimeout(Duration.ofSeconds(1)));
			};
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class OptionsCustomizerConfiguration {

		@Bean
		DynamoDownOptionsCustomizer maxAttempts() {
			return (options) -> options.maxBatchAttempts(7);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserAsyncClientConfiguration {

		@Bean
		DynamoDbAsyncClient userAsyncClient() {
			return DynamoDbAsyncClient.builder()
				.httpClientBuilder(NettyNioAsyncHttpClient.builder())
				.region(Region.US_WEST_2)
				.endpointOverride(URI.create("http://127.0.0.1:3"))
				.build();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserAsyncDynamoDownConfiguration {

		@Bean
		AsyncDynamoDown userAsyncDynamoDown(DynamoDbAsyncClient client) {
			return AsyncDynamoDown.create(client);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserAsyncTemplateConfiguration {

		@Bean
		AsyncSortedKeyValueTemplate<Meetup> mine(AsyncDynamoDown asyncDynamoDown) {
			return asyncDynamoDown.template("app-data", "mine", ValueCodec.json(Meetup.class));
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserMeetupsAsyncConfiguration {

		@Bean
		AsyncSortedKeyValueTemplate<Meetup> meetupsAsync(AsyncDynamoDown asyncDynamoDown) {
			return asyncDynamoDown.template("app-data", "mine", ValueCodec.json(Meetup.class));
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class InjectionConfiguration {

		@Bean
		Injected injected() {
			return new Injected();
		}

	}

	static class Injected {

		@Autowired
		AsyncSortedKeyValueTemplate<Meetup> meetupsAsync;

		@Autowired
		AsyncSortedKeyValueTemplate<String> notesAsync;

		@Autowired
		@Qualifier("meetupsAsync")
		AsyncSortedKeyValueTemplate<?> byQualifier;

		@Autowired
		AsyncSortedKeyValueOperations<Meetup> asOperations;

	}

}
