package dev.dynamodown.benchmarks.proxy;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;

import dev.dynamodown.benchmarks.client.BenchmarkClients;
import dev.dynamodown.benchmarks.client.RequestCounter;
import dev.dynamodown.benchmarks.client.Tables;
import dev.dynamodown.benchmarks.harness.Medians;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * What the proxy itself costs, without latency: the same plain SDK loops ({@code PutItem} and {@code GetItem}
 * of ~200 B items, one thread, then {@code GetItem} from 8 threads) straight to the server and through a
 * proxy, in rounds that alternate which goes first; the figure of each is the median of its rounds. Also the
 * CPU time the proxy's threads spent per request they relayed: on a machine where the client, the proxy and
 * the server share the cores, that is the work the proxy takes from the others.
 */
public final class ProxyOverhead {

	private static final int REQUESTS = 2_000;

	private static final int THREADS = 8;

	private static final String NAMESPACE = "overhead";

	private static final String VALUE = "v".repeat(200);

	private ProxyOverhead() {
	}

	/** Runs the measurement against {@code server} and prints its table to {@code out}. */
	public static void measure(URI server, int rounds, PrintStream out, PrintStream progress) {
		String table = "bench-proxy-overhead";
		ExecutorService pool = Executors.newFixedThreadPool(THREADS);
		try (BenchmarkProxy proxy = BenchmarkProxy.start(server, Duration.ZERO, null);
				DynamoDbClient direct = new BenchmarkClients(server, Duration.ZERO).create(new RequestCounter());
				DynamoDbClient proxied = new BenchmarkClients(proxy.endpoint(), Duration.ZERO).create(new RequestCounter())) {
			Tables.create(direct, table);
			try {
				List<Loop> loops = List.of(
						new Loop("PutItem, 1 thread", 1, (i) -> direct.putItem((r) -> r.tableName(table).item(item(i))),
								(i) -> proxied.putItem((r) -> r.tableName(table).item(item(i)))),
						new Loop("GetItem, 1 thread", 1, (i) -> direct.getItem((r) -> r.tableName(table).key(key(i))),
								(i) -> proxied.getItem((r) -> r.tableName(table).key(key(i)))),
						new Loop("GetItem, " + THREADS + " threads", THREADS,
								(i) -> direct.getItem((r) -> r.tableName(table).key(key(i))),
								(i) -> proxied.getItem((r) -> r.tableName(table).key(key(i)))));
				out.printf(Locale.ROOT, "Benchmark proxy overhead against %s, no latency; %d calls per run, median of %d"
						+ " rounds (one warm-up round first)%n%n", server, REQUESTS, rounds);
				out.println("| loop | direct µs/call | through the proxy µs/call | difference | proxy CPU µs/request |");
				out.println("|---|--:|--:|--:|--:|");
				for (Loop loop : loops) {
					progress.println("proxy overhead: " + loop.name);
					loop.run(proxy, pool, rounds);
					out.println(loop.row());
				}
				if (!proxy.errors().isEmpty()) {
					throw new IllegalStateException("The proxy failed: " + proxy.errors());
				}
			}
			finally {
				Tables.delete(direct, table);
			}
		}
		finally {
			pool.shutdownNow();
		}
	}

	private static Map<String, AttributeValue> key(int index) {
		return Map.of("ns", AttributeValue.fromS(NAMESPACE), "k", AttributeValue.fromS(String.format(Locale.ROOT, "key-%07d", index)));
	}

	private static Map<String, AttributeValue> item(int index) {
		return Map.of("ns", AttributeValue.fromS(NAMESPACE), "k", AttributeValue.fromS(String.format(Locale.ROOT, "key-%07d", index)),
				"value", AttributeValue.fromS(VALUE));
	}

	/** One loop, measured straight and through the proxy. */
	private static final class Loop {

		private final String name;

		private final int threads;

		private final IntConsumer direct;

		private final IntConsumer proxied;

		private final List<Double> directMicros = new ArrayList<>();

		private final List<Double> proxiedMicros = new ArrayList<>();

		private final List<Double> proxyCpuMicros = new ArrayList<>();

		Loop(String name, int threads, IntConsumer direct, IntConsumer proxied) {
			this.name = name;
			this.threads = threads;
			this.direct = direct;
			this.proxied = proxied;
		}

		void run(BenchmarkProxy proxy, ExecutorService pool, int rounds) {
			for (int round = -1; round < rounds; round++) {
				boolean proxyFirst = (round % 2 != 0);
				for (int turn = 0; turn < 2; turn++) {
					boolean throughProxy = (turn == 0) == proxyFirst;
					long requests = proxy.requests();
					long cpu = proxyCpuNanos();
					double micros = timeMicrosPerCall(throughProxy ? this.proxied : this.direct, pool);
					if (round >= 0) {
						(throughProxy ? this.proxiedMicros : this.directMicros).add(micros);
						if (throughProxy) {
							this.proxyCpuMicros.add((proxyCpuNanos() - cpu) / 1_000.0 / (proxy.requests() - requests));
						}
					}
				}
			}
		}

		String row() {
			double direct = Medians.of(this.directMicros);
			double proxied = Medians.of(this.proxiedMicros);
			return String.format(Locale.ROOT, "| %s | %.0f | %.0f | %+.0f (%+.0f %%) | %.0f |", this.name, direct, proxied,
					proxied - direct, 100 * (proxied - direct) / direct, Medians.of(this.proxyCpuMicros));
		}

		/** Wall-clock time per call of {@link #REQUESTS} calls over {@link #threads} threads, in microseconds. */
		private double timeMicrosPerCall(IntConsumer call, ExecutorService pool) {
			long started = System.nanoTime();
			List<Future<?>> slices = new ArrayList<>();
			for (int thread = 0; thread < this.threads; thread++) {
				int from = REQUESTS * thread / this.threads;
				int to = REQUESTS * (thread + 1) / this.threads;
				slices.add(pool.submit(() -> {
					for (int i = from; i < to; i++) {
						call.accept(i);
					}
				}));
			}
			try {
				for (Future<?> slice : slices) {
					slice.get();
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("Interrupted while measuring the proxy", ex);
			}
			catch (ExecutionException ex) {
				throw new IllegalStateException("A call failed while measuring the proxy", ex.getCause());
			}
			return (System.nanoTime() - started) / 1_000.0 / REQUESTS;
		}

	}

	/** CPU time of the proxy's threads so far (of those alive: its connections' threads live as long as they do). */
	private static long proxyCpuNanos() {
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		long total = 0;
		for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
			if (info != null && info.getThreadName().equals("benchmark-proxy")) {
				total += Math.max(0, threads.getThreadCpuTime(info.getThreadId()));
			}
		}
		return total;
	}

}
