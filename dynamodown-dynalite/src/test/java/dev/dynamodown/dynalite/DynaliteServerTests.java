package dev.dynamodown.dynalite;

import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.catchThrowable;

class DynaliteServerTests {

	@Test
	void startsOnAFreePortAnswersAndStops() throws Exception {
		DynaliteServer server = DynaliteServer.start();
		try (server) {
			assertThat(server.isRunning()).isTrue();
			assertThat(server.port()).isPositive().isNotEqualTo(4567);
			assertThat(server.endpoint()).hasToString("http://127.0.0.1:" + server.port());
			assertThat(ReadinessProbe.check(server.endpoint(), Duration.ofSeconds(5))).isNull();
			assertThat(ProcessHandle.of(server.pid())).hasValueSatisfying((node) -> assertThat(node.isAlive()).isTrue());
		}
		assertThat(server.isRunning()).isFalse();
		assertThat(ProcessHandle.of(server.pid()).filter(ProcessHandle::isAlive)).isEmpty();
		assertThat(ReadinessProbe.check(server.endpoint(), Duration.ofSeconds(5))).contains("ListTables failed");
		server.close(); // idempotent
	}

	/**
	 * A client that gives up in the middle of sending a request body (a reset connection, an
	 * attempt timed out, a JVM closing its pool) must not take the server down: dynalite throws
	 * from the request's error listener, which would end the process.
	 */
	@Test
	void aRequestAbandonedHalfwayThroughItsBodyLeavesTheServerRunning() throws Exception {
		try (DynaliteServer server = DynaliteServer.start()) {
			for (int i = 0; i < 3; i++) {
				try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
					socket.getOutputStream().write(("POST / HTTP/1.1\r\nHost: 127.0.0.1\r\n"
							+ "X-Amz-Target: DynamoDB_20120810.ListTables\r\nContent-Type: application/x-amz-json-1.0\r\n"
							+ "Content-Length: 1000\r\n\r\n{\"Limit\":").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
					socket.getOutputStream().flush();
					Thread.sleep(100);
					socket.setSoLinger(true, 0); // closed with a reset, the body never finished
				}
			}
			Thread.sleep(300);
			assertThat(server.isRunning()).isTrue();
			assertThat(ReadinessProbe.check(server.endpoint(), Duration.ofSeconds(5))).isNull();
		}
	}

	@Test
	void runsTwoIndependentServersAtOnce() throws Exception {
		try (DynaliteServer first = DynaliteServer.start();
				DynaliteServer second = DynaliteServer.start();
				DynamoDbClient firstClient = TestDynamoDb.client(first);
				DynamoDbClient secondClient = TestDynamoDb.client(second)) {
			assertThat(first.port()).isNotEqualTo(second.port());
			assertThat(first.pid()).isNotEqualTo(second.pid());
			TestDynamoDb.createTable(firstClient, "only-in-first");
			assertThat(firstClient.listTables().tableNames()).containsExactly("only-in-first");
			assertThat(secondClient.listTables().tableNames()).isEmpty();
		}
	}

	@Test
	void keepsDataInADataDirectoryAcrossRestarts(@TempDir Path data) throws Exception {
		Map<String, AttributeValue> item = Map.of("ns", AttributeValue.fromS("notes"), "k", AttributeValue.fromS("a"),
				"text", AttributeValue.fromS("kept"));
		DynaliteOptions options = DynaliteOptions.builder().dataDirectory(data.resolve("level")).build();
		try (DynaliteServer server = DynaliteServer.start(options); DynamoDbClient client = TestDynamoDb.client(server)) {
			TestDynamoDb.createTable(client, "kept");
			client.putItem((put) -> put.tableName("kept").item(item));
		}
		assertThat(data.resolve("level/CURRENT")).isRegularFile();
		try (DynaliteServer server = DynaliteServer.start(options); DynamoDbClient client = TestDynamoDb.client(server)) {
			Map<String, AttributeValue> key = Map.of("ns", item.get("ns"), "k", item.get("k"));
			assertThat(client.getItem((get) -> get.tableName("kept").key(key)).item()).isEqualTo(item);
		}
	}

	@Test
	void refusesADataDirectoryThatAnotherServerUses(@TempDir Path data) throws Exception {
		DynaliteOptions options = DynaliteOptions.builder().dataDirectory(data).build();
		try (DynaliteServer first = DynaliteServer.start(options)) {
			assertThatExceptionOfType(DynaliteException.class).isThrownBy(() -> DynaliteServer.start(options))
				.withMessageStartingWith("dynalite cannot open its data directory " + data + ": is another server using it?")
				.withMessageContaining("DYNALITE_FAILED EDATADIR");
			assertThat(ReadinessProbe.check(first.endpoint(), Duration.ofSeconds(5))).isNull();
		}
	}

	@Test
	void capturesWhatTheProcessPrints() {
		try (DynaliteServer server = DynaliteServer.start()) {
			assertThat(server.output()).startsWith("DYNALITE_READY port=" + server.port() + "\n");
		}
	}

	@Test
	void namesATakenPortAndShowsTheOutput() {
		try (DynaliteServer taken = DynaliteServer.start()) {
			assertThatExceptionOfType(DynaliteException.class)
				.isThrownBy(() -> DynaliteServer.start(DynaliteOptions.builder().port(taken.port()).build()))
				.withMessageStartingWith("Port " + taken.port() + " on 127.0.0.1 is already in use")
				.withMessageContaining("DYNALITE_FAILED EADDRINUSE");
			assertThat(taken.isRunning()).isTrue();
		}
	}

	@Test
	void failsWithTheOutputWhenItDoesNotStartInTime() {
		Throwable failure = catchThrowable(
				() -> DynaliteServer.start(DynaliteOptions.builder().startupTimeout(Duration.ofMillis(1)).build()));
		assertThat(failure).isInstanceOf(DynaliteException.class)
			.hasMessageStartingWith("dynalite did not start within PT0.001S (DynaliteOptions.startupTimeout). Its output:");
	}

	@Test
	void listensOnLoopbackOnly() throws Exception {
		try (DynaliteServer server = DynaliteServer.start()) {
			try (Socket loopback = new Socket()) {
				loopback.connect(new InetSocketAddress("127.0.0.1", server.port()), 2000);
				assertThat(loopback.isConnected()).isTrue();
			}
			Optional<InetAddress> other = otherLocalAddress();
			if (other.isEmpty()) {
				System.out.println("listensOnLoopbackOnly: this machine has no address but loopback; "
						+ "not checking that another local address is refused");
				return;
			}
			try (Socket socket = new Socket()) {
				assertThatExceptionOfType(ConnectException.class).as("connecting to %s", other.get())
					.isThrownBy(() -> socket.connect(new InetSocketAddress(other.get(), server.port()), 2000));
			}
		}
	}

	@Test
	void sharesOneServerPerJvmThatCloseDoesNotStop() {
		DynaliteServer shared = DynaliteServer.shared();
		shared.close();
		assertThat(shared.isRunning()).isTrue();
		assertThat(DynaliteServer.shared()).isSameAs(shared);
	}

	private static Optional<InetAddress> otherLocalAddress() throws SocketException {
		return NetworkInterface.networkInterfaces()
			.filter(DynaliteServerTests::isUp)
			.flatMap(NetworkInterface::inetAddresses)
			.filter((address) -> !address.isLoopbackAddress() && !address.isLinkLocalAddress())
			.findFirst();
	}

	private static boolean isUp(NetworkInterface networkInterface) {
		try {
			return networkInterface.isUp();
		}
		catch (SocketException ex) {
			return false;
		}
	}

}
