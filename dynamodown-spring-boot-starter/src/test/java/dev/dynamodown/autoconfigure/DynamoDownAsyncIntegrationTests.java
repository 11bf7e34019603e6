package dev.dynamodown.autoconfigure;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

import dev.dynamodown.AsyncSortedKeyValueTemplate;
import dev.dynamodown.KeyRange;
import dev.dynamodown.KeyValue;
import dev.dynamodown.Meetup;
import dev.dynamodown.SharedDynalite;
import dev.dynamodown.SortedKeyValueTemplate;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The asynchronous beans against a real dynalite: the namespaces' asynchronous templates read
 * what the blocking ones wrote (same table, same layout, same codec and Jackson mapper), and the
 * context closes the {@code AsyncDynamoDown} before the client, and only the client it built.
 */
class DynamoDownAsyncIntegrationTests {

	private static final Duration BOUND = Duration.ofSeconds(10);

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DynamoDownAutoConfiguration.class))
		.withPropertyValues(SharedDynalite.properties());

	@Test
	void theAsyncTemplateReadsWhatTheBlockingOneWroteWithTheApplicationsJsonMapper() {
		String table = SharedDynalite.uniqueTable("async");
		contextRunner
			.withPropertyValues("dynamodown.table=" + table, "dynamodown.create-tables=true",
					"dynamodown.namespaces.meetups.value-type=dev.dynamodown.Meetup")
			.withUserConfiguration(Stores.class, DynamoDownAutoConfigurationIntegrationTests.SnakeCaseMapper.class)
			.run((context) -> {
				Stores stores = context.getBean(Stores.class);
				stores.meetups.put("brooklyn_js", new Meetup("BrooklynJS", 900));
				stores.meetups.put("queens_js", new Meetup("QueensJS", 300));
				Map<String, AttributeValue> item = context.getBean(DynamoDbClient.class)
					.getItem((request) -> request.tableName(table)
						.key(Map.of("ns", AttributeValue.fromS("meetups"), "k", AttributeValue.fromS("queens_js"))))
					.item();
				assertThat(item).as("as the application's mapper writes it").containsKey("member_count");

				assertThat(await(stores.meetupsAsync.get("queens_js"))).contains(new Meetup("QueensJS", 300));
				List<KeyValue<Meetup>> all = await(stores.meetupsAsync.list(KeyRange.all()));
				assertThat(all).extracting(KeyValue::key).containsExactly("brooklyn_js", "queens_js");
				assertThat(all.get(0).value()).isEqualTo(new Meetup("BrooklynJS", 900));

				await(stores.meetupsAsync.put("manhattan_js", new Meetup("ManhattanJS", 1200)));
				assertThat(stores.meetups.get("manhattan_js")).as("and the other way round")
					.contains(new Meetup("ManhattanJS", 1200));
			});
	}

	@Test
	void closingTheContextStopsTheAsyncDynamoDownBeforeItClosesTheClient() throws IOException {
		try (ServerSocket blackHole = SharedDynalite.blackHole()) {
			CompletableFuture<?>[] inFlight = new CompletableFuture<?>[1];
			DynamoDbAsyncClient[] client = new DynamoDbAsyncClient[1];
			contextRunner
				.withPropertyValues("dynamodown.endpoint=http://127.0.0.1:" + blackHole.getLocalPort(),
						"dynamodown.table=app-data", "dynamodown.namespaces.notes.value-type=java.lang.String")
				.run((context) -> {
					client[0] = context.getBean(DynamoDbAsyncClient.class);
					// The store's first request, DescribeTable, waits for an answer that never comes.
					inFlight[0] = context.getBean("notesAsync", AsyncSortedKeyValueTemplate.class).get("any");
					assertThat(inFlight[0]).isNotDone();
				});
			// Stopped by AsyncDynamoDown.close(), not failed by the client's closing under it.
			assertThatExceptionOfType(CompletionException.class)
				.isThrownBy(() -> inFlight[0].orTimeout(BOUND.toSeconds(), TimeUnit.SECONDS).join())
				.havingRootCause()
				.isInstanceOf(IllegalStateException.class)
				.withMessage("AsyncDynamoDown has been closed");
			assertThatExceptionOfType(RuntimeException.class).as("the client the starter built is closed")
				.isThrownBy(() -> client[0].listTables().orTimeout(BOUND.toSeconds(), TimeUnit.SECONDS).join());
		}
	}

	@Test
	void theApplicationsClientIsNotClosedByTheStarter() {
		DynamoDbAsyncClient[] client = new DynamoDbAsyncClient[1];
		contextRunner.withUserConfiguration(UnmanagedClient.class)
			.withPropertyValues("dynamodown.namespaces.notes.table=app-data")
			.run((context) -> {
				client[0] = context.getBean(DynamoDbAsyncClient.class);
				assertThat(context.getBean("notesAsync")).isNotNull();
			});
		try {
			assertThat(client[0].listTables().orTimeout(BOUND.toSeconds(), TimeUnit.SECONDS).join().tableNames())
				.as("the application's client still answers after the context closed")
				.isNotNull();
		}
		finally {
			client[0].close();
		}
	}

	private static <T> T await(CompletableFuture<T> future) {
		return future.orTimeout(BOUND.toSeconds(), TimeUnit.SECONDS).join();
	}

	@Configuration(proxyBeanMethods = false)
	static class Stores {

		@Autowired
		SortedKeyValueTemplate<Meetup> meetups;

		@Autowired
		AsyncSortedKeyValueTemplate<Meetup> meetupsAsync;

	}

	/** A client the application manages itself: the context must not close it. */
	@Configuration(proxyBeanMethods = false)
	static class UnmanagedClient {

		@Bean(destroyMethod = "")
		DynamoDbAsyncClient userAsyncClient() {
			return DynamoDbAsyncClient.builder()
				.httpClientBuilder(NettyNioAsyncHttpClient.builder())
				.endpointOverride(SharedDynalite.endpoint())
				.region(Region.US_EAST_1)
				.credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
				.build();
		}

	}

}
