package dev.dynamodown.dynalite;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

import org.jspecify.annotations.Nullable;

/**
 * A running dynalite 4.0.0, the open-source DynamoDB implementation, as a Node.js child process
 * listening on 127.0.0.1 only. Point a {@code DynamoDbClient} at {@link #endpoint()} with any
 * region and any credentials.
 *
 * <pre>{@code
 * try (DynaliteServer dynalite = DynaliteServer.start()) {
 *     DynamoDbClient client = DynamoDbClient.builder()
 *         .endpointOverride(dynalite.endpoint())
 *         .region(Region.US_EAST_1)
 *         .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("x", "x")))
 *         .build();
 * }
 * }</pre>
 * <p>
 * Guarantees: {@code start} returns only once the server answered a DynamoDB request, or throws
 * {@link DynaliteException} with what the process printed. The process never outlives the JVM: it is
 * stopped by {@link #close()}, by a shutdown hook, and, should the JVM be killed outright, by the
 * launcher itself, which exits when its stdin (held by this JVM) closes. Tables become ACTIVE almost
 * at once (dynalite's create/delete/update delays are set to 0), though a table may still report
 * CREATING for a moment after {@code CreateTable}. Thread-safe.
 */
public final class DynaliteServer implements AutoCloseable {

	private static final String HOST = "127.0.0.1";

	private static @Nullable DynaliteServer shared;

	private final Process process;

	private final ProcessOutput output;

	private final int port;

	private final boolean isShared;

	private final Thread shutdownHook;

	private final AtomicBoolean stopped = new AtomicBoolean();

	private DynaliteServer(Process process, ProcessOutput output, int port, boolean isShared) {
		this.process = process;
		this.output = output;
		this.port = port;
		this.isShared = isShared;
		this.shutdownHook = new Thread(this::stop, "dynalite-stop-" + port);
		Runtime.getRuntime().addShutdownHook(this.shutdownHook);
	}

	/**
	 * Starts a server on a free port with its data in memory.
	 * @throws DynaliteException if it cannot be started
	 */
	public static DynaliteServer start() {
		return start(DynaliteOptions.defaults());
	}

	/**
	 * Starts a server as the options say.
	 * @throws DynaliteException if it cannot be started: Node.js missing or older than 20, the port
	 * taken, or no answer within {@link DynaliteOptions#startupTimeout()}
	 */
	public static DynaliteServer start(DynaliteOptions options) {
		Objects.requireNonNull(options, "'options' must not be null");
		return start(options, false);
	}

	/**
	 * The server shared by everything in this JVM (in memory, on a free port), started by the first
	 * call. {@link #close()} does nothing on it: it stops when the JVM exits. Should it have died, the
	 * next call starts a new one (on another port). Sharing it keeps test suites fast; give each
	 * test its own table or namespace.
	 * @throws DynaliteException if it cannot be started
	 */
	public static synchronized DynaliteServer shared() {
		DynaliteServer server = shared;
		if (server == null || !server.isRunning()) {
			server = start(DynaliteOptions.defaults(), true);
			shared = server;
		}
		return server;
	}

	private static DynaliteServer start(DynaliteOptions options, boolean isShared) {
		long deadline = System.nanoTime() + options.startupTimeout().toNanos();
		NodeRuntime node = NodeRuntime.locate(options.nodeExecutable());
		Path launcher = DynaliteDistribution.launcher();
		Process process = launch(node, launcher, options);
		ProcessOutput output = ProcessOutput.capture(process);
		try {
			int port = awaitReady(process, output, options, untilDeadline(deadline));
			DynaliteServer server = new DynaliteServer(process, output, port, isShared);
			// A second more: it is listening, so a probe that times out now means it is stuck.
			String problem = ReadinessProbe.check(server.endpoint(), untilDeadline(deadline).plusSeconds(1));
			if (problem != null) {
				server.stop();
				server.removeShutdownHook();
				throw failure("dynalite on " + server.endpoint() + " does not answer: " + problem, output);
			}
			return server;
		}
		catch (InterruptedException ex) {
			process.destroyForcibly();
			Thread.currentThread().interrupt();
			throw new DynaliteException("Interrupted while starting dynalite", ex);
		}
		catch (RuntimeException ex) {
			process.destroyForcibly();
			throw ex;
		}
	}

	private static Process launch(NodeRuntime node, Path launcher, DynaliteOptions options) {
		List<String> command = new ArrayList<>(List.of(node.executable(), launcher.toString(), "--host", HOST,
				"--port", Integer.toString(options.port())));
		Path dataDirectory = options.dataDirectory();
		try {
			if (dataDirectory != null) {
				command.add("--path");
				command.add(Files.createDirectories(dataDirectory).toAbsolutePath().toString());
			}
			return new ProcessBuilder(command).directory(launcher.getParent().toFile())
				.redirectErrorStream(true)
				.start();
		}
		catch (IOException ex) {
			throw new DynaliteException("Could not start dynalite with " + command + ": " + ex.getMessage(), ex);
		}
	}

	private static Duration untilDeadline(long deadline) {
		return Duration.ofNanos(Math.max(deadline - System.nanoTime(), 0));
	}

	private static int awaitReady(Process process, ProcessOutput output, DynaliteOptions options, Duration timeout)
			throws InterruptedException {
		OptionalInt port;
		try {
			port = output.awaitReady(timeout);
		}
		catch (TimeoutException ex) {
			throw failure("dynalite did not start within " + options.startupTimeout()
					+ " (DynaliteOptions.startupTimeout)", output);
		}
		if (port.isPresent()) {
			return port.getAsInt();
		}
		process.waitFor(5, TimeUnit.SECONDS);
		String exit = process.isAlive() ? "stopped printing" : "exited with code " + process.exitValue();
		if (output.text().contains("DYNALITE_FAILED EADDRINUSE")) {
			throw failure("Port " + options.port() + " on " + HOST + " is already in use: choose another port, "
					+ "or 0 for a free one. dynalite " + exit, output);
		}
		if (output.text().contains("DYNALITE_FAILED EDATADIR")) {
			throw failure("dynalite cannot open its data directory " + options.dataDirectory()
					+ ": is another server using it? dynalite " + exit, output);
		}
		throw failure("dynalite " + exit + " before it was ready", output);
	}

	private static DynaliteException failure(String message, ProcessOutput output) {
		return new DynaliteException(message + ". Its output:\n" + output.text());
	}

	/** Where to send DynamoDB requests: {@code http://127.0.0.1:<port>}. */
	public URI endpoint() {
		return URI.create("http://" + HOST + ":" + this.port);
	}

	/** The port it listens on, the actual one when a free port was asked for. */
	public int port() {
		return this.port;
	}

	/**
	 * What the process printed (stdout and stderr), at most its last 64K characters: for diagnostics.
	 * Starts with the launcher's {@code DYNALITE_READY port=<port>} line.
	 */
	public String output() {
		return this.output.text();
	}

	/** Whether the process is alive and {@link #close()} was not called. */
	public boolean isRunning() {
		return !this.stopped.get() && this.process.isAlive();
	}

	/** The process id of the Node.js process. */
	public long pid() {
		return this.process.pid();
	}

	/**
	 * Stops the server and waits until the process has exited: closes its stdin (the launcher then
	 * closes dynalite and its LevelDB cleanly), after 5 s terminates it, after 3 s more kills it.
	 * Idempotent. Does nothing on the {@link #shared()} server, which stops when the JVM exits.
	 */
	@Override
	public void close() {
		if (this.isShared) {
			return;
		}
		stop();
		removeShutdownHook();
	}

	private void stop() {
		if (!this.stopped.compareAndSet(false, true)) {
			return;
		}
		try {
			this.process.getOutputStream().close();
			if (!this.process.waitFor(5, TimeUnit.SECONDS)) {
				this.process.destroy();
				if (!this.process.waitFor(3, TimeUnit.SECONDS)) {
					this.process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
				}
			}
		}
		catch (IOException ex) {
			this.process.destroyForcibly();
		}
		catch (InterruptedException ex) {
			this.process.destroyForcibly();
			Thread.currentThread().interrupt();
		}
	}

	private void removeShutdownHook() {
		try {
			Runtime.getRuntime().removeShutdownHook(this.shutdownHook);
		}
		catch (IllegalStateException ex) {
			// The JVM is shutting down: the hook runs or ran, and stop() is idempotent.
		}
	}

	@Override
	public String toString() {
		return "DynaliteServer[" + endpoint() + ", pid " + pid() + (this.isShared ? ", shared" : "") + "]";
	}

}
