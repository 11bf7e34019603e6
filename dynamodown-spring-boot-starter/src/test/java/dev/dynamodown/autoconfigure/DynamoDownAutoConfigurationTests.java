package dev.dynamodown.autoconfigure;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.dynamodown.AsyncSortedKeyValueTemplate;
import dev.dynamodown.DynamoDown;
import dev.dynamodown.DynamoDownOptions;
import dev.dynamodown.Meetup;
import dev.dynamodown.SortedKeyValueOperations;
import dev.dynamodown.SortedKeyValueTemplate;
import dev.dynamodown.autoconfigure.health.DynamoDownHealthContributorAutoConfiguration;
import dev.dynamodown.dynalite.DynaliteServer;
import dev.dynamodown.health.DynamoDownHealthIndicator;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.support.BeanDefinitionOverrideException;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.core.ResolvableType;
import org.springframework.core.annotation.Order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link DynamoDownAutoConfiguration}: conditions and back-off. Nothing here sends
 * a request (no table is created or verified), so the endpoint is a port nobody listens on.
 */
class DynamoDownAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DynamoDownAutoConfiguration.class))
		.withPropertyValues("dynamodown.endpoint=http://127.0.0.1:1", "dynamodown.region=eu-west-3");

	@Nested
	class Client {

		@Test
		void isBuiltFromTheProperties() {
			contextRunner
				.withPropertyValues("dynamodown.credentials.access-key=AKIDEXAMPLE",
						"dynamodown.credentials.secret-key=shhh", "dynamodown.client.api-call-timeout=7s",
						"dynamodown.client.api-call-attempt-timeout=3s")
				.run((context) -> {
					assertThat(context).hasSingleBean(PropertiesDynamoDownConnectionDetails.class)
						.hasSingleBean(DynamoDown.class)
						.hasSingleBean(DynamoDbClient.class);
					DynamoDbClient client = context.getBean(DynamoDbClient.class);
					assertThat(client.serviceClientConfiguration().endpointOverride())
						.contains(URI.create("http://127.0.0.1:1"));
					assertThat(client.serviceClientConfiguration().region()).isEqualTo(Region.EU_WEST_3);
					AwsCredentialsIdentity credentials = client.serviceClientConfiguration()
						.credentialsProvider()
						.resolveIdentity()
						.join();
					assertThat(credentials.accessKeyId()).isEqualTo("AKIDEXAMPLE");
					assertThat(credentials.secretAccessKey()).isEqualTo("shhh");
					assertThat(client.serviceClientConfiguration().overrideConfiguration().apiCallTimeout())
						.contains(Duration.ofSeconds(7));
					assertThat(client.serviceClientConfiguration().overrideConfiguration().apiCallAttemptTimeout())
						.contains(Duration.ofSeconds(3));
					assertThat(context.getBean(DynamoDown.class).client()).isSameAs(client);
				});
		}

		@Test
		void boundsEveryCallAndEveryAttemptByDefault() {
			contextRunner.run((context) -> {
				ClientOverrideConfiguration override = context.getBean(DynamoDbClient.class)
					.serviceClientConfiguration()
					.overrideConfiguration();
				assertThat(override.apiCallTimeout()).contains(Duration.ofSeconds(30));
				assertThat(override.apiCallAttemptTimeout()).contains(Duration.ofSeconds(10));
			});
		}

		@Test
		void onlyTheClientNeedsTheApache5HttpClient() {
			contextRunner.withClassLoader(new FilteredClassLoader(Apache5HttpClient.class))
				.withConfiguration(AutoConfigurations.of(DynamoDownHealthContributorAutoConfiguration.class))
				.withPropertyValues("dynamodown.table=app-data",
						"dynamodown.namespaces.meetups.value-type=dev.dynamodown.Meetup")
				.withUserConfiguration(UrlConnectionClientConfiguration.class)
				.run((context) -> {
					assertThat(context).hasNotFailed()
						.hasSingleBean(DynamoDown.class)
						.hasSingleBean(DynamoDownHealthIndicator.class)
						.hasBean("meetups");
					assertThat(context.getBean(DynamoDown.class).client()).isSameAs(context.getBean("userClient"));
				});
		}

		@Test
		void withoutApache5AndWithoutAClientOfItsOwnTheApplicationIsToldWhatIsMissing() {
			contextRunner.withClassLoader(new FilteredClassLoader(Apache5HttpClient.class))
				.run((context) -> assertThat(context).getFailure()
					.hasMessageContaining(DynamoDbClient.class.getName()));
		}

		@Test
		void isClosedWithTheContext() {
			DynamoDbClient[] client = new DynamoDbClient[1];
			contextRunner
				.withPropertyValues("dynamodown.credentials.access-key=AKIDEXAMPLE",
						"dynamodown.credentials.secret-key=shhh")
				.run((context) -> client[0] = context.getBean(DynamoDbClient.class));
			// A closed client refuses calls: its timeout scheduler (or, without timeouts, its pool) is shut down.
			assertThatExceptionOfType(RuntimeException.class).isThrownBy(() -> client[0].listTables())
				.withMessageContaining("Terminated");
		}

		@Test
		void refusesHalfOfTheCredentials() {
			contextRunner.withPropertyValues("dynamodown.credentials.access-key=AKIDEXAMPLE")
				.run((context) -> assertThat(context).getFailure()
					.rootCause()
					.hasMessageContaining("'dynamodown.credentials.access-key' and 'dynamodown.credentials.secret-key'"));
		}

		@Test
		void appliesCustomizersInOrder() {
			contextRunner.withUserConfiguration(CustomizersConfiguration.class).run((context) -> {
				assertThat(context.getBean("customized", List.class)).containsExactly("first", "second");
				assertThat(context.getBean(DynamoDbClient.class)
					.serviceClientConfiguration()
					.overrideConfiguration()
					.apiCallTimeout()).contains(Duration.ofSeconds(2));
			});
		}

		@Test
		void backsOffForTheApplicationsClient() {
			contextRunner.withUserConfiguration(UserClientConfiguration.class).run((context) -> {
				assertThat(context).hasSingleBean(DynamoDbClient.class);
				assertThat(context.getBean(DynamoDbClient.class)).isSameAs(context.getBean("userClient"));
				assertThat(context.getBean(DynamoDown.class).client()).isSameAs(context.getBean("userClient"));
			});
		}

		@Test
		void usesTheApplicationsConnectionDetails() {
			contextRunner.withUserConfiguration(UserConnectionDetailsConfiguration.class).run((context) -> {
				assertThat(context).doesNotHaveBean(PropertiesDynamoDownConnectionDetails.class);
				assertThat(context.getBean(DynamoDbClient.class).serviceClientConfiguration().endpointOverride())
					.contains(URI.create("http://127.0.0.1:2"));
				assertThat(context.getBean(DynamoDbClient.class).serviceClientConfiguration().region())
					.isEqualTo(Region.AP_SOUTH_1);
			});
		}

	}

	@Nested
	class Store {

		@Test
		void appliesOptionsCustomizersInOrderAfterTheProperties() {
			contextRunner.withPropertyValues("dynamodown.batch.concurrency=3", "dynamodown.batch.max-attempts=4")
				.withUserConfiguration(OptionsCustomizersConfiguration.class)
				.run((context) -> {
					DynamoDownOptions options = context.getBean(DynamoDown.class).options();
					assertThat(options.batchConcurrency()).isEqualTo(3);
					assertThat(options.maxBatchAttempts()).isEqualTo(7);
				});
		}

		@Test
		void keepsExpiryTimesInTheConfiguredAttribute() {
			contextRunner.run((context) -> assertThat(context.getBean(DynamoDown.class).options().expiryAttribute())
				.isEqualTo("expires"));
			contextRunner.withPropertyValues("dynamodown.expiry-attribute=ttl")
				.run((context) -> assertThat(context.getBean(DynamoDown.class).options().expiryAttribute())
					.isEqualTo("ttl"));
		}

		@Test
		void backsOffForTheApplicationsDynamoDown() {
			contextRunner.withUserConfiguration(UserDynamoDownConfiguration.class)
				.run((context) -> assertThat(context).getBean(DynamoDown.class)
					.isSameAs(context.getBean("userDynamoDown")));
		}

	}

	@Nested
	class Namespaces {

		@Test
		void noNamespacesMeansNoTemplates() {
			contextRunner.withPropertyValues("dynamodown.table=app-data")
				.run((context) -> assertThat(context).doesNotHaveBean(SortedKeyValueTemplate.class));
		}

		@Test
		void eachNamespaceIsATemplateWithItsGenericType() {
			contextRunner
				.withPropertyValues("dynamodown.table=app-data",
						"dynamodown.namespaces.meetups.value-type=dev.dynamodown.Meetup",
						"dynamodown.namespaces.meetups.namespace=nyc-js-meetups",
						"dynamodown.namespaces.notes.table=notes-table",
						"dynamodown.namespaces.blobs.value-type=byte[]")
				.withUserConfiguration(InjectionConfiguration.class)
				.run((context) -> {
					assertThat(context.getBeanNamesForType(
							ResolvableType.forClassWithGenerics(SortedKeyValueTemplate.class, Meetup.class)))
						.containsExactly("meetups");
					assertThat(context.getBeanNamesForType(
							ResolvableType.forClassWithGenerics(SortedKeyValueTemplate.class, String.class)))
						.containsExactly("notes");
					assertThat(context.getBeanNamesForType(
							ResolvableType.forClassWithGenerics(SortedKeyValueTemplate.class, byte[].class)))
						.containsExactly("blobs");
					Injected injected = context.getBean(Injected.class);
					assertThat(injected.meetups.table()).isEqualTo("app-data");
					assertThat(injected.meetups.namespace()).isEqualTo("nyc-js-meetups");
					assertThat(injected.notes.table()).isEqualTo("notes-table");
					assertThat(injected.notes.namespace()).isEqualTo("notes");
					assertThat(injected.byQualifier).isSameAs(injected.meetups);
					assertThat(injected.asOperations).isSameAs(injected.meetups);
				});
		}

		@Test
		void eachNamespaceChoosesItsReadConsistencyOrKeepsTheDynamoDowns() {
			contextRunner
				.withPropertyValues("dynamodown.table=app-data", "dynamodown.namespaces.cheap.consistent-reads=false",
						"dynamodown.namespaces.strong.consistent-reads=true", "dynamodown.namespaces.plain.table=app-data")
				.run((context) -> {
					assertThat(context.getBean("cheap", SortedKeyValueTemplate.class).consistentReads()).isFalse();
					assertThat(context.getBean("strong", SortedKeyValueTemplate.class).consistentReads()).isTrue();
					assertThat(context.getBean("plain", SortedKeyValueTemplate.class).consistentReads()).isTrue();
					assertThat(context.getBean("cheapAsync", AsyncSortedKeyValueTemplate.class).consistentReads())
						.as("the asynchronous bean of the same namespace").isFalse();
					assertThat(context.getBean("strongAsync", AsyncSortedKeyValueTemplate.class).consistentReads()).isTrue();
				});
			contextRunner
				.withPropertyValues("dynamodown.table=app-data", "dynamodown.namespaces.strong.consistent-reads=true",
						"dynamodown.namespaces.plain.table=app-data")
				.withBean(DynamoDownOptionsCustomizer.class, () -> (options) -> options.consistentReads(false))
				.run((context) -> {
					assertThat(context.getBean("strong", SortedKeyValueTemplate.class).consistentReads()).isTrue();
					assertThat(context.getBean("plain", SortedKeyValueTemplate.class).consistentReads())
						.as("unset: the DynamoDown's, as customized").isFalse();
					assertThat(context.getBean("plainAsync", AsyncSortedKeyValueTemplate.class).consistentReads())
						.as("unset: the AsyncDynamoDown's, customized alike").isFalse();
				});
		}

		@Test
		void shardsOutOfRangeAreAStartupErrorNamingTheProperty() {
			for (String shards : new String[] { "0", "65" }) {
				contextRunner.withPropertyValues("dynamodown.table=app-data", "dynamodown.namespaces.events.shards=" + shards)
					.run((context) -> assertThat(NestedExceptionUtils.getMostSpecificCause(context.getStartupFailure()))
						.hasMessage("'dynamodown.namespaces.events.shards' must be between 1 and 64, was " + shards));
			}
		}

		@Test
		void needsATable() {
			contextRunner.withPropertyValues("dynamodown.namespaces.meetups.value-type=dev.dynamodown.Meetup")
				.run((context) -> assertThat(NestedExceptionUtils.getMostSpecificCause(context.getStartupFailure()))
					.hasMessageContaining("No table for namespace 'meetups'")
					.hasMessageContaining("dynamodown.table"));
		}

		@Test
		void aBeanOfTheSameNameIsAStartupErrorNamingBoth() {
			contextRunner
				.withPropertyValues("dynamodown.table=app-data",
						"dynamodown.namespaces.meetups.value-type=dev.dynamodown.Meetup")
				.withUserConfiguration(UserTemplateConfiguration.class)
				.run((context) -> assertThat(context).getFailure()
					.isInstanceOf(BeanDefinitionOverrideException.class)
					.hasMessageContaining("'meetups'")
					.hasMessageContaining("property 'dynamodown.namespaces.meetups'")
					.hasMessageContaining(UserTemplateConfiguration.class.getName()));
		}

		@Test
		void areDefinedByAFactoryMethodThatDependsOnDynamoDown() {
			contextRunner
				.withPropertyValues("dynamodown.table=app-data",
						"dynamodown.namespaces.meetups.value-type=dev.dynamodown.Meetup")
				.run((context) -> {
					BeanDefinition definition = context.getBeanFactory().getBeanDefinition("meetups");
					assertThat(definition.getFactoryMethodName()).isEqualTo("template");
					assertThat(((RootBeanDefinition) definition).getInstanceSupplier()).isNull();
					assertThat(definition.getResolvableType())
						.hasToString(ResolvableType.forClassWithGenerics(SortedKeyValueTemplate.class, Meetup.class)
							.toString());
					context.getBean("meetups");
					assertThat(context.getBeanFactory().getDependenciesForBean("meetups")).contains("dynamoDown");
					assertThat(definition.getDependsOn()).contains("dynamoDownTableInitializer");
				});
		}

		@Test
		void theApplicationsTemplatesAlsoWaitForTheTables() {
			contextRunner.withPropertyValues("dynamodown.table=app-data")
				.withUserConfiguration(UserTemplateConfiguration.class)
				.run((context) -> assertThat(context.getBeanFactory().getBeanDefinition("meetups").getDependsOn())
					.contains("dynamoDownTableInitializer"));
		}

	}

	@Nested
	class Embedded {

		@Test
		void failsWithTheDependencyToAddWhenDynaliteIsMissing() {
			contextRunner.withPropertyValues("dynamodown.embedded.enabled=true")
				.withClassLoader(new FilteredClassLoader(DynaliteServer.class))
				.run((context) -> {
					assertThat(context).getFailure()
						.rootCause()
						.isInstanceOf(EmbeddedDynaliteMissingException.class)
						.hasMessageContaining("dev.dynamodown:dynamodown-dynalite");
					FailureAnalysis analysis = new EmbeddedDynaliteMissingFailureAnalyzer()
						.analyze(context.getStartupFailure());
					assertThat(analysis).isNotNull();
					assertThat(analysis.getAction()).contains("Add the dependency dev.dynamodown:dynamodown-dynalite");
				});
		}

		@Test
		void isOffByDefault() {
			contextRunner.run((context) -> assertThat(context).doesNotHaveBean(EmbeddedDynalite.class)
				.hasSingleBean(PropertiesDynamoDownConnectionDetails.class));
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
		DynamoDbClientBuilderCustomizer second() {
			return (builder) -> {
				this.customized.add("second");
				builder.overrideConfiguration((override) -> override.apiCallTimeout(Duration.ofSeconds(2)));
			};
		}

		@Bean
		@Order(1)
		DynamoDbClientBuilderCustomizer first() {
			return (builder) -> {
				this.customized.add("first");
				builder.overrideConfiguration((override) -> override.apiCallTimeout(Duration.ofSeconds(1)));
			};
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class OptionsCustomizersConfiguration {

		@Bean
		@Order(2)
		DynamoDownOptionsCustomizer later() {
			return (options) -> options.maxBatchAttempts(7);
		}

		@Bean
		@Order(1)
		DynamoDownOptionsCustomizer earlier() {
			return (options) -> options.maxBatchAttempts(5);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UrlConnectionClientConfiguration {

		@Bean
		DynamoDbClient userClient() {
			return DynamoDbClient.builder()
				.httpClientBuilder(UrlConnectionHttpClient.builder())
				.region(Region.US_WEST_2)
				.endpointOverride(URI.create("http://127.0.0.1:3"))
				.build();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserClientConfiguration {

		@Bean
		DynamoDbClient userClient() {
			return DynamoDbClient.builder()
				.region(Region.US_WEST_2)
				.endpointOverride(URI.create("http://127.0.0.1:3"))
				.build();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserConnectionDetailsConfiguration {

		@Bean
		DynamoDownConnectionDetails userConnectionDetails() {
			return new DynamoDownConnectionDetails() {

				@Override
				public URI getEndpoint() {
					return URI.create("http://127.0.0.1:2");
				}

				@Override
				public Region getRegion() {
					return Region.AP_SOUTH_1;
				}

				@Override
				public software.amazon.awssdk.auth.credentials.AwsCredentialsProvider getCredentialsProvider() {
					return null;
				}

			};
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserDynamoDownConfiguration {

		@Bean
		DynamoDown userDynamoDown(DynamoDbClient client) {
			return DynamoDown.create(client);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserTemplateConfiguration {

		@Bean
		SortedKeyValueTemplate<Meetup> meetups(DynamoDown dynamoDown) {
			return dynamoDown.template("app-data", "mine", dev.dynamodown.ValueCodec.json(Meetup.class));
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
		SortedKeyValueTemplate<Meetup> meetups;

		@Autowired
		SortedKeyValueTemplate<String> notes;

		@Autowired
		@Qualifier("meetups")
		SortedKeyValueTemplate<?> byQualifier;

		@Autowired
		SortedKeyValueOperations<Meetup> asOperations;

	}

}
