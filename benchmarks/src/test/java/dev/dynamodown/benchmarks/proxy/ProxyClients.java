package dev.dynamodown.benchmarks.proxy;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import dev.dynamodown.benchmarks.client.Tables;
import dev.dynamodown.dynalite.DynaliteServer;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Clients for the proxy's tests: straight to the JVM's dynalite, or through a proxy. */
final class ProxyClients {

	private static final AtomicInteger TABLES = new AtomicInteger();

	private static final StaticCredentialsProvider CREDENTIALS = StaticCredentialsProvider
		.create(AwsBasicCredentials.create("proxy", "proxy"));

	private ProxyClients() {
	}

	static URI dynalite() {
		return DynaliteServer.shared().endpoint();
	}

	/**
	 * A client of {@code endpoint} making at most {@code maxAttempts} attempts per call (1: no retries; 0: the
	 * SDK's default retry policy, as the benchmark's clients have).
	 */
	static DynamoDbClient sync(URI endpoint, int maxAttempts) {
		DynamoDbClientBuilder builder = DynamoDbClient.builder()
			.endpointOverride(endpoint)
			.region(Region.US_EAST_1)
			.credentialsProvider(CREDENTIALS)
			.httpClientBuilder(Apache5HttpClient.builder().maxConnections(64).connectionTimeout(Duration.ofSeconds(2)));
		if (maxAttempts > 0) {
			builder.overrideConfiguration((o) -> o.retryStrategy((r) -> r.maxAttempts(maxAttempts)));
		}
		return builder.build();
	}

	/** An asynchronous (Netty) client of {@code endpoint} with up to {@code concurrency} requests in flight. */
	static DynamoDbAsyncClient async(URI endpoint, int concurrency) {
		return DynamoDbAsyncClient.builder()
			.endpointOverride(endpoint)
			.region(Region.US_EAST_1)
			.credentialsProvider(CREDENTIALS)
			.httpClientBuilder(NettyNioAsyncHttpClient.builder()
				.maxConcurrency(concurrency)
				.maxPendingConnectionAcquires(10_000)
				.connectionAcquisitionTimeout(Duration.ofSeconds(30)))
			.build();
	}

	/** A fresh table in the benchmarks' layout ({@code ns}, {@code k}). */
	static String table(DynamoDbClient direct, String purpose) {
		String table = "proxy-" + purpose + "-" + TABLES.incrementAndGet() + "-" + Long.toString(System.nanoTime() % 100_000, 36);
		Tables.create(direct, table);
		return table;
	}

	/** An item of the benchmarks' layout with a value of {@code valueLength} characters. */
	static Map<String, AttributeValue> item(String partition, String key, int valueLength) {
		return Map.of("ns", AttributeValue.fromS(partition), "k", AttributeValue.fromS(key), "value",
				AttributeValue.fromS("v".repeat(valueLength)));
	}

	static Map<String, AttributeValue> key(String partition, String key) {
		return Map.of("ns", AttributeValue.fromS(partition), "k", AttributeValue.fromS(key));
	}

}
