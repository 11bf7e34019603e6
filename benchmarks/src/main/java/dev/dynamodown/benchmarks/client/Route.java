package dev.dynamodown.benchmarks.client;

import java.net.URI;
import java.time.Duration;

import dev.dynamodown.benchmarks.proxy.BenchmarkProxy;
import dev.dynamodown.benchmarks.proxy.PartitionThroughput;
import org.jspecify.annotations.Nullable;

/**
 * The way the contenders' requests take to the server in one latency mode: straight to it, the latency spent
 * by each client's {@link SimulatedLatency} interceptor on the calling thread; or through a
 * {@link BenchmarkProxy} that spends it on its own threads (and may model per-partition throughput). The
 * untimed admin client always goes straight to the server. Closing the route stops its proxy.
 */
public final class Route implements AutoCloseable {

	private final URI server;

	private final Duration interceptorLatency;

	private final @Nullable BenchmarkProxy proxy;

	private Route(URI server, Duration interceptorLatency, @Nullable BenchmarkProxy proxy) {
		this.server = server;
		this.interceptorLatency = interceptorLatency;
		this.proxy = proxy;
	}

	/** Straight to the server, {@code latency} spent in the clients' interceptor. */
	public static Route direct(URI server, Duration latency) {
		return new Route(server, latency, null);
	}

	/** Through a proxy started now that adds {@code latency}, applying {@code throughput} if not {@code null}. */
	public static Route proxied(URI server, Duration latency, @Nullable PartitionThroughput throughput) {
		return new Route(server, Duration.ZERO, BenchmarkProxy.start(server, latency, throughput));
	}

	/** Where the contenders' clients send their requests. */
	public URI contenders() {
		return (this.proxy != null) ? this.proxy.endpoint() : this.server;
	}

	/** The latency the contenders' clients add themselves (zero through a proxy). */
	public Duration interceptorLatency() {
		return this.interceptorLatency;
	}

	/** The server itself, for the untimed admin client. */
	public URI server() {
		return this.server;
	}

	/** The proxy of this route, or {@code null}. */
	public @Nullable BenchmarkProxy proxy() {
		return this.proxy;
	}

	@Override
	public void close() {
		if (this.proxy != null) {
			if (!this.proxy.errors().isEmpty()) {
				IllegalStateException failure = new IllegalStateException("The benchmark proxy failed");
				this.proxy.errors().forEach(failure::addSuppressed);
				this.proxy.close();
				throw failure;
			}
			this.proxy.close();
		}
	}

}
