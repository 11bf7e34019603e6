package dev.dynamodown.internal.schema;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import dev.dynamodown.DynamoDownException;
import dev.dynamodown.internal.AwsErrors;
import dev.dynamodown.internal.Futures;
import dev.dynamodown.internal.io.DynamoCalls;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableRequest;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

/**
 * Creates a table in the library's default layout (hash key {@value #HASH_NAME}, range key
 * {@value #RANGE_NAME}, both strings, on-demand capacity) and waits until it is {@code ACTIVE},
 * asynchronously: polls are scheduled, never slept.
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

	private final DynamoCalls calls;

	private final Function<Duration, CompletableFuture<Void>> delay;

	/**
	 * @param calls sends the requests
	 * @param delay a future completing after the given delay, without blocking a thread
	 */
	public TableCreator(DynamoCalls calls, Function<Duration, CompletableFuture<Void>> delay) {
		this.calls = calls;
		this.delay = delay;
	}

	/**
	 * Creates the table unless it exists (whatever its layout), then waits until it is active.
	 * @param table the table name
	 * @return completes when the table is active; fails with {@link DynamoDownException} if
	 * creating or describing fails, or if it does not become active within five minutes
	 */
	public CompletableFuture<Void> createIfMissing(String table) {
		return describe(table).thenCompose((description) -> (description == null) ? create(table)
				: CompletableFuture.completedFuture(null))
			.thenCompose((created) -> awaitActive(table))
			.exceptionally((failure) -> {
				Throwable cause = Futures.unwrap(failure);
				if (cause instanceof SdkException sdk) {
					throw new DynamoDownException("Cannot create table '" + table + "': " + AwsErrors.describe(sdk), sdk);
				}
				throw Futures.unchecked(cause);
			});
	}

	private CompletableFuture<@Nullable TableDescription> describe(String table) {
		return this.calls.describeTable(DescribeTableRequest.builder().tableName(table).build())
			.<@Nullable TableDescription>thenApply((response) -> response.table())
			.exceptionally((failure) -> {
				Throwable cause = Futures.unwrap(failure);
				if (cause instanceof ResourceNotFoundException) {
					return null;
				}
				throw Futures.unchecked(cause);
			});
	}

	private CompletableFuture<@Nullable Void> create(String table) {
		CreateTableRequest request = CreateTableRequest.builder()
			.tableName(table)
			.attributeDefinitions((a) -> a.attributeName(HASH_NAME).attributeType(ScalarAttributeType.S),
					(a) -> a.attributeName(RANGE_NAME).attributeType(ScalarAttributeType.S))
			.keySchema((k) -> k.attributeName(HASH_NAME).keyType(KeyType.HASH),
					(k) -> k.attributeName(RANGE_NAME).keyType(KeyType.RANGE))
			.billingMode(BillingMode.PAY_PER_REQUEST)
			.build();
		return this.calls.createTable(request).<@Nullable Void>thenApply((response) -> null).exceptionally((failure) -> {
			Throwable cause = Futures.unwrap(failure);
			if (cause instanceof ResourceInUseException) {
				// Created concurrently by someone else: fine, wait for it like for our own.
				return null;
			}
			throw Futures.unchecked(cause);
		});
	}

	private CompletableFuture<Void> awaitActive(String table) {
		long deadline = System.nanoTime() + TIMEOUT.toNanos();
		Duration[] poll = { FIRST_POLL };
		return Futures.repeat(() -> describe(table).thenCompose((description) -> {
			if (description != null && description.tableStatus() == TableStatus.ACTIVE) {
				return CompletableFuture.completedFuture(false);
			}
			if (System.nanoTime() - deadline > 0) {
				throw new DynamoDownException("Table '" + table + "' did not become ACTIVE within " + TIMEOUT
						+ " (status " + (description == null ? "missing" : description.tableStatusAsString()) + ")");
			}
			Duration wait = poll[0];
			poll[0] = (wait.compareTo(MAX_POLL.dividedBy(2)) < 0) ? wait.multipliedBy(2) : MAX_POLL;
			return this.delay.apply(wait).thenApply((elapsed) -> true);
		}));
	}

}
