package dev.dynamodown.benchmarks;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import dev.dynamodown.DynamoDownOptions;
import dev.dynamodown.benchmarks.client.Route;
import dev.dynamodown.benchmarks.proxy.PartitionThroughput;
import dev.dynamodown.benchmarks.workload.Sizes;
import org.jspecify.annotations.Nullable;

/**
 * What a run measures: rounds per row, threads of the multi-threaded rows, dynamodown's options (its
 * defaults unless asked otherwise), the latency modes, each with its warm-up runs and sizes, and the
 * network: where the latency is spent (the benchmark proxy unless asked otherwise). With a simulated round
 * trip, one-by-one workloads use fewer keys and the 4 KB point rows are left out, so that the whole run stays
 * near a quarter of an hour; the latency mode runs no warm-up, the JIT having been warmed by the same code in
 * the first mode (the median absorbs the connections opened in its first round). After the latency modes come
 * the sharded-namespace rows ({@link ShardRows}), unless left out.
 */
public record BenchmarkSettings(int rounds, int threads, DynamoDownOptions options, List<Mode> modes, Network network,
		@Nullable ShardRows shardRows) {

	/** Settings whose latency is spent in the benchmark proxy, without the sharded-namespace rows. */
	public BenchmarkSettings(int rounds, int threads, DynamoDownOptions options, List<Mode> modes) {
		this(rounds, threads, options, modes, Network.PROXY, null);
	}

	/** The published figures: 5 rounds, the sizes of BENCHMARKS.md. */
	public static BenchmarkSettings full() {
		return new BenchmarkSettings(5, 8, DynamoDownOptions.defaults(),
				List.of(new Mode(Duration.ZERO, 1, new Sizes(2_000, 2_000, 5_000, 20_000, 50_000, 10_000, 20_000, 200)),
						new Mode(Duration.ofMillis(5), 0, new Sizes(300, 0, 5_000, 20_000, 50_000, 10_000, 20_000, 50))),
				Network.PROXY, ShardRows.of(PartitionThroughput.parse(ShardRows.DEFAULT_THROUGHPUT), 1_000, 2_000,
						30_000, 50));
	}

	/** A smoke run: smaller sizes, 3 rounds. Its figures are not for publishing. */
	public static BenchmarkSettings quick() {
		return new BenchmarkSettings(3, 8, DynamoDownOptions.defaults(),
				List.of(new Mode(Duration.ZERO, 1, new Sizes(500, 500, 1_000, 2_000, 5_000, 1_000, 2_000, 20)),
						new Mode(Duration.ofMillis(5), 0, new Sizes(100, 0, 1_000, 2_000, 5_000, 1_000, 2_000, 10))),
				Network.PROXY, ShardRows.of(PartitionThroughput.parse(ShardRows.DEFAULT_THROUGHPUT), 300, 500,
						5_000, 10));
	}

	/** These settings with dynamodown running on {@code options} instead. */
	public BenchmarkSettings withOptions(DynamoDownOptions options) {
		return new BenchmarkSettings(this.rounds, this.threads, options, this.modes, this.network, this.shardRows);
	}

	/** These settings on another network. */
	public BenchmarkSettings withNetwork(Network network) {
		return new BenchmarkSettings(this.rounds, this.threads, this.options, this.modes, network, this.shardRows);
	}

	/** These settings without the latency modes: the sharded-namespace rows only. */
	public BenchmarkSettings withoutModes() {
		return new BenchmarkSettings(this.rounds, this.threads, this.options, List.of(), this.network, this.shardRows);
	}

	/** These settings with other sharded-namespace rows, or none. */
	public BenchmarkSettings withShardRows(@Nullable ShardRows shardRows) {
		return new BenchmarkSettings(this.rounds, this.threads, this.options, this.modes, this.network, shardRows);
	}

	/**
	 * One latency mode.
	 * @param latency simulated network latency added to every request
	 * @param warmUps unrecorded runs of each contestant before a row's rounds
	 * @param sizes keys per workload
	 */
	public record Mode(Duration latency, int warmUps, Sizes sizes) {

		public String title() {
			return this.latency.isZero() ? "No added latency (loopback, ~0 ms)"
					: this.latency.toMillis() + " ms simulated latency per request";
		}

	}

	/**
	 * The sharded-namespace rows: dynamodown over one shard and over {@code shards}, and the raw SDK on one
	 * partition, at {@code latency} through the benchmark proxy applying a per-partition throughput model, so
	 * that one partition's limit, not the server, is what a hot namespace meets. Choose the model's write
	 * units so that {@code shards} times them stay under what the server serves in all (BENCHMARKS.md).
	 * @param throughput the per-partition model (a fresh one for the rows)
	 * @param shards the shard count of the sharded namespaces
	 * @param latency simulated network latency, spent in the proxy
	 * @param putKeys keys put one by one from {@value #PUT_THREADS} threads
	 * @param bulkKeys keys written by one batch
	 * @param scanKeys keys of the full scans and first-10 reads
	 * @param firstCalls first-10 reads per run
	 */
	public record ShardRows(PartitionThroughput throughput, int shards, Duration latency, int putKeys, int bulkKeys,
			int scanKeys, int firstCalls) {

		/**
		 * The default model: 150 write and 450 read units per partition and second (DynamoDB's 1,000 / 3,000
		 * scaled down, so that 8 shards' 1,200 writes/s stay well under the ~3,300 puts/s dynalite serves here at
		 * 5 ms), with a burst of 100 ms, so that runs measure the sustained rate rather than saved-up units.
		 */
		public static final String DEFAULT_THROUGHPUT = "150,450,100";

		/** Threads putting one by one. */
		public static final int PUT_THREADS = 16;

		/** Rows with 8 shards at 5 ms. */
		public static ShardRows of(PartitionThroughput throughput, int putKeys, int bulkKeys, int scanKeys,
				int firstCalls) {
			return new ShardRows(throughput, 8, Duration.ofMillis(5), putKeys, bulkKeys, scanKeys, firstCalls);
		}

		/** These rows under another model. */
		public ShardRows withThroughput(PartitionThroughput throughput) {
			return new ShardRows(throughput, this.shards, this.latency, this.putKeys, this.bulkKeys, this.scanKeys,
					this.firstCalls);
		}

		public String title() {
			return "Sharded namespaces: " + this.latency.toMillis() + " ms latency in the benchmark proxy, throughput "
					+ this.throughput;
		}

	}

	/**
	 * Where the latency of a mode is spent, and what else stands between the clients and the server.
	 * @param proxy whether the contenders' requests of a mode with latency go through a {@code BenchmarkProxy}
	 * that spends it on its own threads (else each client's interceptor spends it on the calling thread, which
	 * parks an asynchronous client's caller: such a mode has no asynchronous rows)
	 * @param throughput the per-partition throughput model the proxy applies (a fresh one per mode), or
	 * {@code null} for none
	 */
	public record Network(boolean proxy, @Nullable PartitionThroughput throughput) {

		/**
		 * Latency in the clients' interceptor, no proxy: how the figures published before the asynchronous rows
		 * were taken ({@code --latency-in-client}).
		 */
		public static final Network INTERCEPTOR = new Network(false, null);

		/**
		 * Latency in a proxy, no throughput model: the default. The latency of a network is spent outside the
		 * client, so an asynchronous client's one caller thread keeps its requests in flight, and every
		 * contender, blocking or asynchronous, is measured on the same network.
		 */
		public static final Network PROXY = new Network(true, null);

		public Network {
			if (throughput != null && !proxy) {
				throw new IllegalArgumentException("A throughput model needs the proxy");
			}
		}

		/**
		 * The route of one latency mode; close it after the mode. A mode without latency goes straight to the
		 * server unless a throughput model needs the proxy: there the proxy would have nothing to do but take CPU
		 * time from the client and the server.
		 */
		public Route open(URI server, Duration latency) {
			if (this.throughput != null) {
				return Route.proxied(server, latency, this.throughput.fresh());
			}
			return (this.proxy && !latency.isZero()) ? Route.proxied(server, latency, null) : Route.direct(server, latency);
		}

		public String describe() {
			if (!this.proxy) {
				return "latency in the clients' interceptor (no asynchronous rows)";
			}
			return (this.throughput != null) ? "latency in the benchmark proxy, throughput " + this.throughput
					: "latency in the benchmark proxy (0 ms straight to the server)";
		}

	}

}
