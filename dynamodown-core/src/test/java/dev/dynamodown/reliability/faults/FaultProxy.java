package dev.dynamodown.reliability.faults;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Random;

import dev.dynamodown.loopback.ClientConnection;
import dev.dynamodown.loopback.DynamoAnswers;
import dev.dynamodown.loopback.HttpMessage;
import dev.dynamodown.loopback.LoopbackServer;
import dev.dynamodown.loopback.UpstreamConnection;

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

	private static final Duration UPSTREAM_READ_TIMEOUT = Duration.ofSeconds(30);

	private final InetSocketAddress upstream;

	private final LoopbackServer server;

	private final Random random;

	private final FaultLog log = new FaultLog();

	private volatile FaultPlan plan = FaultPlan.none();

	private FaultProxy(URI upstream, long seed) throws IOException {
		this.upstream = new InetSocketAddress(upstream.getHost(), upstream.getPort());
		this.random = new Random(seed);
		this.server = LoopbackServer.start("fault-proxy", this::serve);
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
		return this.server.endpoint();
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
		return this.server.errors();
	}

	@Override
	public void close() {
		this.server.close();
	}

	private void serve(ClientConnection client) throws IOException {
		for (HttpMessage request = client.nextRequest(); request != null; request = client.nextRequest()) {
			if (!handle(request, client)) {
				return;
			}
		}
	}

	/** Handles one request; {@code false} when the connection is done with. */
	private boolean handle(HttpMessage request, ClientConnection client) throws IOException {
		long received = System.nanoTime();
		String operation = DynamoAnswers.operation(request);
		Fault fault = this.plan.decide(operation);
		if (!fault.appliesTo(operation)) {
			fault = Fault.NONE;
		}
		switch (fault) {
			case NONE -> {
				this.log.record(request, operation, fault, received, 0);
				client.send(forward(request));
				return true;
			}
			case THROUGHPUT_EXCEEDED -> answer(request, operation, fault, received, client, DynamoAnswers.throughputExceeded(
					"The level of configured provisioned throughput for the table was exceeded (injected)"));
			case THROTTLING -> answer(request, operation, fault, received, client, DynamoAnswers.error(400,
					"com.amazon.coral.availability#ThrottlingException", "Rate of requests exceeds the allowed throughput (injected)"));
			case INTERNAL_ERROR -> answer(request, operation, fault, received, client, DynamoAnswers.error(500,
					"com.amazonaws.dynamodb.v20120810#InternalServerError", "Internal server error (injected)"));
			case UNAVAILABLE -> answer(request, operation, fault, received, client, DynamoAnswers.error(503,
					"com.amazonaws.dynamodb.v20120810#ServiceUnavailable", "Service unavailable (injected)"));
			case INVALID_SIGNATURE, UNRECOGNIZED_CLIENT -> answer(request, operation, fault, received, client,
					DynamoWire.authenticationError(fault == Fault.INVALID_SIGNATURE, request));
			case INTERNAL_ERROR_AFTER -> {
				forward(request);
				answer(request, operation, fault, received, client, DynamoAnswers.error(500,
						"com.amazonaws.dynamodb.v20120810#InternalServerError", "Internal server error (injected after applying)"));
			}
			case TRANSACTION_CANCELLED -> answer(request, operation, fault, received, client, DynamoWire.transactionCancelled());
			case TRANSACTION_APPLIED -> answer(request, operation, fault, received, client,
					DynamoAnswers.answer(200, "{}".getBytes(StandardCharsets.UTF_8)));
			case TIME_TO_LIVE_ENABLED -> answer(request, operation, fault, received, client, DynamoWire.timeToLiveEnabled(request));
			case RESET_BEFORE -> {
				this.log.record(request, operation, fault, received, 0);
				client.reset();
				return false;
			}
			case RESET_AFTER -> {
				forward(request);
				this.log.record(request, operation, fault, received, 0);
				client.reset();
				return false;
			}
			case STALL_BEFORE, STALL_AFTER -> {
				if (fault == Fault.STALL_AFTER) {
					forward(request);
				}
				this.log.record(request, operation, fault, received, 0);
				// Never answer: wait for the client to give up and close its end.
				client.awaitClientClose();
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
					answer(request, operation, Fault.NONE, received, client, upstreamAnswer);
					return true;
				}
				byte[] body = split.answer((upstreamAnswer != null) ? upstreamAnswer.body() : null);
				HttpMessage answer = (upstreamAnswer != null) ? DynamoAnswers.rewrite(upstreamAnswer, body)
						: DynamoAnswers.answer(200, body);
				this.log.record(request, operation, fault, received, split.heldCount());
				client.send(answer);
			}
		}
		return true;
	}

	private void answer(HttpMessage request, String operation, Fault fault, long received, ClientConnection client,
			HttpMessage answer) throws IOException {
		this.log.record(request, operation, fault, received, 0);
		client.send(answer);
	}

	/** Sends a request to dynalite on a fresh connection and reads its whole answer. */
	private HttpMessage forward(HttpMessage request) throws IOException {
		try (UpstreamConnection connection = new UpstreamConnection(this.upstream, UPSTREAM_READ_TIMEOUT)) {
			return connection.send(request.withHeader("Connection", "close")).withoutHeader("Connection");
		}
	}

}
