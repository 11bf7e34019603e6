package dev.dynamodown.benchmarks.proxy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import dev.dynamodown.loopback.ClientConnection;
import dev.dynamodown.loopback.HttpMessage;
import dev.dynamodown.loopback.LoopbackServer;
import dev.dynamodown.loopback.UpstreamConnection;
import org.jspecify.annotations.Nullable;

/**
 * A loopback HTTP proxy between the benchmark's clients and the server (dynalite), standing for the network
 * and for what dynalite does not model:
 * <ul>
 * <li><b>Latency.</b> Every request is held for the configured latency after the proxy has read it, then
 * forwarded: a round trip's time, spent on a thread of the proxy, never on the client's. An asynchronous
 * client with one caller thread and 64 requests in flight sees 64 requests delayed at once, as on a real
 * network; a retry waits again. Each client connection has its own proxy thread and its own keep-alive
 * connection to the server ({@link UpstreamConnection}): requests of one connection come one at a time
 * (HTTP/1.1 without pipelining), so holding that thread delays nothing else.</li>
 * <li><b>Per-partition throughput</b> (optional): a {@link PartitionThroughput} model applied to each request
 * after its latency, answering like DynamoDB beyond the limit.</li>
 * </ul>
 * Without a model the proxy relays requests and answers unchanged, byte for byte in their bodies, so it
 * works in front of any DynamoDB-compatible endpoint. The proxy's threads are daemons; {@link #close()}
 * stops them and drops every connection. Failures inside the proxy (not a client hanging up) are kept in
 * {@link #errors()}; a correct run has none.
 */
public final class BenchmarkProxy implements AutoCloseable {

	/** No answer of a local server takes this long; a hung server fails the request instead of hanging it. */
	private static final Duration UPSTREAM_READ_TIMEOUT = Duration.ofSeconds(60);

	private final InetSocketAddress upstream;

	private final long latencyNanos;

	private final @Nullable PartitionThroughput throughput;

	private final @Nullable Throttler throttler;

	private final LoopbackServer server;

	private final AtomicLong requests = new AtomicLong();

	private final AtomicInteger delayed = new AtomicInteger();

	private final AtomicInteger mostDelayed = new AtomicInteger();

	private BenchmarkProxy(URI upstream, Duration latency, @Nullable PartitionThroughput throughput) throws IOException {
		Objects.requireNonNull(upstream, "'upstream' must not be null");
		if (latency.isNegative()) {
			throw new IllegalArgumentException("'latency' must not be negative, was " + latency);
		}
		this.upstream = new InetSocketAddress(upstream.getHost(), upstream.getPort());
		this.latencyNanos = latency.toNanos();
		this.throughput = throughput;
		this.throttler = (throughput != null) ? new Throttler(throughput) : null;
		this.server = LoopbackServer.start("benchmark-proxy", this::serve);
	}

	/**
	 * Starts a proxy on a free loopback port.
	 * @param upstream the server's endpoint ({@code http} only)
	 * @param latency added to every request, zero for none
	 * @param throughput the per-partition limit to apply, or {@code null} for none
	 * @return the running proxy
	 */
	public static BenchmarkProxy start(URI upstream, Duration latency, @Nullable PartitionThroughput throughput) {
		try {
			return new BenchmarkProxy(upstream, latency, throughput);
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot start the benchmark proxy", ex);
		}
	}

	/** Where clients connect: {@code http://127.0.0.1:port}. */
	public URI endpoint() {
		return this.server.endpoint();
	}

	public Duration latency() {
		return Duration.ofNanos(this.latencyNanos);
	}

	/** The throughput model applied, or {@code null}. */
	public @Nullable PartitionThroughput throughput() {
		return this.throughput;
	}

	/** Requests received so far. */
	public long requests() {
		return this.requests.get();
	}

	/** The most requests that were inside their latency at the same moment. */
	public int mostDelayedAtOnce() {
		return this.mostDelayed.get();
	}

	/** Failures of the proxy itself, or of its connections to the server; a correct run has none. */
	public List<Throwable> errors() {
		return this.server.errors();
	}

	@Override
	public void close() {
		this.server.close();
	}

	private void serve(ClientConnection client) throws IOException {
		try (UpstreamConnection upstream = new UpstreamConnection(this.upstream, UPSTREAM_READ_TIMEOUT)) {
			for (HttpMessage request = client.nextRequest(); request != null; request = client.nextRequest()) {
				this.requests.incrementAndGet();
				if (!delay()) {
					return;
				}
				HttpMessage answer = (this.throttler != null) ? this.throttler.exchange(request, upstream::send)
						: upstream.send(request);
				// The server may close its side; the client's connection stays open unless the client asked.
				client.send(answer.closes() ? answer.withHeader("Connection", "keep-alive") : answer);
				if (request.closes()) {
					return;
				}
			}
		}
	}

	/** Holds the current request for the latency; {@code false} if the proxy is closing. */
	private boolean delay() {
		if (this.latencyNanos == 0) {
			return true;
		}
		long deadline = System.nanoTime() + this.latencyNanos;
		int now = this.delayed.incrementAndGet();
		this.mostDelayed.accumulateAndGet(now, Math::max);
		try {
			for (long left = this.latencyNanos; left > 0; left = deadline - System.nanoTime()) {
				LockSupport.parkNanos(left);
				if (Thread.interrupted()) {
					return false;
				}
			}
			return true;
		}
		finally {
			this.delayed.decrementAndGet();
		}
	}

}
