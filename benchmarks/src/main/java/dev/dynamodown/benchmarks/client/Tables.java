package dev.dynamodown.benchmarks.client;

import java.time.Duration;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

/**
 * Creates and deletes the benchmark's tables: hash key {@code ns}, range key {@code k}, both strings, on-demand
 * (the layout {@code DynamoDown.createTableIfMissing} makes).
 */
public final class Tables {

	private static final Duration POLL = Duration.ofMillis(20);

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private Tables() {
	}

	/**
	 * Creates {@code table} and waits until it is ACTIVE, polling DescribeTable briefly (the SDK's waiter would
	 * sleep ~20 s on dynalite, which keeps a new table CREATING for a moment).
	 */
	public static void create(DynamoDbClient client, String table) {
		client.createTable(request -> request.tableName(table)
			.billingMode(BillingMode.PAY_PER_REQUEST)
			.attributeDefinitions(attribute("ns"), attribute("k"))
			.keySchema(key("ns", KeyType.HASH), key("k", KeyType.RANGE)));
		long deadline = System.nanoTime() + TIMEOUT.toNanos();
		while (client.describeTable(request -> request.tableName(table)).table().tableStatus() != TableStatus.ACTIVE) {
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException("Table '" + table + "' is not ACTIVE after " + TIMEOUT);
			}
			sleep(POLL);
		}
	}

	private static AttributeDefinition attribute(String name) {
		return AttributeDefinition.builder().attributeName(name).attributeType(ScalarAttributeType.S).build();
	}

	private static KeySchemaElement key(String name, KeyType type) {
		return KeySchemaElement.builder().attributeName(name).keyType(type).build();
	}

	/** Deletes {@code table}, so that the server's memory holds one workload's data at a time. */
	public static void delete(DynamoDbClient client, String table) {
		client.deleteTable(request -> request.tableName(table));
	}

	private static void sleep(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting for a table", ex);
		}
	}

}
