package dev.dynamodown.reliability.faults;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.jspecify.annotations.Nullable;

/**
 * A loopback HTTP proxy between a {@code DynamoDbClient} and dynalite that injects faults at the
 * wire, so that the SDK's own retry policy and the library see exactly what a real network and a
 * real DynamoDB would make them see: throttling and 5xx answers with the right {@code __type},
 * connection resets before or after the request was applied, answers that never come, and batch
 * requests of which a part is really not applied and reported unprocessed.
 * <p>
 * Each client connection is served by its own thread, one request at a time; each forwarded
 * request goes to dynalite on a fresh connection and is answered in full before the proxy
 * replies, so a request the proxy forwarded has been applied before the client sees anything.
 * Every request is logged ({@link #log()}); anything unexpected inside the proxy itself (not a
 * client hanging up) is kept in {@link #errors()} for tests to assert on.
 */
public final class FaultProxy implements AutoCloseable {

	private final InetSocketAddress upstream;

	private final ServerSocket server;

	private final ExecutorService threads = Executors.newCachedThreadPool((task) -> {
		Thread thread = new Thread(task, "fault-proxy");
		thread.setDaemon(true);
		return thread;
	});

	private final Set<Socket> open = ConcurrentHashMap.newKeySet();

	private final Random random;

	private final FaultLog log = new FaultLog();

	private final List<Throwable> errors = new CopyOnWriteArrayList<>();

	private volatile FaultPlan plan = FaultPlan.none();

	private volatile boolean closed;

	private FaultProxy(URI upstream, long seed) throws IOException {
		this.upstream = new InetSocketAddress(upstream.getHost(), upstream.getPort());
		this.random = new Random(seed);
		this.server = new ServerSocket(0, 128, InetAddress.getLoopbackAddress());
		this.threads.execute(this::accept);
	}

	/**
	 * Starts a proxy on a free loopback port.
	 * @param upstream dynalite's endpoint
	 * @param seed the seed of the proxy's own random choices (which batch entries it holds back)
	 */
	public static FaultProxy start(URI upstream, long seed) {
		try {
			return new FaultProxy(upstream, seed);
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot start the fault proxy", ex);
		}
	}

	/** Where clients connect: {@code http://127.0.0.1:port}. */
	public URI endpoint() {
		return URI.create("http://127.0.0.1:" + this.server.getLocalPort());
	}

	/** Replaces the plan deciding the fault of each request from now on. */
	public void plan(FaultPlan plan) {
		this.plan = Objects.requireNonNull(plan, "'plan' must not be null");
	}

	/** Every request received, with its fault. */
	public FaultLog log() {
		return this.log;
	}

	/** Failures of the proxy itself; a correct run has none. */
	public List<Throwable> errors() {
		return List.copyOf(this.errors);
	}

	@Override
	public void close() {
		this.closed = true;
		try {
			this.server.close();
		}
		catch (IOException ex) {
			// closing anyway
		}
		for (Socket socket : this.open) {
			closeQuietly(socket);
		}
		this.threads.shutdownNow();
	}

	private void accept() {
		while (!this.closed) {
			try {
				Socket client = this.server.accept();
				this.open.add(client);
				this.threads.execute(() -> serve(client));
			}
			catch (IOException ex) {
				if (!this.closed) {
					this.errors.add(ex);
				}
				return;
			}
		}
	}

	private void serve(Socket client) {
		try (client) {
			client.setTcpNoDelay(true);
			InputStream in = new BufferedInputStream(client.getInputStream());
			OutputStream out = new BufferedOutputStream(client.getOutputStream());
			for (HttpMessage request = HttpMessage.read(in); request != null; request = HttpMessage.read(in)) {
				if (request.header("Expect") != null) {
					throw new IllegalStateException("Expect: 100-continue is not supported by the fault proxy");
				}
				if (!handle(request, client, in, out)) {
					return;
				}
			}
		}
		catch (SocketException ex) {
			// the client hung up (after its timeout, or on close): nothing to report
		}
		catch (IOException | RuntimeException ex) {
			if (!this.closed) {
				this.errors.add(ex);
			}
		}
		finally {
			this.open.remove(client);
		}
	}

	/** Handles one request; {@code false} when the connection is done with. */
	private boolean handle(HttpMessage request, Socket client, InputStream in, OutputStream out) throws IOException {
		long received = System.nanoTime();
		String operation = DynamoWire.operation(request);
		Fault fault = this.plan.decide(operation);
		if (!fault.appliesTo(operation)) {
			fault = Fault.NONE;
		}
		switch (fault) {
			case NONE -> {
				this.log.record(request, operation, fault, received, 0);
				forward(request).write(out);
				return true;
			}
			case THROUGHPUT_EXCEEDED -> answer(request, operation, fault, received, out, DynamoWire.error(400,
					"com.amazonaws.dynamodb.v20120810#ProvisionedThroughputExceededException",
					"The level of configured provisioned throughput for the table was exceeded (injected)"));
			case THROTTLING -> answer(request, operation, fault, received, out, DynamoWire.error(400,
					"com.amazon.coral.availability#ThrottlingException", "Rate of requests exceeds the allowed throughput (injected)"));
			case INTERNAL_ERROR -> answer(request, operation, fault, received, out, DynamoWire.error(500,
					"com.amazonaws.dynamodb.v20120810#InternalServerError", "Internal server error (injected)"));
			case UNAVAILABLE -> answer(request, operation, fault, received, out, DynamoWire.error(503,
					"com.amazonaws.dynamodb.v20120810#ServiceUnavailable", "Service unavailable (injected)"));
			case INVALID_SIGNATURE, UNRECOGNIZED_CLIENT -> answer(request, operation, fault, received, out,
					DynamoWire.authenticationError(fault == Fault.INVALID_SIGNATURE, request));
			case INTERNAL_ERROR_AFTER -> {
				forward(request);
				answer(request, operation, fault, received, out, DynamoWire.error(500,
						"com.amazonaws.dynamodb.v20120810#InternalServerError", "Internal server error (injected after applying)"));
			}
			case TRANSACTION_CANCELLED -> answer(request, operation, fault, received, out, DynamoWire.transactionCancelled());
			case TRANSACTION_APPLIED -> answer(request, operation, fault, received, out,
					DynamoWire.answer(200, "OK", "{}".getBytes(StandardCharsets.UTF_8)));
			case TIME_TO_LIVE_ENABLED -> answer(request, operation, fault, received, out, DynamoWire.timeToLiveEnabled(request));
			case RESET_BEFORE -> {
				this.log.record(request, operation, fault, received, 0);
				reset(client);
				return false;
			}
			case RESET_AFTER -> {
				forward(request);
				this.log.record(request, operation, fault, received, 0);
				reset(client);
				return false;
			}
			case STALL_BEFORE, STALL_AFTER -> {
				if (fault == Fault.STALL_AFTER) {
					forward(request);
				}
				this.log.record(request, operation, fault, received, 0);
				// Never answer: wait for the client to give up and close its end.
				while (in.read() >= 0) {
					// discard
				}
				return false;
			}
			case PARTIALLY_UNPROCESSED, ALL_UNPROCESSED -> {
				DynamoWire.Split split;
				synchronized (this.random) {
					split = DynamoWire.split(operation, request.body(), this.random, fault == Fault.ALL_UNPROCESSED);
				}
				byte[] forwardedBody = split.forwardedBody();
				HttpMessage upstreamAnswer = (forwardedBody != null) ? forward(request.withBody(forwardedBody)) : null;
				if (upstreamAnswer != null && upstreamAnswer.status() != 200) {
					// dynalite refused the rest: pass its error on untouched
					answer(request, operation, Fault.NONE, received, out, upstreamAnswer);
					return true;
				}
				byte[] body = split.answer((upstreamAnswer != null) ? upstreamAnswer.body() : null);
				HttpMessage answer = (upstreamAnswer != null) ? DynamoWire.rewrite(upstreamAnswer, body)
						: DynamoWire.answer(200, "OK", body);
				this.log.record(request, operation, fault, received, split.heldCount());
				answer.write(out);
			}
		}
		return true;
	}

	private void answer(HttpMessage request, String operation, Fault fault, long received, OutputStream out,
			HttpMessage answer) throws IOException {
		this.log.record(request, operation, fault, received, 0);
		answer.write(out);
	}

	/** Sends a request to dynalite on a fresh connection and reads its whole answer. */
	private HttpMessage forward(HttpMessage request) throws IOException {
		try (Socket socket = new Socket()) {
			socket.connect(this.upstream, 5_000);
			socket.setSoTimeout(30_000);
			socket.setTcpNoDelay(true);
			OutputStream out = new BufferedOutputStream(socket.getOutputStream());
			request.withHeader("Connection", "close").write(out);
			@Nullable HttpMessage answer = HttpMessage.read(new BufferedInputStream(socket.getInputStream()));
			if (answer == null) {
				throw new IOException("dynalite closed the connection without answering");
			}
			return answer.withoutHeader("Connection");
		}
	}

	/** Closes the connection with a TCP reset instead of an orderly close. */
	private static void reset(Socket client) throws IOException {
		client.setSoLinger(true, 0);
		client.close();
	}

	private static void closeQuietly(Socket socket) {
		try {
			socket.close();
		}
		catch (IOException ex) {
			// closing anyway
		}
	}

}
