package dev.dynamodown.benchmarks;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import dev.dynamodown.DynamoDownOptions;
import dev.dynamodown.benchmarks.harness.ResultTable;
import dev.dynamodown.benchmarks.harness.RowResult;
import dev.dynamodown.benchmarks.harness.ShardingTable;
import dev.dynamodown.benchmarks.client.Route;
import dev.dynamodown.benchmarks.harness.Runner;
import dev.dynamodown.benchmarks.proxy.PartitionThroughput;
import dev.dynamodown.benchmarks.proxy.ProxyOverhead;
import dev.dynamodown.benchmarks.workload.Contenders;
import dev.dynamodown.benchmarks.workload.ShardedNamespaces;
import dev.dynamodown.benchmarks.workload.Workloads;
import dev.dynamodown.dynalite.DynaliteOptions;
import dev.dynamodown.dynalite.DynaliteServer;
import org.jspecify.annotations.Nullable;

/**
 * Runs the benchmark: starts dynalite on loopback (or uses {@code --endpoint}), then, for each latency mode,
 * measures every workload with dynamodown (blocking and asynchronous), the plain AWS SDK v2 (blocking and
 * asynchronous) and Spring Cloud AWS, and prints one Markdown table per mode on standard output (progress goes
 * to standard error).
 * <p>
 * Options: {@code --quick} for a smoke run (smaller sizes, 3 rounds); {@code --endpoint URL} to measure
 * another DynamoDB-compatible server instead of starting dynalite; {@code --batch-concurrency N} to run
 * dynamodown with another batch concurrency than its default; {@code --latency-in-client} to spend the latency
 * in the clients' interceptor, on the calling thread, instead of the benchmark proxy (the method of the
 * figures published before the asynchronous rows, which it leaves out: the interceptor would park their one
 * caller thread); {@code --partition-throughput W,R[,BURST_MS]} to model a per-partition throughput limit in
 * the proxy; {@code --proxy-overhead} to measure what the proxy itself costs per request instead of running
 * the tables. ({@code --proxy}, the default, is still accepted.) After the tables come the sharded-namespace
 * rows ({@link ShardedNamespaces}): {@code --sharding W,R[,BURST_MS]} sets their per-partition model,
 * {@code --no-sharding} leaves them out, {@code --sharding-only} runs nothing else.
 */
public final class BenchmarkMain {

	private BenchmarkMain() {
	}

	private static final String USAGE = """
			Usage: java -Xmx512m -jar benchmarks/target/dynamodown-benchmarks.jar [--quick] [--endpoint URL]
			        [--batch-concurrency N] [--latency-in-client] [--partition-throughput W,R[,BURST_MS]]
			        [--proxy-overhead]
			  --quick                 a smoke run: smaller sizes, 3 rounds (figures not for publishing)
			  --endpoint URL          measure a running DynamoDB-compatible server instead of starting dynalite
			  --batch-concurrency N   run dynamodown with N batch requests in flight (else its default)
			  --latency-in-client     spend the latency in the clients' interceptor (the calling thread) instead
			                          of the benchmark proxy (its own threads, the default; 0 ms goes straight
			                          to the server); leaves out the asynchronous rows
			  --partition-throughput W,R[,BURST_MS]
			                          through the proxy, allow each partition-key value W write and R read
			                          units per second, saving up BURST_MS (default 1000) ms of them
			  --proxy-overhead        measure the proxy's own cost per request at 0 ms instead of the tables
			  --sharding W,R[,BURST_MS]
			                          the per-partition model of the sharded-namespace rows (default
			                          150,450,100: 8 shards' writes stay under what dynalite serves)
			  --no-sharding           leave the sharded-namespace rows out
			  --sharding-only         run the sharded-namespace rows only
			""";

	public static void main(String[] args) {
		BenchmarkSettings settings = BenchmarkSettings.full();
		URI endpoint = null;
		DynamoDownOptions options = DynamoDownOptions.defaults();
		boolean latencyInClient = false;
		PartitionThroughput throughput = null;
		boolean overhead = false;
		PartitionThroughput sharding = null;
		boolean withSharding = true;
		boolean shardingOnly = false;
		for (int i = 0; i < args.length; i++) {
			switch (args[i]) {
				case "--quick" -> settings = BenchmarkSettings.quick();
				case "--proxy" -> latencyInClient = false;
				case "--latency-in-client" -> latencyInClient = true;
				case "--partition-throughput" -> {
					String value = value(args, ++i, "--partition-throughput");
					try {
						throughput = PartitionThroughput.parse(value);
					}
					catch (IllegalArgumentException ex) {
						exitWithUsage(ex.getMessage());
					}
				}
				case "--proxy-overhead" -> overhead = true;
				case "--sharding" -> {
					String value = value(args, ++i, "--sharding");
					try {
						sharding = PartitionThroughput.parse(value);
					}
					catch (IllegalArgumentException ex) {
						exitWithUsage(ex.getMessage());
					}
				}
				case "--no-sharding" -> withSharding = false;
				case "--sharding-only" -> shardingOnly = true;
				case "--endpoint" -> endpoint = URI.create(value(args, ++i, "--endpoint"));
				case "--batch-concurrency" -> {
					String value = value(args, ++i, "--batch-concurrency");
					try {
						options = options.toBuilder().batchConcurrency(Integer.parseInt(value)).build();
					}
					catch (IllegalArgumentException ex) {
						exitWithUsage("'--batch-concurrency' needs a whole number of at least 1, was '" + value + "'");
					}
				}
				case "--help", "-h" -> {
					System.out.print(USAGE);
					return;
				}
				default -> exitWithUsage("Unknown option '" + args[i] + "'");
			}
		}
		if (latencyInClient && throughput != null) {
			exitWithUsage("'--partition-throughput' is modelled by the proxy: it cannot go with '--latency-in-client'");
		}
		BenchmarkSettings.Network network = latencyInClient ? BenchmarkSettings.Network.INTERCEPTOR
				: new BenchmarkSettings.Network(true, throughput);
		if (overhead) {
			measureProxyOverhead(settings.rounds(), endpoint, System.out, System.err);
			return;
		}
		BenchmarkSettings.ShardRows shardRows = settings.shardRows();
		if (!withSharding) {
			shardRows = null;
		}
		else if (sharding != null && shardRows != null) {
			shardRows = shardRows.withThroughput(sharding);
		}
		if (shardingOnly && shardRows == null) {
			exitWithUsage("'--sharding-only' and '--no-sharding' leave nothing to run");
		}
		settings = settings.withOptions(options).withNetwork(network).withShardRows(shardRows);
		run(shardingOnly ? settings.withoutModes() : settings, endpoint, System.out, System.err);
	}

	/** Measures the proxy's own cost per request ({@link ProxyOverhead}) against {@code endpoint}, or dynalite. */
	private static void measureProxyOverhead(int rounds, @Nullable URI endpoint, PrintStream out, PrintStream progress) {
		if (endpoint != null) {
			ProxyOverhead.measure(endpoint, rounds, out, progress);
			return;
		}
		progress.println("Starting dynalite on 127.0.0.1 …");
		try (DynaliteServer server = DynaliteServer.start(DynaliteOptions.builder().build())) {
			ProxyOverhead.measure(server.endpoint(), rounds, out, progress);
		}
	}

	private static String value(String[] args, int index, String option) {
		if (index >= args.length) {
			exitWithUsage("'" + option + "' needs a value");
		}
		return args[index];
	}

	private static void exitWithUsage(String problem) {
		System.err.println(problem);
		System.err.print(USAGE);
		System.exit(2);
	}

	/**
	 * Runs every mode of {@code settings} and prints its table to {@code out}, then the sharded-namespace rows
	 * if the settings have them.
	 * @param endpoint a running server, or {@code null} to start dynalite for the run
	 * @return each mode's results, in the order of {@code settings.modes()}, then the sharded-namespace rows'
	 * results if they ran
	 */
	public static List<List<RowResult>> run(BenchmarkSettings settings, @Nullable URI endpoint, PrintStream out,
			PrintStream progress) {
		if (endpoint != null) {
			return runAgainst(settings, endpoint, out, progress);
		}
		progress.println("Starting dynalite on 127.0.0.1 …");
		try (DynaliteServer server = DynaliteServer.start(DynaliteOptions.builder().build())) {
			return runAgainst(settings, server.endpoint(), out, progress);
		}
	}

	private static List<List<RowResult>> runAgainst(BenchmarkSettings settings, URI endpoint, PrintStream out,
			PrintStream progress) {
		out.printf(Locale.ROOT, "dynamodown benchmarks against %s; median of %d rounds; %s; %s; %d cores,"
				+ " max heap %d MB, %s%n", endpoint, settings.rounds(), settings.options(), settings.network().describe(),
				Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20,
				ManagementFactory.getRuntimeMXBean().getVmVersion());
		List<List<RowResult>> modes = new ArrayList<>();
		ExecutorService pool = Executors.newCachedThreadPool(task -> {
			Thread thread = new Thread(task, "benchmark-worker");
			thread.setDaemon(true);
			return thread;
		});
		try {
			for (BenchmarkSettings.Mode mode : settings.modes()) {
				progress.println(mode.title() + ":");
				Runner runner = new Runner(mode.warmUps(), settings.rounds(), progress);
				try (Route route = settings.network().open(endpoint, mode.latency());
						Contenders contenders = new Contenders(route, settings.options(), pool, settings.threads())) {
					List<RowResult> results = new Workloads(mode.sizes()).run(contenders, runner,
							"bench-" + mode.latency().toMillis() + "ms");
					ResultTable.print(mode.title(), results, out);
					modes.add(results);
				}
			}
			BenchmarkSettings.ShardRows shardRows = settings.shardRows();
			if (shardRows != null) {
				progress.println(shardRows.title() + ":");
				List<RowResult> results = new ShardedNamespaces(shardRows, settings.options(), settings.rounds(), pool,
						progress).run(endpoint, "bench-shards");
				ShardingTable.print(shardRows.title(), shardRows.shards(), results, out);
				modes.add(results);
			}
		}
		finally {
			pool.shutdownNow();
		}
		return modes;
	}

}
