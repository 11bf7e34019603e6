package dev.dynamodown.dynalite;

import java.time.Duration;
import java.time.Instant;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

/** A raw AWS SDK client for a {@link DynaliteServer}, and a table with a hash key {@code ns} and a range key {@code k}. */
final class TestDynamoDb {

	private TestDynamoDb() {
	}

	static DynamoDbClient client(DynaliteServer server) {
		return DynamoDbClient.builder()
			.endpointOverride(server.endpoint())
			.region(Region.US_EAST_1)
			.credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("dynamodown", "dynamodown")))
			.httpClientBuilder(Apache5HttpClient.builder())
			.build();
	}

	/** Creates the table and waits until it is ACTIVE, polling (the SDK's waiter would sleep 20 s). */
	static void createTable(DynamoDbClient client, String table) throws InterruptedException {
		client.createTable((create) -> create.tableName(table)
			.attributeDefinitions(AttributeDefinition.builder().attributeName("ns").attributeType(ScalarAttributeType.S).build(),
					AttributeDefinition.builder().attributeName("k").attributeType(ScalarAttributeType.S).build())
			.keySchema(KeySchemaElement.builder().attributeName("ns").keyType(KeyType.HASH).build(),
					KeySchemaElement.builder().attributeName("k").keyType(KeyType.RANGE).build())
			.billingMode(BillingMode.PAY_PER_REQUEST));
		Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
		while (client.describeTable((describe) -> describe.tableName(table)).table().tableStatus() != TableStatus.ACTIVE) {
			if (Instant.now().isAfter(deadline)) {
				throw new IllegalStateException("Table " + table + " is not ACTIVE after 10 s");
			}
			Thread.sleep(10);
		}
	}

}
