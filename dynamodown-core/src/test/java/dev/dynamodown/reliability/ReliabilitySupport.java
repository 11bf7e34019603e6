package dev.dynamodown.reliability;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import dev.dynamodown.Api;
import dev.dynamodown.Clients;
import dev.dynamodown.DynamoDownOptions;
import dev.dynamodown.Stores;
import dev.dynamodown.dynalite.DynaliteServer;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClientBuilder;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

/**
 * Clients for the reliability tests: a direct one to the JVM's shared dynalite (the ground truth),
 * and ones through a fault proxy with short timeouts and a fast retry policy.
 */
final class ReliabilitySupport {

	/** Fake credentials (dynalite checks none). */
	static final String ACCESS_KEY = "AKIARELIABILITYTEST1";

	static final String SECRET_KEY = "reliability-secret-do-not-print";

	/** How long one attempt may take through the proxy before the SDK gives up on it. */
	static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(1);

	private static final AtomicInteger TABLES = new AtomicInteger();

	private static final String RUN = Long.toString(System.nanoTime() % 1_000_000, 36);

	private ReliabilitySupport() {
	}

	/** The shared dynalite's endpoint. */
	static URI dynalite() {
		return DynaliteServer.shared().endpoint();
	}

	/** A client straight to dynalite, with the SDK's default retry policy. */
	static DynamoDbClient directClient(ExecutionInterceptor... interceptors) {
		return builder(dynalite(), AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY))
			.overrideConfiguration((o) -> o.executionInterceptors(List.of(interceptors)))
			.build();
	}

	/**
	 * A client for an endpoint behind faults: attempts time out after {@link #ATTEMPT_TIMEOUT},
	 * and the SDK's standard retry policy (without its circuit breaker, so that the number of
	 * attempts does not depend on earlier luck) retries after 5 to 40 ms.
	 * @param maxAttempts attempts per call, the first included
	 */
	static DynamoDbClient faultyClient(URI endpoint, int maxAttempts, ExecutionInterceptor... interceptors) {
		return faultyClient(endpoint, maxAttempts, AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY), interceptors);
	}

	/** {@link #faultyClient(URI, int, ExecutionInterceptor...)} signing with the given credentials. */
	static DynamoDbClient faultyClient(URI endpoint, int maxAttempts, AwsCredentials credentials,
			ExecutionInterceptor... interceptors) {
		RetryStrategy retry = fastRetries(maxAttempts);
		return builder(endpoint, credentials)
			.overrideConfiguration((o) -> o.executionInterceptors(List.of(interceptors))
				.apiCallAttemptTimeout(ATTEMPT_TIMEOUT)
				.retryStrategy(retry))
			.build();
	}

	/** A blocking and an asynchronous client straight to dynalite, with the SDK's default retry policy. */
	static Clients directClients(ExecutionInterceptor... interceptors) {
		DynamoDbAsyncClient async = asyncBuilder(dynalite())
			.httpClientBuilder(NettyNioAsyncHttpClient.builder().maxConcurrency(64).connectionTimeout(Duration.ofSeconds(2)))
			.overrideConfiguration((o) -> o.executionInterceptors(List.of(interceptors)))
			.build();
		return new Clients(directClient(interceptors), async);
	}

	/** A store factory of each API on these clients, to be closed with {@link #close(Map)}. */
	static Map<Api, Stores> open(Clients clients, DynamoDownOptions options) {
		Map<Api, Stores> stores = new EnumMap<>(Api.class);
		for (Api api : Api.values()) {
			stores.put(api, api.open(clients, options));
		}
		return stores;
	}

	static void close(Map<Api, Stores> stores) {
		stores.values().forEach(Stores::close);
	}

	/**
	 * A blocking and an asynchronous client for an endpoint behind faults, configured alike (see
	 * {@link #faultyClient}).
	 */
	static Clients faultyClients(URI endpoint, int maxAttempts, ExecutionInterceptor... interceptors) {
		return new Clients(faultyClient(endpoint, maxAttempts, interceptors),
				faultyAsyncClient(endpoint, maxAttempts, faultyNetty(), interceptors));
	}

	/**
	 * The asynchronous client of {@link #faultyClients} on the given Netty client. Each attempt
	 * hears only about itself (see {@link AttemptIsolatingHttpClient}): without that, the Netty
	 * client's late report on an attempt the SDK gave up on can fail the next attempt.
	 */
	static DynamoDbAsyncClient faultyAsyncClient(URI endpoint, int maxAttempts, NettyNioAsyncHttpClient.Builder netty,
			ExecutionInterceptor... interceptors) {
		RetryStrategy retry = fastRetries(maxAttempts);
		return asyncBuilder(endpoint).httpClientBuilder(AttemptIsolatingHttpClient.around(netty))
			.overrideConfiguration((o) -> o.executionInterceptors(List.of(interceptors))
				.apiCallAttemptTimeout(ATTEMPT_TIMEOUT)
				.retryStrategy(retry))
			.build();
	}

	/** The Netty client of {@link #faultyClients}. */
	static NettyNioAsyncHttpClient.Builder faultyNetty() {
		// A connection per request, as the blocking client's pool hands out only connections it
		// knows alive: a pooled Netty connection that the proxy reset or stalled could fail the
		// next attempt too, and the tests count attempts.
		return NettyNioAsyncHttpClient.builder()
			.maxConcurrency(64)
			.connectionTimeout(Duration.ofSeconds(2))
			.connectionTimeToLive(Duration.ofMillis(1));
	}

	/** The SDK's standard retry policy, without its circuit breaker, retrying after 5 to 40 ms. */
	private static RetryStrategy fastRetries(int maxAttempts) {
		BackoffStrategy backoff = BackoffStrategy.exponentialDelay(Duration.ofMillis(5), Duration.ofMillis(40));
		return AwsRetryStrategy.standardRetryStrategy()
			.toBuilder()
			.maxAttempts(maxAttempts)
			.backoffStrategy(backoff)
			.throttlingBackoffStrategy(backoff)
			.circuitBreakerEnabled(false)
			.build();
	}

	private static DynamoDbAsyncClientBuilder asyncBuilder(URI endpoint) {
		return DynamoDbAsyncClient.builder()
			.endpointOverride(endpoint)
			.region(Region.US_EAST_1)
			.credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)));
	}

	private static DynamoDbClientBuilder builder(URI endpoint, AwsCredentials credentials) {
		return DynamoDbClient.builder()
			.endpointOverride(endpoint)
			.region(Region.US_EAST_1)
			.credentialsProvider(StaticCredentialsProvider.create(credentials))
			.httpClientBuilder(Apache5HttpClient.builder().maxConnections(64).connectionTimeout(Duration.ofSeconds(2)));
	}

	/** Creates a fresh table with hash key {@code ns} and range key {@code k}, and waits until it is ACTIVE. */
	static String createTable(DynamoDbClient client, String purpose) {
		String table = "rel-" + purpose + "-" + RUN + "-" + TABLES.incrementAndGet();
		client.createTable((r) -> r.tableName(table)
			.billingMode(BillingMode.PAY_PER_REQUEST)
			.attributeDefinitions((a) -> a.attributeName("ns").attributeType(ScalarAttributeType.S),
					(a) -> a.attributeName("k").attributeType(ScalarAttributeType.S))
			.keySchema((k) -> k.attributeName("ns").keyType(KeyType.HASH),
					(k) -> k.attributeName("k").keyType(KeyType.RANGE)));
		// Polled: the SDK's waiter sleeps 20 s while dynalite reports CREATING for a moment.
		Instant deadline = Instant.now().plusSeconds(10);
		while (client.describeTable((r) -> r.tableName(table)).table().tableStatus() != TableStatus.ACTIVE) {
			if (Instant.now().isAfter(deadline)) {
				throw new IllegalStateException("Table " + table + " is not ACTIVE after 10 s");
			}
			sleep(Duration.ofMillis(5));
		}
		return table;
	}

	static void sleep(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
