package dev.dynamodown.autoconfigure;

import java.net.URI;

import dev.dynamodown.dynalite.DynaliteOptions;
import dev.dynamodown.dynalite.DynaliteServer;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/**
 * A dynalite server owned by the application context: started when the bean is created,
 * stopped when the context closes (after the client, which depends on it). Its connection
 * details point at the server with region {@code us-east-1} and dummy static credentials,
 * which dynalite accepts without checking.
 */
final class EmbeddedDynalite implements DynamoDownConnectionDetails, AutoCloseable {

	private static final Log logger = LogFactory.getLog(EmbeddedDynalite.class);

	private static final AwsCredentialsProvider CREDENTIALS = StaticCredentialsProvider
		.create(AwsBasicCredentials.create("dynamodown", "dynamodown"));

	private final DynaliteServer server;

	private EmbeddedDynalite(DynaliteServer server) {
		this.server = server;
	}

	static EmbeddedDynalite start(DynamoDownProperties.Embedded properties) {
		DynaliteServer server = DynaliteServer.start(DynaliteOptions.builder()
			.port(properties.getPort())
			.dataDirectory(properties.getDataDir())
			.nodeExecutable(properties.getNodeExecutable())
			.build());
		logger.info("Started embedded dynalite at " + server.endpoint()
				+ ((properties.getDataDir() != null) ? " with data in " + properties.getDataDir() : " (in memory)"));
		return new EmbeddedDynalite(server);
	}

	@Override
	public URI getEndpoint() {
		return this.server.endpoint();
	}

	@Override
	public Region getRegion() {
		return Region.US_EAST_1;
	}

	@Override
	public AwsCredentialsProvider getCredentialsProvider() {
		return CREDENTIALS;
	}

	@Override
	public void close() {
		this.server.close();
		logger.info("Stopped embedded dynalite at " + this.server.endpoint());
	}

}
