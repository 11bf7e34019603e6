package dev.dynamodown;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.util.UUID;

import dev.dynamodown.dynalite.DynaliteServer;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The dynalite server shared by every test of this JVM, tables of its own for each test,
 * and endpoints that never answer.
 */
public final class SharedDynalite {

	private SharedDynalite() {
	}

	/** The shared server's endpoint, starting it if needed. */
	public static URI endpoint() {
		return DynaliteServer.shared().endpoint();
	}

	/** Properties pointing the auto-configured client at the shared server. */
	public static String[] properties() {
		return new String[] { "dynamodown.endpoint=" + endpoint(), "dynamodown.region=us-east-1",
				"dynamodown.credentials.access-key=test-access-key",
				"dynamodown.credentials.secret-key=test-secret-key" };
	}

	/** Creates a store table (hash {@code ns}, range {@code k}) on the shared server. */
	public static void createTable(String table) {
		try (DynamoDbClient client = DynamoDbClient.builder()
			.endpointOverride(endpoint())
			.region(Region.US_EAST_1)
			.credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
			.build(); DynamoDown dynamoDown = DynamoDown.create(client)) {
			dynamoDown.createTableIfMissing(table);
		}
	}

	/** A table name no other test uses. */
	public static String uniqueTable(String prefix) {
		return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
	}

	/**
	 * A socket that accepts connections (the kernel completes the handshake) but never
	 * reads or answers: a request sent there waits until its timeout.
	 */
	public static ServerSocket blackHole() {
		try {
			return new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** A loopback port nobody listens on: connections are refused. */
	public static int closedPort() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
