package dev.dynamodown.health;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.dynamodown.SharedDynalite;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link DynamoDownHealthIndicator} against a real dynalite and against endpoints that never
 * answer or refuse connections.
 */
class DynamoDownHealthIndicatorIntegrationTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(2);

	private static String ready;

	private static String hashOnly;

	private static String numericRange;

	private DynamoDbClient client;

	@BeforeAll
	static void createTables() {
		try (DynamoDbClient client = client(SharedDynalite.endpoint())) {
			ready = create(client, ScalarAttributeType.S, true);
			hashOnly = create(client, ScalarAttributeType.S, false);
			numericRange = create(client, ScalarAttributeType.N, true);
		}
	}

	@AfterEach
	void closeClient() {
		if (this.client != null) {
			this.client.close();
		}
	}

	@Nested
	class Reachable {

		@Test
		void upWhenEveryTableIsReady() {
			Health health = indicator(SharedDynalite.endpoint(), ready).health();
			assertThat(health.getStatus()).isEqualTo(Status.UP);
			assertThat(tables(health)).containsExactly(Map.entry(ready, Map.of("status", "READY")));
			assertThat(health.getDetails()).containsEntry("endpoint",
					"127.0.0.1:" + SharedDynalite.endpoint().getPort());
		}

		@Test
		void downWithAReasonPerTable() {
			String missing = SharedDynalite.uniqueTable("missing");
			Health health = indicator(SharedDynalite.endpoint(), ready, missing, hashOnly, numericRange).health();
			assertThat(health.getStatus()).isEqualTo(Status.DOWN);
			Map<String, Map<String, String>> tables = tables(health);
			assertThat(tables.get(ready)).containsEntry("status", "READY");
			assertThat(tables.get(missing)).containsEntry("status", "MISSING")
				.containsEntry("reason", "table does not exist");
			assertThat(tables.get(hashOnly)).containsEntry("status", "UNUSABLE_SCHEMA")
				.containsEntry("reason", "table has no range key");
			assertThat(tables.get(numericRange)).containsEntry("status", "UNUSABLE_SCHEMA")
				.containsEntry("reason", "range key 'k' is of type N, not S");
		}

		@Test
		void upWithoutTablesWhenTheEndpointAnswers() {
			Health health = indicator(SharedDynalite.endpoint()).health();
			assertThat(health.getStatus()).isEqualTo(Status.UP);
		}

	}

	@Nested
	class Unreachable {

		@Test
		void downWithinTheTimeoutWhenTheEndpointNeverAnswers() throws IOException {
			try (ServerSocket blackHole = SharedDynalite.blackHole()) {
				URI endpoint = URI.create("http://127.0.0.1:" + blackHole.getLocalPort());
				long start = System.nanoTime();
				Health health = indicator(endpoint, "app-data", "other").health();
				Duration took = Duration.ofNanos(System.nanoTime() - start);
				assertThat(health.getStatus()).isEqualTo(Status.DOWN);
				assertThat(took).isLessThan(Duration.ofSeconds(4));
				assertThat(tables(health).get("app-data")).containsEntry("status", "UNREACHABLE")
					.containsEntry("reason", "no answer within 2000 ms");
				assertThat(tables(health).get("other")).containsEntry("status", "UNREACHABLE")
					.containsEntry("reason", "not checked: endpoint unreachable");
			}
		}

		@Test
		void downWhenTheEndpointRefusesConnections() {
			URI endpoint = URI.create("http://127.0.0.1:" + SharedDynalite.closedPort());
			Health health = indicator(endpoint, "app-data").health();
			assertThat(health.getStatus()).isEqualTo(Status.DOWN);
			assertThat(tables(health).get("app-data")).containsEntry("status", "UNREACHABLE");
		}

		@Test
		void downWithoutTablesWhenTheEndpointRefusesConnections() {
			URI endpoint = URI.create("http://127.0.0.1:" + SharedDynalite.closedPort());
			assertThat(indicator(endpoint).health().getStatus()).isEqualTo(Status.DOWN);
		}

	}

	private DynamoDownHealthIndicator indicator(URI endpoint, String... tables) {
		this.client = client(endpoint);
		return new DynamoDownHealthIndicator(this.client, List.of(tables), TIMEOUT);
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Map<String, String>> tables(Health health) {
		return (Map<String, Map<String, String>>) health.getDetails().get("tables");
	}

	private static DynamoDbClient client(URI endpoint) {
		return DynamoDbClient.builder()
			.endpointOverride(endpoint)
			.region(Region.US_EAST_1)
			.credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
			.build();
	}

	private static String create(DynamoDbClient client, ScalarAttributeType rangeType, boolean withRange) {
		String table = SharedDynalite.uniqueTable("health");
		client.createTable((request) -> {
			request.tableName(table).billingMode(BillingMode.PAY_PER_REQUEST);
			if (withRange) {
				request
					.attributeDefinitions(attribute("ns", ScalarAttributeType.S), attribute("k", rangeType))
					.keySchema(key("ns", KeyType.HASH), key("k", KeyType.RANGE));
			}
			else {
				request.attributeDefinitions(attribute("ns", ScalarAttributeType.S)).keySchema(key("ns", KeyType.HASH));
			}
		});
		client.waiter().waitUntilTableExists((request) -> request.tableName(table),
				(waiter) -> waiter.backoffStrategyV2(
						software.amazon.awssdk.retries.api.BackoffStrategy.fixedDelay(Duration.ofMillis(20))));
		return table;
	}

	private static AttributeDefinition attribute(String name, ScalarAttributeType type) {
		return AttributeDefinition.builder().attributeName(name).attributeType(type).build();
	}

	private static KeySchemaElement key(String name, KeyType type) {
		return KeySchemaElement.builder().attributeName(name).keyType(type).build();
	}

}
