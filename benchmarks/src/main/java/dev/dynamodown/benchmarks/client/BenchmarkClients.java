package dev.dynamodown.benchmarks.client;

import java.net.URI;
import java.time.Duration;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Builds the {@link DynamoDbClient}s of a run: one per contender, all with the same Apache 5 HTTP client
 * configuration, region, dummy credentials, default retry policy and simulated latency, each with its own
 * {@link RequestCounter}. Only the library on top differs.
 */
public final class BenchmarkClients {

	/**
	 * Enough pooled connections for the most concurrent variant measured (32 threads) with room to spare, so
	 * that no contender ever waits for a connection.
	 */
	static final int MAX_CONNECTIONS = 64;

	private final URI endpoint;

	private final SimulatedLatency latency;

	public BenchmarkClients(URI endpoint, Duration latency) {
		this.endpoint = endpoint;
		this.latency = new SimulatedLatency(latency);
	}

	/** A client that reports each request to {@code counter}. Close it when done. */
	public DynamoDbClient create(RequestCounter counter) {
		return DynamoDbClient.builder()
			.endpointOverride(this.endpoint)
			.region(Region.US_EAST_1)
			.credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("bench", "bench")))
			.httpClientBuilder(Apache5HttpClient.builder()
				.maxConnections(MAX_CONNECTIONS)
				.connectionTimeout(Duration.ofSeconds(2))
				.socketTimeout(Duration.ofSeconds(30)))
			.overrideConfiguration(override -> override.addExecutionInterceptor(counter)
				.addExecutionInterceptor(this.latency))
			.build();
	}

}
