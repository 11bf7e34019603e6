package dev.dynamodown.autoconfigure;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import dev.dynamodown.AsyncSortedKeyValueTemplate;
import dev.dynamodown.DribblingEndpoint;
import dev.dynamodown.KeyRange;
import dev.dynamodown.Meetup;
import dev.dynamodown.SharedDynalite;
import dev.dynamodown.SortedKeyValueTemplate;
import dev.dynamodown.TableSchemaException;
import dev.dynamodown.dynalite.DynaliteException;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.NestedExceptionUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@link DynamoDownAutoConfiguration} against a real dynalite: templates reading and
 * writing, table creation, fail-fast, unreachable endpoints and embedded mode.
 */
class DynamoDownAutoConfigurationIntegrationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DynamoDownAutoConfiguration.class))
		.withPropertyValues(SharedDynalite.properties());

	@Nested
	class Templates {

		@Test
		void twoNamespacesOfDifferentValueTypesReadAndWrite() {
			String table = SharedDynalite.uniqueTable("templates");
			contextRunner
				.withPropertyValues("dynamodown.table=" + table, "dynamodown.create-tables=true",
						"dynamodown.namespaces.meetups.value-type=dev.dynamodown.Meetup",
						"dynamodown.namespaces.notes.value-type=java.lang.String")
				.withUserConfiguration(Stores.class)
				.run((context) -> {
					Stores stores = context.getBean(Stores.class);
					stores.meetups.put("nyc-js", new Meetup("NYC JS", 1200));
					stores.notes.put("nyc-js", "a note, not a meetup");
					assertThat(stores.meetups.get("nyc-js")).contains(new Meetup("NYC JS", 1200));
					assertThat(stores.notes.get("nyc-js")).contains("a note, not a meetup");
					assertThat(stores.meetups.get("absent")).isEmpty();
				});
		}

		@Test
		void aShardedNamespaceSpreadsItsItemsOverItsShardsAndReadsThemInKeyOrder() {
			String table = SharedDynalite.uniqueTable("sharded");
			contextRunner
				.withPropertyValues("dynamodown.table=" + table, "dynamodown.create-tables=true",
						"dynamodown.namespaces.events.shards=4")
				.run((context) -> {
					@SuppressWarnings("unchecked")
					SortedKeyValueTemplate<String> events = context.getBean("events", SortedKeyValueTemplate.class);
					List<String> keys = IntStream.range(0, 40).mapToObj((i) -> String.format("2024-05-01T10:%02d:00Z", i))
						.toList();
					keys.forEach((key) -> events.put(key, "event at " + key));
					assertThat(events.keys(KeyRange.all()).toList()).containsExactlyElementsOf(keys);
					@SuppressWarnings("unchecked")
					AsyncSortedKeyValueTemplate<String> eventsAsync = context.getBean("eventsAsync",
							AsyncSortedKeyValueTemplate.class);
					assertThat(eventsAsync.count(KeyRange.all()).get(10, TimeUnit.SECONDS))
						.as("the asynchronous bean reads the same shards").isEqualTo((long) keys.size());
					Set<String> partitions = new TreeSet<>();
					context.getBean(DynamoDbClient.class)
						.scanPaginator((request) -> request.tableName(table))
						.items()
						.forEach((item) -> partitions.add(item.get("ns").s()));
					assertThat(partitions).containsExactly("events\u0000", "events\u00000/4", "events\u00001/4",
							"events\u00002/4", "events\u00003/4");
				});
		}

		@Test
		void jsonValuesUseTheApplicationsJsonMapper() {
			String table = SharedDynalite.uniqueTable("mapper");
			contextRunner
				.withPropertyValues("dynamodown.table=" + table, "dynamodown.create-tables=true",
						"dynamodown.namespaces.meetups.value-type=dev.dynamodown.Meetup")
				.withUserConfiguration(SnakeCaseMapper.class)
				.run((context) -> {
					SortedKeyValueTemplate<?> meetups = context.getBean("meetups", SortedKeyValueTemplate.class);
					@SuppressWarnings("unchecked")
					SortedKeyValueTemplate<Meetup> typed = (SortedKeyValueTemplate<Meetup>) meetups;
					typed.put("nyc-js", new Meetup("NYC JS", 1200));
					Map<String, AttributeValue> item = context.getBean(DynamoDbClient.class)
						.getItem((request) -> request.tableName(table)
							.key(Map.of("ns", AttributeValue.fromS("meetups"), "k", AttributeValue.fromS("nyc-js"))))
						.item();
					assertThat(item.toString()).contains("member_count").doesNotContain("memberCount");
					assertThat(typed.get("nyc-js")).contains(new Meetup("NYC JS", 1200));
				});
		}

	}

	@Nested
	class Tables {

		@Test
		void createTablesCreatesEveryConfiguredTable() {
			String defaultTable = SharedDynalite.uniqueTable("default");
			String ownTable = SharedDynalite.uniqueTable("own");
			contextRunner
				.withPropertyValues("dynamodown.table=" + defaultTable, "dynamodown.create-tables=true",
						"dynamodown.namespaces.notes.table=" + ownTable)
				.run((context) -> {
					assertThat(context).hasNotFailed();
					DynamoDbClient client = context.getBean(DynamoDbClient.class);
					for (String table : new String[] { defaultTable, ownTable }) {
						TableDescription description = client.describeTable((request) -> request.tableName(table))
							.table();
						assertThat(description.tableStatus()).isEqualTo(TableStatus.ACTIVE);
						assertThat(description.keySchema()).extracting(KeySchemaElement::attributeName)
							.containsExactly("ns", "k");
					}
				});
		}

		@Test
		void aMissingTableDoesNotStopTheStartupButFailsTheFirstUse() {
			String table = SharedDynalite.uniqueTable("missing");
			contextRunner.withPropertyValues("dynamodown.table=" + table, "dynamodown.namespaces.notes.table=" + table)
				.run((context) -> {
					assertThat(context).hasNotFailed();
					SortedKeyValueTemplate<?> notes = context.getBean("notes", SortedKeyValueTemplate.class);
					assertThatExceptionOfType(TableSchemaException.class).isThrownBy(() -> notes.get("any"));
				});
		}

		@Test
		void failFastRefusesAMissingTable() {
			String table = SharedDynalite.uniqueTable("failfast");
			contextRunner.withPropertyValues("dynamodown.table=" + table, "dynamodown.fail-fast=true")
				.run((context) -> assertThat(NestedExceptionUtils.getMostSpecificCause(context.getStartupFailure()))
					.hasMessageContaining("'" + table + "' MISSING"));
		}

		@Test
		void failFastAcceptsTablesItCreated() {
			String table = SharedDynalite.uniqueTable("failfast");
			contextRunner
				.withPropertyValues("dynamodown.table=" + table, "dynamodown.fail-fast=true",
						"dynamodown.create-tables=true")
				.run((context) -> assertThat(context).hasNotFailed());
		}

	}

	@Nested
	class UnreachableEndpoint {

		@Test
		void startsAnywayWithoutFailFast() throws IOException {
			try (ServerSocket blackHole = SharedDynalite.blackHole()) {
				pointedAt(blackHole).withPropertyValues("dynamodown.create-tables=true")
					.run((context) -> assertThat(context).hasNotFailed());
			}
		}

		@Test
		void failsTheStartupWithFailFast() throws IOException {
			try (ServerSocket blackHole = SharedDynalite.blackHole()) {
				pointedAt(blackHole).withPropertyValues("dynamodown.fail-fast=true")
					.run((context) -> assertThat(NestedExceptionUtils.getMostSpecificCause(context.getStartupFailure()))
						.hasMessageContaining("'app-data' UNREACHABLE"));
			}
		}

		/** The table {@code app-data} at an endpoint that never answers, given up on after 500 ms. */
		private ApplicationContextRunner pointedAt(ServerSocket blackHole) {
			return contextRunner.withPropertyValues("dynamodown.endpoint=http://127.0.0.1:" + blackHole.getLocalPort(),
					"dynamodown.table=app-data", "dynamodown.startup-timeout=500ms");
		}

	}

	@Nested
	class Timeouts {

		@Test
		void aCallToAnEndpointThatDribblesItsAnswerFailsWithinTheConfiguredBound() throws IOException {
			try (DribblingEndpoint dribbling = new DribblingEndpoint()) {
				contextRunner
					.withPropertyValues("dynamodown.endpoint=" + dribbling.uri(), "dynamodown.table=app-data",
							"dynamodown.namespaces.notes.value-type=java.lang.String",
							"dynamodown.client.api-call-attempt-timeout=400ms", "dynamodown.client.api-call-timeout=1s")
					.run((context) -> {
						SortedKeyValueTemplate<String> notes = notes(context);
						long start = System.nanoTime();
						assertThatExceptionOfType(RuntimeException.class).isThrownBy(() -> notes.get("any"))
							.satisfies((failure) -> assertThat(NestedExceptionUtils.getMostSpecificCause(failure))
								.isInstanceOf(ApiCallTimeoutException.class));
						assertThat(Duration.ofNanos(System.nanoTime() - start)).as("time to fail")
							.isLessThan(Duration.ofSeconds(5));
					});
			}
		}

	}

	@Nested
	class Embedded {

		@Test
		void startsDynaliteCreatesTheTablesAndStopsItWithTheContext() {
			String table = SharedDynalite.uniqueTable("embedded");
			URI[] endpoint = new URI[1];
			new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(DynamoDownAutoConfiguration.class))
				.withPropertyValues("dynamodown.embedded.enabled=true", "dynamodown.table=" + table,
						"dynamodown.namespaces.notes.value-type=java.lang.String")
				.run((context) -> {
					assertThat(context).hasSingleBean(EmbeddedDynalite.class)
						.doesNotHaveBean(PropertiesDynamoDownConnectionDetails.class);
					endpoint[0] = context.getBean(EmbeddedDynalite.class).getEndpoint();
					assertThat(endpoint[0].getHost()).isEqualTo("127.0.0.1");
					assertThat(context.getBean(DynamoDbClient.class).serviceClientConfiguration().endpointOverride())
						.contains(endpoint[0]);
					@SuppressWarnings("unchecked")
					SortedKeyValueTemplate<String> notes = context.getBean("notes", SortedKeyValueTemplate.class);
					notes.put("first", "written to the embedded dynalite");
					assertThat(notes.get("first")).contains("written to the embedded dynalite");
					assertThat(context.getBean(DynamoDbAsyncClient.class).serviceClientConfiguration().endpointOverride())
						.as("the asynchronous client's endpoint")
						.contains(endpoint[0]);
					@SuppressWarnings("unchecked")
					AsyncSortedKeyValueTemplate<String> notesAsync = context.getBean("notesAsync",
							AsyncSortedKeyValueTemplate.class);
					assertThat(notesAsync.get("first").get(10, TimeUnit.SECONDS))
						.contains("written to the embedded dynalite");
				});
			assertThat(accepts(endpoint[0])).as("dynalite stopped with the context").isFalse();
		}

		@Test
		void keepsTheDataAcrossRestartsInTheDataDirectory(@TempDir Path dataDir) {
			ApplicationContextRunner embedded = new ApplicationContextRunner()
				.withConfiguration(AutoConfigurations.of(DynamoDownAutoConfiguration.class))
				.withPropertyValues("dynamodown.embedded.enabled=true", "dynamodown.embedded.data-dir=" + dataDir,
						"dynamodown.table=kept", "dynamodown.namespaces.notes.value-type=java.lang.String");
			embedded.run((context) -> notes(context).put("kept", "survives a restart"));
			embedded.run((context) -> assertThat(notes(context).get("kept")).contains("survives a restart"));
		}

		@Test
		void failsWithWhatToInstallWhenNodeIsMissing(@TempDir Path nowhere) {
			new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(DynamoDownAutoConfiguration.class))
				.withPropertyValues("dynamodown.embedded.enabled=true",
						"dynamodown.embedded.node-executable=" + nowhere.resolve("node"))
				.run((context) -> assertThat(causeOfType(context.getStartupFailure(), DynaliteException.class))
					.hasMessageContaining("Install Node.js 20 or newer"));
		}

		private static Throwable causeOfType(Throwable failure, Class<? extends Throwable> type) {
			Throwable cause = failure;
			while (cause != null && !type.isInstance(cause)) {
				cause = cause.getCause();
			}
			assertThat(cause).as("cause of type " + type.getName() + " in " + failure).isNotNull();
			return cause;
		}


		private static boolean accepts(URI endpoint) {
			try (Socket socket = new Socket()) {
				socket.connect(new InetSocketAddress(endpoint.getHost(), endpoint.getPort()), 500);
				return true;
			}
			catch (IOException ex) {
				return false;
			}
		}

	}

	@SuppressWarnings("unchecked")
	private static SortedKeyValueTemplate<String> notes(ApplicationContext context) {
		return context.getBean("notes", SortedKeyValueTemplate.class);
	}

	@Configuration(proxyBeanMethods = false)
	static class Stores {

		@Autowired
		SortedKeyValueTemplate<Meetup> meetups;

		@Autowired
		SortedKeyValueTemplate<String> notes;

	}

	@Configuration(proxyBeanMethods = false)
	static class SnakeCaseMapper {

		@Bean
		JsonMapper jsonMapper() {
			return JsonMapper.builder().propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE).build();
		}

	}

}
