package dev.dynamodown.benchmarks.client;

import java.net.URI;
import java.time.Duration;
import java.util.function.Consumer;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Builds the clients of a run: one per contender, all with the same region, dummy credentials, default retry
 * policy, connection limit and simulated latency, each with its own {@link RequestCounter}. Only the library
 * on top differs. The blocking {@link DynamoDbClient}s share one Apache 5 HTTP client configuration, the
 * asynchronous {@link DynamoDbAsyncClient}s one Netty NIO configuration.
 */
public final class BenchmarkClients {

	/**
	 * Enough pooled connections for the most concurrent variant measured (32 threads, 64 requests in flight),
	 * so that no contender ever waits for a connection.
	 */
	static final int MAX_CONNECTIONS = 64;

	private static final Duration CONNECTION_TIMEOUT = Duration.ofSeconds(2);

	private static final Duration SOCKET_TIMEOUT = Duration.ofSeconds(30);

	private final URI endpoint;

	private final SimulatedLatency latency;

	public BenchmarkClients(URI endpoint, Duration latency) {
		this.endpoint = endpoint;
		this.latency = new SimulatedLatency(latency);
	}

	/**
	 * Retries for a partition that is throttled for as long as it is written, as in the sharded-namespace rows:
	 * up to 50 attempts, 25 ms to 500 ms apart with full jitter (the SDK's default, 3 attempts with throttling
	 * backoff from one second, would fail most writes to a hot partition, or leave it idle while the threads
	 * sleep), without the SDK's retry quota (which stops retrying after many throttled attempts).
	 */
	public static final RetryStrategy PATIENT_RETRIES = AwsRetryStrategy.standardRetryStrategy()
		.toBuilder()
		.maxAttempts(50)
		.backoffStrategy(BackoffStrategy.exponentialDelay(Duration.ofMillis(25), Duration.ofMillis(500)))
		.throttlingBackoffStrategy(BackoffStrategy.exponentialDelay(Duration.ofMillis(25), Duration.ofMillis(500)))
		.circuitBreakerEnabled(false)
		.build();

	/** A client that reports each request to {@code counter}, with the SDK's default retries. Close it when done. */
	public DynamoDbClient create(RequestCounter counter) {
		return create(counter, (override) -> {
		});
	}

	/** A client that reports each request to {@code counter}, retrying with {@code retries}. Close it when done. */
	public DynamoDbClient create(RequestCounter counter, RetryStrategy retries) {
		return create(counter, (override) -> override.retryStrategy(retries));
	}

	private DynamoDbClient create(RequestCounter counter, Consumer<ClientOverrideConfiguration.Builder> more) {
		return configure(DynamoDbClient.builder(), counter, more).httpClientBuilder(Apache5HttpClient.builder()
			.maxConnections(MAX_CONNECTIONS)
			.connectionTimeout(CONNECTION_TIMEOUT)
			.socketTimeout(SOCKET_TIMEOUT)).build();
	}

	/**
	 * An asynchronous client (Netty NIO) that reports each request to {@code counter}: requests beyond its
	 * {@value #MAX_CONNECTIONS} connections wait for one. Close it when done.
	 */
	public DynamoDbAsyncClient createAsync(RequestCounter counter) {
		return configure(DynamoDbAsyncClient.builder(), counter, (override) -> {
		}).httpClientBuilder(NettyNioAsyncHttpClient.builder()
			.maxConcurrency(MAX_CONNECTIONS)
			.maxPendingConnectionAcquires(10_000)
			.connectionAcquisitionTimeout(SOCKET_TIMEOUT)
			.connectionTimeout(CONNECTION_TIMEOUT)
			.readTimeout(SOCKET_TIMEOUT)
			.writeTimeout(SOCKET_TIMEOUT)).build();
	}

	private <B extends AwsClientBuilder<B, ?>> B configure(B builder, RequestCounter counter,
			Consumer<ClientOverrideConfiguration.Builder> more) {
		return builder.endpointOverride(this.endpoint)
			.region(Region.US_EAST_1)
			.credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("bench", "bench")))
			.overrideConfiguration((override) -> more.accept(override.addExecutionInterceptor(counter)
				.addExecutionInterceptor(this.latency)));
	}

}
