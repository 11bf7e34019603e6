package dev.dynamodown.internal.schema;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import dev.dynamodown.DynamoDownException;
import dev.dynamodown.internal.AwsErrors;
import dev.dynamodown.internal.Futures;
import dev.dynamodown.internal.io.DynamoCalls;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
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
import software.amazon.awssdk.services.dynamodb.model.UpdateTimeToLiveRequest;

/**
 * Creates a table in the library's default layout (hash key {@value #HASH_NAME}, range key
 * {@value #RANGE_NAME}, both strings, on-demand capacity), waits until it is {@code ACTIVE},
 * asynchronously (polls are scheduled, never slept), and then enables DynamoDB's TTL on the
 * expiry attribute, so that DynamoDB deletes expired entries in the background. Reads skip
 * expired entries either way; TTL only reclaims their storage.
 * <ul>
 * <li>TTL is enabled only on a table this call created: an existing table is left as it is
 * (a table has one TTL attribute, which may serve something else).</li>
 * <li>An endpoint without TTL (dynalite answers {@code UpdateTimeToLive} with
 * {@code UnknownOperationException}) is fine: expired items then stay until deleted, invisible to
 * reads. Any other failure fails the call, saying that the table was created.</li>
 * </ul>
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

	/** What an endpoint without TTL answers {@code UpdateTimeToLive} with. */
	private static final String UNKNOWN_OPERATION = "UnknownOperationException";

	private final Function<Duration, CompletableFuture<Void>> delay;

	private final String expiryAttribute;

	/**
	 * @param calls sends the requests
	 * @param delay a future completing after the given delay, without blocking a thread
	 * @param expiryAttribute the attribute to enable TTL on
	 */
	public TableCreator(DynamoCalls calls, Function<Duration, CompletableFuture<Void>> delay, String expiryAttribute) {
		this.calls = calls;
		this.delay = delay;
		this.expiryAttribute = expiryAttribute;
	}

	/**
	 * Creates the table unless it exists (whatever its layout), waits until it is active, and
	 * enables TTL on a table it created where the endpoint supports it.
	 * @param table the table name
	 * @return completes when the table is active; fails with {@link DynamoDownException} if
	 * creating or describing fails, if it does not become active within five minutes, or if the
	 * endpoint refused TTL otherwise than as an operation it does not know
	 */
	public CompletableFuture<Void> createIfMissing(String table) {
		return describe(table).thenCompose((description) -> (description == null) ? create(table)
				: CompletableFuture.completedFuture(false))
			.thenCompose((created) -> awaitActive(table)
				.thenCompose((active) -> created ? enableTimeToLive(table) : CompletableFuture.completedFuture(null)))
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

	/** {@code true} if this call created the table, {@code false} if someone else did meanwhile. */
	private CompletableFuture<Boolean> create(String table) {
		CreateTableRequest request = CreateTableRequest.builder()
			.tableName(table)
			.attributeDefinitions((a) -> a.attributeName(HASH_NAME).attributeType(ScalarAttributeType.S),
					(a) -> a.attributeName(RANGE_NAME).attributeType(ScalarAttributeType.S))
			.keySchema((k) -> k.attributeName(HASH_NAME).keyType(KeyType.HASH),
					(k) -> k.attributeName(RANGE_NAME).keyType(KeyType.RANGE))
			.billingMode(BillingMode.PAY_PER_REQUEST)
			.build();
		return this.calls.createTable(request).thenApply((response) -> true).exceptionally((failure) -> {
			Throwable cause = Futures.unwrap(failure);
			if (cause instanceof ResourceInUseException) {
				// Created concurrently by someone else: fine, wait for it like for our own.
				return false;
			}
			throw Futures.unchecked(cause);
		});
	}

	private CompletableFuture<Void> enableTimeToLive(String table) {
		UpdateTimeToLiveRequest request = UpdateTimeToLiveRequest.builder()
			.tableName(table)
			.timeToLiveSpecification((ttl) -> ttl.attributeName(this.expiryAttribute).enabled(true))
			.build();
		return this.calls.updateTimeToLive(request).<Void>thenApply((response) -> null).exceptionally((failure) -> {
			Throwable cause = Futures.unwrap(failure);
			if (cause instanceof AwsServiceException aws && aws.awsErrorDetails() != null
					&& UNKNOWN_OPERATION.equals(aws.awsErrorDetails().errorCode())) {
				// An endpoint without TTL (dynalite): reads enforce expiry alone.
				return null;
			}
			if (cause instanceof SdkException sdk) {
				throw new DynamoDownException("Created table '" + table + "' but could not enable TTL on '"
						+ this.expiryAttribute + "': " + AwsErrors.describe(sdk), sdk);
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
