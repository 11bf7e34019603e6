package dev.dynamodown.internal.schema;

import java.time.Duration;

import dev.dynamodown.DynamoDownException;
import dev.dynamodown.internal.AwsErrors;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

/**
 * Creates a table in the library's default layout (hash key {@value #HASH_NAME}, range key
 * {@value #RANGE_NAME}, both strings, on-demand capacity) and waits until it is {@code ACTIVE}.
 * <p>
 * Waiting polls {@code DescribeTable} with a short, growing interval instead of using the SDK's
 * waiter, whose first delay of about 20 seconds is far too long for local servers that activate
 * tables within milliseconds.
 */
public final class TableCreator {

	/** Hash-key attribute of tables created by the library, as in {@code dynamo-down}. */
	public static final String HASH_NAME = "ns";

	/** Range-key attribute of tables created by the library, as in {@code dynamo-down}. */
	public static final String RANGE_NAME = "k";

	private static final Duration FIRST_POLL = Duration.ofMillis(10);

	private static final Duration MAX_POLL = Duration.ofSeconds(1);

	private static final Duration TIMEOUT = Duration.ofMinutes(5);

	private final DynamoDbClient client;

	public TableCreator(DynamoDbClient client) {
		this.client = client;
	}

	/**
	 * Creates the table unless it exists (whatever its layout), then waits until it is active.
	 * @param table the table name
	 * @throws DynamoDownException if creating or describing fails, or it does not become active
	 * within five minutes
	 */
	public void createIfMissing(String table) {
		try {
			TableDescription description = describe(table);
			if (description == null) {
				create(table);
			}
			awaitActive(table);
		}
		catch (SdkException ex) {
			throw new DynamoDownException("Cannot create table '" + table + "': " + AwsErrors.describe(ex), ex);
		}
	}

	private @Nullable TableDescription describe(String table) {
		try {
			return this.client.describeTable((r) -> r.tableName(table)).table();
		}
		catch (ResourceNotFoundException ex) {
			return null;
		}
	}

	private void create(String table) {
		try {
			this.client.createTable((r) -> r.tableName(table)
				.attributeDefinitions((a) -> a.attributeName(HASH_NAME).attributeType(ScalarAttributeType.S),
						(a) -> a.attributeName(RANGE_NAME).attributeType(ScalarAttributeType.S))
				.keySchema((k) -> k.attributeName(HASH_NAME).keyType(KeyType.HASH),
						(k) -> k.attributeName(RANGE_NAME).keyType(KeyType.RANGE))
				.billingMode(BillingMode.PAY_PER_REQUEST));
		}
		catch (ResourceInUseException ex) {
			// Created concurrently by someone else: fine, wait for it like for our own.
		}
	}

	private void awaitActive(String table) {
		long deadline = System.nanoTime() + TIMEOUT.toNanos();
		Duration poll = FIRST_POLL;
		while (true) {
			TableDescription description = describe(table);
			if (description != null && description.tableStatus() == TableStatus.ACTIVE) {
				return;
			}
			if (System.nanoTime() - deadline > 0) {
				throw new DynamoDownException("Table '" + table + "' did not become ACTIVE within " + TIMEOUT
						+ " (status " + (description == null ? "missing" : description.tableStatusAsString()) + ")");
			}
			sleep(poll, table);
			poll = (poll.compareTo(MAX_POLL.dividedBy(2)) < 0) ? poll.multipliedBy(2) : MAX_POLL;
		}
	}

	private static void sleep(Duration delay, String table) {
		try {
			Thread.sleep(delay.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new DynamoDownException("Interrupted while waiting for table '" + table + "' to become ACTIVE", ex);
		}
	}

}
