package dev.dynamodown.autoconfigure;

import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;

import org.springframework.boot.context.properties.PropertyMapper;

/**
 * What every client the starter builds, the {@code DynamoDbClient} and the
 * {@code DynamoDbAsyncClient} alike, takes from the configuration: where it connects and as
 * whom ({@link DynamoDownConnectionDetails}), the bounds of each call and each attempt
 * ({@code dynamodown.client.*}), and the size of its HTTP connection pool. Written once, so that
 * the two clients of one application always agree.
 */
final class ClientSettings {

	/** Pooled connections per concurrent batch request, when max-connections is not set. */
	private static final int CONNECTIONS_PER_BATCH_REQUEST = 4;

	/** The AWS SDK's own default pool size, kept as the lower bound. */
	private static final int MIN_CONNECTIONS = 50;

	private ClientSettings() {
	}

	/**
	 * Applies the connection details and the timeouts to a client builder.
	 * @param builder the builder of either client
	 * @param properties the {@code dynamodown.*} properties
	 * @param connectionDetails where to connect, and as whom
	 * @return the builder
	 */
	static <B extends AwsClientBuilder<B, ?>> B apply(B builder, DynamoDownProperties properties,
			DynamoDownConnectionDetails connectionDetails) {
		PropertyMapper map = PropertyMapper.get();
		map.from(connectionDetails.getEndpoint()).to(builder::endpointOverride);
		map.from(connectionDetails.getRegion()).to(builder::region);
		map.from(connectionDetails.getCredentialsProvider()).to(builder::credentialsProvider);
		DynamoDownProperties.Client client = properties.getClient();
		return builder.overrideConfiguration((override) -> override.apiCallTimeout(client.getApiCallTimeout())
			.apiCallAttemptTimeout(client.getApiCallAttemptTimeout()));
	}

	/**
	 * The HTTP connections a client may hold: {@code dynamodown.client.max-connections}, else
	 * enough for the batches' concurrent requests and at least the AWS SDK's default.
	 * @param properties the {@code dynamodown.*} properties
	 * @return the pool size
	 */
	static int maxConnections(DynamoDownProperties properties) {
		Integer maxConnections = properties.getClient().getMaxConnections();
		if (maxConnections != null) {
			return maxConnections;
		}
		Integer batchConcurrency = properties.getBatch().getConcurrency();
		return Math.max(MIN_CONNECTIONS, (batchConcurrency != null) ? batchConcurrency * CONNECTIONS_PER_BATCH_REQUEST : 0);
	}

}
