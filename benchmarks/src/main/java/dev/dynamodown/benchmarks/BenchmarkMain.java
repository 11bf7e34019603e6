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
import dev.dynamodown.benchmarks.harness.Runner;
import dev.dynamodown.benchmarks.workload.Contenders;
import dev.dynamodown.benchmarks.workload.Workloads;
import dev.dynamodown.dynalite.DynaliteOptions;
import dev.dynamodown.dynalite.DynaliteServer;
import org.jspecify.annotations.Nullable;

/**
 * Runs the benchmark: starts dynalite on loopback (or uses {@code --endpoint}), then, for each latency mode,
 * measures every workload with dynamodown, the plain AWS SDK v2 and Spring Cloud AWS, and prints one Markdown
 * table per mode on standard output (progress goes to standard error).
 * <p>
 * Options: {@code --quick} for a smoke run (smaller sizes, 3 rounds); {@code --endpoint URL} to measure
 * another DynamoDB-compatible server instead of starting dynalite; {@code --batch-concurrency N} to run
 * dynamodown with another batch concurrency than its default.
 */
public final class BenchmarkMain {

	private BenchmarkMain() {
	}

	private static final String USAGE = """
			Usage: java -Xmx512m -jar benchmarks/target/dynamodown-benchmarks.jar [--quick] [--endpoint URL]
			        [--batch-concurrency N]
			  --quick                 a smoke run: smaller sizes, 3 rounds (figures not for publishing)
			  --endpoint URL          measure a running DynamoDB-compatible server instead of starting dynalite
			  --batch-concurrency N   run dynamodown with N batch requests in flight (else its default)
			""";

	public static void main(String[] args) {
		BenchmarkSettings settings = BenchmarkSettings.full();
		URI endpoint = null;
		DynamoDownOptions options = DynamoDownOptions.defaults();
		for (int i = 0; i < args.length; i++) {
			switch (args[i]) {
				case "--quick" -> settings = BenchmarkSettings.quick();
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
		run(settings.withOptions(options), endpoint, System.out, System.err);
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
	 * Runs every mode of {@code settings} and prints its table to {@code out}.
	 * @param endpoint a running server, or {@code null} to start dynalite for the run
	 * @return each mode's results, in the order of {@code settings.modes()}
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
		out.printf(Locale.ROOT, "dynamodown benchmarks against %s; median of %d rounds; %s; %d cores,"
				+ " max heap %d MB, %s%n", endpoint, settings.rounds(), settings.options(),
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
				try (Contenders contenders = new Contenders(endpoint, mode.latency(), settings.options(), pool,
						settings.threads())) {
					List<RowResult> results = new Workloads(mode.sizes()).run(contenders, runner,
							"bench-" + mode.latency().toMillis() + "ms");
					ResultTable.print(mode.title(), results, out);
					modes.add(results);
				}
			}
		}
		finally {
			pool.shutdownNow();
		}
		return modes;
	}

}
