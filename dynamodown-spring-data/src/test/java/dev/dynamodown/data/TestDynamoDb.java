package dev.dynamodown.data;

import java.util.function.Consumer;

import dev.dynamodown.DynamoDown;
import dev.dynamodown.dynalite.DynaliteServer;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;

/** Clients of the JVM's shared dynalite server and the tables the tests use. */
public final class TestDynamoDb {

	/** The default table ({@code dynamodown.table}) of the tests. */
	public static final String TABLE = "repositories";

	/** The table of {@code @DynamoDownTable} entities. */
	public static final String ARCHIVE_TABLE = "archive";

	private TestDynamoDb() {
	}

	public static DynamoDbClient client(RequestLog log) {
		return builder(log, (configuration) -> {
		}).build();
	}

	/**
	 * A client whose requests can be made to fail, retrying a failed attempt only once (the
	 * client's own retries and their backoff would only slow the tests down).
	 * @param log where its requests are recorded
	 * @param failing the fault injection
	 * @return the client
	 */
	public static DynamoDbClient client(RequestLog log, FailingRequests failing) {
		return builder(log,
				(configuration) -> configuration.addExecutionInterceptor(failing).retryStrategy((retry) -> retry.maxAttempts(2)))
			.build();
	}

	private static DynamoDbClientBuilder builder(RequestLog log, Consumer<ClientOverrideConfiguration.Builder> more) {
		return DynamoDbClient.builder()
			.endpointOverride(DynaliteServer.shared().endpoint())
			.region(Region.US_EAST_1)
			.credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
			.httpClientBuilder(Apache5HttpClient.builder())
			.overrideConfiguration((configuration) -> more.accept(configuration.addExecutionInterceptor(log)));
	}

	/** A {@link DynamoDown} whose tables exist. */
	public static DynamoDown dynamoDown(DynamoDbClient client) {
		DynamoDown dynamoDown = DynamoDown.create(client);
		dynamoDown.createTableIfMissing(TABLE);
		dynamoDown.createTableIfMissing(ARCHIVE_TABLE);
		return dynamoDown;
	}

}
