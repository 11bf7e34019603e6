package dev.dynamodown;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import dev.dynamodown.dynalite.DynaliteServer;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClientBuilder;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

/**
 * Test support: one dynalite per JVM, clients pointed at it, and fresh uniquely named tables.
 */
public final class DynaliteSupport {

	/** Fake credentials: tests assert that they never appear in a message. */
	static final String ACCESS_KEY = "AKIADYNAMODOWNTEST01";

	static final String SECRET_KEY = "dynamodown-secret-never-shown";

	private static final AtomicInteger TABLES = new AtomicInteger();

	private static final String RUN = Long.toString(System.nanoTime() % 1_000_000, 36);

	private DynaliteSupport() {
	}

	/** The endpoint of the dynalite shared by every test of this JVM. */
	static URI endpoint() {
		return DynaliteServer.shared().endpoint();
	}

	/** A client for the shared dynalite, with the given interceptors. */
	public static DynamoDbClient client(ExecutionInterceptor... interceptors) {
		return client(endpoint(), interceptors);
	}

	/** A client for an endpoint, with dummy credentials, region us-east-1 and the Apache 5 HTTP client. */
	static DynamoDbClient client(URI endpoint, ExecutionInterceptor... interceptors) {
		return builder(endpoint, interceptors).build();
	}

	/** A client whose retry policy makes at most {@code maxAttempts} attempts per request. */
	static DynamoDbClient clientWithAttempts(int maxAttempts, ExecutionInterceptor... interceptors) {
		return builder(endpoint(), interceptors)
			.overrideConfiguration((o) -> o.executionInterceptors(List.of(interceptors))
				.retryStrategy((r) -> r.maxAttempts(maxAttempts)))
			.build();
	}

	/**
	 * A blocking and an asynchronous client for an endpoint, alike (see {@link #client(URI, ExecutionInterceptor...)}).
	 * @param maxAttempts attempts per request, retries included; 0 for the SDK's default retry policy
	 */
	static Clients clients(URI endpoint, int maxAttempts, ExecutionInterceptor... interceptors) {
		DynamoDbClientBuilder blocking = builder(endpoint, interceptors);
		DynamoDbAsyncClientBuilder async = DynamoDbAsyncClient.builder()
			.endpointOverride(endpoint)
			.region(Region.US_EAST_1)
			.credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)))
			.httpClientBuilder(NettyNioAsyncHttpClient.builder().maxConcurrency(32).connectionTimeout(Duration.ofSeconds(2)))
			.overrideConfiguration((o) -> o.executionInterceptors(List.of(interceptors)));
		if (maxAttempts > 0) {
			blocking.overrideConfiguration((o) -> o.executionInterceptors(List.of(interceptors))
				.retryStrategy((r) -> r.maxAttempts(maxAttempts)));
			async.overrideConfiguration((o) -> o.executionInterceptors(List.of(interceptors))
				.retryStrategy((r) -> r.maxAttempts(maxAttempts)));
		}
		return new Clients(blocking.build(), async.build());
	}

	/** Both clients for the shared dynalite. */
	static Clients clients(ExecutionInterceptor... interceptors) {
		return clients(endpoint(), 0, interceptors);
	}

	private static DynamoDbClientBuilder builder(URI endpoint, ExecutionInterceptor... interceptors) {
		return DynamoDbClient.builder()
			.endpointOverride(endpoint)
			.region(Region.US_EAST_1)
			.credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)))
			.httpClientBuilder(Apache5HttpClient.builder().maxConnections(32).connectionTimeout(Duration.ofSeconds(2)))
			.overrideConfiguration((o) -> o.executionInterceptors(List.of(interceptors)));
	}

	/** A table name no other test uses. */
	static String uniqueTableName(String purpose) {
		return "t-" + purpose + "-" + RUN + "-" + TABLES.incrementAndGet();
	}

	/** Creates a fresh table with hash key {@code ns} and range key {@code k} (the library's layout). */
	public static String createTable(DynamoDbClient client, String purpose) {
		return createTable(client, purpose, "ns", ScalarAttributeType.S, "k", ScalarAttributeType.S);
	}

	/**
	 * Creates a fresh table with any key layout and waits until it is active.
	 * @param rangeName the range key, or {@code null} for a table without one
	 */
	static String createTable(DynamoDbClient client, String purpose, String hashName, ScalarAttributeType hashType,
			String rangeName, ScalarAttributeType rangeType) {
		String table = uniqueTableName(purpose);
		client.createTable((r) -> {
			r.tableName(table).billingMode("PAY_PER_REQUEST");
			if (rangeName == null) {
				r.attributeDefinitions((a) -> a.attributeName(hashName).attributeType(hashType))
					.keySchema((k) -> k.attributeName(hashName).keyType(KeyType.HASH));
			}
			else {
				r.attributeDefinitions((a) -> a.attributeName(hashName).attributeType(hashType),
						(a) -> a.attributeName(rangeName).attributeType(rangeType))
					.keySchema((k) -> k.attributeName(hashName).keyType(KeyType.HASH),
							(k) -> k.attributeName(rangeName).keyType(KeyType.RANGE));
			}
		});
		awaitActive(client, table);
		return table;
	}

	static void awaitActive(DynamoDbClient client, String table) {
		for (int i = 0; i < 500; i++) {
			if (client.describeTable((r) -> r.tableName(table)).table().tableStatus() == TableStatus.ACTIVE) {
				return;
			}
			try {
				Thread.sleep(5);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}
		throw new IllegalStateException("Table " + table + " did not become ACTIVE");
	}

}
