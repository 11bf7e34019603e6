package dev.dynamodown.sample;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Runs the packaged jar the way the README does, {@code java -jar
 * target/dynamodown-sample-app-*.jar}, as a separate process: it must come up healthy on its
 * own embedded dynalite, answer the API, the repository and the asynchronous template on
 * loopback only (the machine's other addresses refuse connections), and leave no Node.js process
 * behind when stopped with SIGTERM. Once as is, once with the bean definitions Spring AOT
 * generated at build time ({@code -Dspring.aot.enabled=true}, the JVM side of a native image).
 * Run by failsafe after {@code package}; {@code sample.jar} names the jar.
 */
class SampleJarIT {

	static final Duration STARTUP = Duration.ofSeconds(90);

	final JsonMapper json = JsonMapper.builder().build();

	final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	@Test
	void startsServesAndStopsWithoutLeavingNodeBehind(@TempDir Path dir) throws Exception {
		runTheJar(dir, List.of());
	}

	@Test
	void startsServesAndStopsWithAotGeneratedBeanDefinitions(@TempDir Path dir) throws Exception {
		String log = runTheJar(dir, List.of("-Dspring.aot.enabled=true"));
		assertThat(log).as("the app's log").contains("Starting AOT-processed SampleApplication");
	}

	/** Runs the jar with extra JVM options through its life, and returns what it logged. */
	String runTheJar(Path dir, List<String> jvmOptions) throws Exception {
		Path jar = Path.of(System.getProperty("sample.jar", "target/dynamodown-sample-app-0.1.0-SNAPSHOT.jar"));
		assertThat(jar).as("the packaged sample").isRegularFile();
		Path log = dir.resolve("sample.log");
		int port = freePort();
		Path java = Path.of(System.getProperty("java.home"), "bin", "java");
		List<String> command = new ArrayList<>();
		command.add(java.toString());
		command.addAll(jvmOptions);
		command.addAll(List.of("-jar", jar.toString(), "--server.port=" + port));
		Process app = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(log.toFile())
			.start();
		try {
			String base = "http://127.0.0.1:" + port;
			awaitHealthy(app, base + "/actuator/health", log);

			JsonNode meetups = this.json
				.readTree(send(HttpRequest.newBuilder(URI.create(base + "/api/meetups?limit=2")).build()));
			assertThat(meetups.at("/items/0/value/name").asString()).isEqualTo("BrooklynJS");
			assertThat(meetups.at("/next").asString()).isEqualTo("jerseyscriptusa");
			assertThat(send(HttpRequest.newBuilder(URI.create(base + "/api/notes/from-the-jar"))
				.header("Content-Type", "application/json")
				.PUT(BodyPublishers.ofString("\"hello\""))
				.build())).contains("\"value\":\"hello\"");
			assertThat(send(HttpRequest.newBuilder(URI.create(base + "/api/notes/from-the-jar")).build()))
				.isEqualTo("{\"key\":\"from-the-jar\",\"value\":\"hello\"}");
			JsonNode repository = this.json.readTree(
					send(HttpRequest.newBuilder(URI.create(base + "/api/repository/meetups?prefix=b")).build()));
			assertThat(repository.at("/items/0/key").asString()).isEqualTo("brooklyn_js");
			assertThat(repository.at("/items/0/name").asString()).isEqualTo("BrooklynJS");
			assertThat(send(HttpRequest.newBuilder(URI.create(base + "/api/async/meetups?prefix=b")).build()))
				.as("the asynchronous template's publisher, as NDJSON")
				.startsWith("{\"key\":\"brooklyn_js\",\"value\":{\"name\":\"BrooklynJS\"");

			// Not open to the network by default: only loopback answers.
			for (InetAddress address : Listening.networkAddresses()) {
				assertThat(Listening.accepts(address, port)).as("port %d at %s", port, address).isFalse();
			}

			List<ProcessHandle> nodes = app.descendants().filter(SampleJarIT::isNode).toList();
			assertThat(nodes).as("dynalite's Node.js process, a descendant of the app").isNotEmpty();

			app.destroy(); // SIGTERM, as Ctrl-C or a service manager would stop it
			assertThat(app.waitFor(30, TimeUnit.SECONDS)).as("the app stops on SIGTERM").isTrue();
			for (ProcessHandle node : nodes) {
				node.onExit().get(10, TimeUnit.SECONDS);
				assertThat(node.isAlive()).as("node process " + node.pid() + " after the app stopped").isFalse();
			}
			return Files.readString(log);
		}
		finally {
			app.descendants().forEach(ProcessHandle::destroyForcibly);
			app.destroyForcibly();
		}
	}

	void awaitHealthy(Process app, String health, Path log) throws Exception {
		long deadline = System.nanoTime() + STARTUP.toNanos();
		String last = "no answer";
		while (System.nanoTime() < deadline) {
			if (!app.isAlive()) {
				fail("The sample exited with " + app.exitValue() + " before it was healthy:%n%s", Files.readString(log));
			}
			try {
				HttpResponse<String> response = this.http.send(
						HttpRequest.newBuilder(URI.create(health)).timeout(Duration.ofSeconds(5)).build(),
						BodyHandlers.ofString());
				last = response.statusCode() + " " + response.body();
				if (response.statusCode() == 200) {
					assertThat(this.json.readTree(response.body()).at("/components/dynamodown/status").asString())
						.as(last)
						.isEqualTo("UP");
					return;
				}
			}
			catch (IOException notListeningYet) {
				last = notListeningYet.toString();
			}
			Thread.sleep(250);
		}
		fail("The sample was not healthy within %s (last: %s):%n%s", STARTUP, last, Files.readString(log));
	}

	String send(HttpRequest request) throws Exception {
		HttpResponse<String> response = this.http.send(request, BodyHandlers.ofString());
		assertThat(response.statusCode()).as(request.method() + " " + request.uri() + ": " + response.body())
			.isEqualTo(200);
		return response.body();
	}

	static boolean isNode(ProcessHandle process) {
		return process.info().command().map((command) -> Path.of(command).getFileName().toString())
			.filter((name) -> name.equals("node") || name.startsWith("node"))
			.isPresent();
	}

	static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
