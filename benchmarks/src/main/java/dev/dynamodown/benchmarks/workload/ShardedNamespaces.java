package dev.dynamodown.benchmarks.workload;

import java.io.PrintStream;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.function.Function;

import dev.dynamodown.DynamoDown;
import dev.dynamodown.DynamoDownOptions;
import dev.dynamodown.Sharding;
import dev.dynamodown.SortedKeyValueTemplate;
import dev.dynamodown.ValueCodec;
import dev.dynamodown.benchmarks.BenchmarkSettings.ShardRows;
import dev.dynamodown.benchmarks.client.BenchmarkClients;
import dev.dynamodown.benchmarks.client.RequestCounter;
import dev.dynamodown.benchmarks.client.Route;
import dev.dynamodown.benchmarks.client.Tables;
import dev.dynamodown.benchmarks.harness.Capacity;
import dev.dynamodown.benchmarks.harness.CapacityMeter;
import dev.dynamodown.benchmarks.harness.Column;
import dev.dynamodown.benchmarks.harness.Contestant;
import dev.dynamodown.benchmarks.harness.Row;
import dev.dynamodown.benchmarks.harness.RowResult;
import dev.dynamodown.benchmarks.harness.Runner;
import dev.dynamodown.benchmarks.harness.Task;
import dev.dynamodown.benchmarks.proxy.PartitionThroughput;
import dev.dynamodown.benchmarks.store.DynamoDownStore;
import dev.dynamodown.benchmarks.store.PartitionsAtOnce;
import dev.dynamodown.benchmarks.store.RangeStore;
import dev.dynamodown.benchmarks.store.RawSdkStore;
import dev.dynamodown.internal.shard.ShardLayout;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The sharded-namespace rows: one hot namespace over one partition-key value against the same over several,
 * through the benchmark proxy, whose per-partition throughput model stands for DynamoDB's limit of one
 * partition, in one table of the run's server.
 * <ul>
 * <li><b>Sustained writes</b> of ascending keys (the event-log workload): puts from
 * {@value ShardRows#PUT_THREADS} threads, and one bulk batch; dynamodown over 1 shard against over n.</li>
 * <li><b>Full range scan</b> and <b>first 10</b>: the raw SDK's paginator and one {@code Query} on one
 * partition, and dynamodown over 1 shard, against dynamodown over n shards read at once and merged; and, as
 * the ceiling of a sharded read on this server, the raw SDK sending the same {@code Query}s of the n shards at
 * once, unmerged ({@link PartitionsAtOnce}).</li>
 * <li>Each cell also shows what its last run cost, from the model's ledger: requests, capacity units per
 * operation, and throttled requests.</li>
 * </ul>
 * Every client here retries throttling patiently ({@link BenchmarkClients#PATIENT_RETRIES}), and dynamodown
 * re-sends unprocessed batch items up to 50 times: a hot partition is throttled for as long as it is written,
 * and the default policies would fail the writes rather than measure the partition's rate. The namespaces are
 * filled and their shard count claimed before the rows, untimed.
 */
public final class ShardedNamespaces {

	private static final int VALUE_BYTES = 200;

	private static final int FIRST = 10;

	private final ShardRows settings;

	private final DynamoDownOptions options;

	private final int rounds;

	private final ExecutorService pool;

	private final PrintStream progress;

	/**
	 * @param settings the rows' sizes, shard count, latency and throughput model
	 * @param options dynamodown's options (its batches are given 50 attempts here)
	 * @param rounds measured rounds per row
	 * @param pool runs the threads of the put row and the loader's requests
	 * @param progress where the rows' progress is reported
	 */
	public ShardedNamespaces(ShardRows settings, DynamoDownOptions options, int rounds, ExecutorService pool,
			PrintStream progress) {
		this.settings = Objects.requireNonNull(settings, "'settings' must not be null");
		this.options = options.toBuilder().maxBatchAttempts(50).build();
		this.rounds = rounds;
		this.pool = pool;
		this.progress = progress;
	}

	/**
	 * Measures every row against {@code server}, in a table {@code table} created for them and deleted after.
	 * @return the rows' results
	 */
	public List<RowResult> run(URI server, String table) {
		RequestCounter dynamodownRequests = new RequestCounter();
		RequestCounter rawRequests = new RequestCounter();
		try (Route route = Route.proxied(server, this.settings.latency(), this.settings.throughput().fresh());
				Clients clients = new Clients(route, dynamodownRequests, rawRequests)) {
			Tables.create(clients.admin, table);
			try {
				PartitionThroughput model = Objects.requireNonNull(Objects.requireNonNull(route.proxy()).throughput());
				Runner runner = new Runner(0, this.rounds, this.progress, meter(model));
				List<RowResult> results = new ArrayList<>();
				for (Row row : rows(new Stores(clients, table, dynamodownRequests, rawRequests))) {
					results.add(runner.measure(row));
				}
				return results;
			}
			finally {
				Tables.delete(clients.admin, table);
			}
		}
	}

	private List<Row> rows(Stores stores) {
		KeyLoop keys = new KeyLoop(this.pool);
		Dataset puts = new Dataset(this.settings.putKeys(), VALUE_BYTES);
		Row.Builder put = Row.named("put " + describe(puts) + ", " + ShardRows.PUT_THREADS + " threads, ascending keys")
			.operations(puts.size())
			.calls(puts.size())
			.goal("≥ 6× 1 shard");
		for (Column column : List.of(Column.ONE_SHARD, Column.SHARDED)) {
			DynamoDownStore store = stores.dynamodown(column, "puts", false);
			put.add(stores.contestant(column, "put", () -> keys.run(puts.size(), ShardRows.PUT_THREADS, (index) -> {
				store.put(puts.key(index), puts.value(index));
				return 1;
			})));
		}

		Dataset bulk = new Dataset(this.settings.bulkKeys(), VALUE_BYTES);
		Map<String, String> entries = bulk.entries();
		Row.Builder batch = Row.named("bulk write " + describe(bulk) + ", ascending keys")
			.operations(bulk.size())
			.goal("≥ 6× 1 shard");
		for (Column column : List.of(Column.ONE_SHARD, Column.SHARDED)) {
			DynamoDownStore store = stores.dynamodown(column, "bulk", false);
			batch.add(stores.contestant(column, "batch", () -> {
				store.write(entries);
				return entries.size();
			}));
		}

		Dataset scanned = new Dataset(this.settings.scanKeys(), VALUE_BYTES);
		stores.load("scan", scanned);
		Row.Builder scan = Row.named("full range scan " + describe(scanned) + ", forward")
			.operations(scanned.size())
			.goal("≥ 2× raw");
		Row.Builder first = Row.named("first " + FIRST + " of " + describe(scanned))
			.operations(this.settings.firstCalls())
			.calls(this.settings.firstCalls())
			.expect((long) FIRST * this.settings.firstCalls())
			.goal("latency ≤ 1.5× raw (ops/s ≥ 0.67× raw)");
		Function<RangeStore, Task> scanning = (store) -> () -> store.scan(false);
		Function<RangeStore, Task> firsts = (store) -> () -> {
			long read = 0;
			for (int call = 0; call < this.settings.firstCalls(); call++) {
				read += store.first(FIRST);
			}
			return read;
		};
		RawSdkStore raw = stores.raw("scan");
		scan.add(stores.contestant(Column.RAW_SDK, "Query paginator", scanning.apply(raw)));
		first.add(stores.contestant(Column.RAW_SDK, "Query Limit 10", firsts.apply(raw)));
		PartitionsAtOnce unmerged = stores.rawShards("scan");
		scan.add(stores.contestant(Column.CEILING, "Query paginators of every shard at once", scanning.apply(unmerged)));
		first.add(stores.contestant(Column.CEILING, "Query Limit 10 of every shard at once", firsts.apply(unmerged)));
		for (Column column : List.of(Column.ONE_SHARD, Column.SHARDED)) {
			DynamoDownStore store = stores.dynamodown(column, "scan", true);
			scan.add(stores.contestant(column, "range", scanning.apply(store)));
			first.add(stores.contestant(column, "range(limit 10)", firsts.apply(store)));
		}
		return List.of(put.build(), batch.build(), scan.build(), first.build());
	}

	/** Reads the model's ledger: its units, and its throttled requests and batch entries. */
	private static CapacityMeter meter(PartitionThroughput model) {
		return new CapacityMeter() {

			@Override
			public void reset() {
				model.resetLedger();
			}

			@Override
			public Capacity read() {
				PartitionThroughput.Ledger ledger = model.ledger();
				return new Capacity(ledger.writeUnits(), ledger.readUnits(),
						ledger.throttledRequests() + ledger.unprocessedEntries());
			}

		};
	}

	private static String describe(Dataset data) {
		int n = data.size();
		return ((n >= 1000 && n % 1000 == 0) ? n / 1000 + "k" : String.format(Locale.ROOT, "%,d", n)) + " × "
				+ data.valueBytes() + " B";
	}

	/**
	 * The clients of the rows: dynamodown's and the raw SDK's through the proxy, each with its request counter
	 * and patient retries, and an admin client straight to the server for creating and filling the table.
	 */
	private final class Clients implements AutoCloseable {

		final DynamoDbClient dynamodown;

		final DynamoDbClient raw;

		final DynamoDbClient admin;

		final DynamoDown dynamoDown;

		final DynamoDown loader;

		Clients(Route route, RequestCounter dynamodownRequests, RequestCounter rawRequests) {
			BenchmarkClients proxied = new BenchmarkClients(route.contenders(), route.interceptorLatency());
			this.dynamodown = proxied.create(dynamodownRequests, BenchmarkClients.PATIENT_RETRIES);
			this.raw = proxied.create(rawRequests, BenchmarkClients.PATIENT_RETRIES);
			this.admin = new BenchmarkClients(route.server(), Duration.ZERO).create(new RequestCounter());
			this.dynamoDown = DynamoDown.create(this.dynamodown, ShardedNamespaces.this.options);
			this.loader = DynamoDown.create(this.admin, ShardedNamespaces.this.options);
		}

		@Override
		public void close() {
			this.dynamoDown.close();
			this.loader.close();
			this.dynamodown.close();
			this.raw.close();
			this.admin.close();
		}

	}

	/** The namespaces of the rows: {@code name-1} over one shard, {@code name-n} over n. */
	private final class Stores {

		private final Clients clients;

		private final String table;

		private final RequestCounter dynamodownRequests;

		private final RequestCounter rawRequests;

		Stores(Clients clients, String table, RequestCounter dynamodownRequests, RequestCounter rawRequests) {
			this.clients = clients;
			this.table = table;
			this.dynamodownRequests = dynamodownRequests;
			this.rawRequests = rawRequests;
		}

		/**
		 * dynamodown's store of a namespace, over 1 shard or n, used once untimed: its shard count checked
		 * against the table's record, and (unless it was loaded) its namespace claimed by a first write.
		 */
		DynamoDownStore dynamodown(Column column, String name, boolean loaded) {
			int shards = shards(column);
			SortedKeyValueTemplate<String> template = this.clients.dynamoDown.template(this.table, name + "-" + shards,
					ValueCodec.string(), Sharding.shards(shards));
			if (loaded) {
				template.get("warm-up");
			}
			else {
				template.delete("warm-up");
			}
			return new DynamoDownStore(template);
		}

		/** The raw SDK's store of the one-shard namespace {@code name-1}. */
		RawSdkStore raw(String name) {
			return new RawSdkStore(this.clients.raw, this.table, name + "-1", ShardedNamespaces.this.pool);
		}

		/** The raw SDK reading the partitions of {@code name-n}'s shards at once (see {@link PartitionsAtOnce}). */
		PartitionsAtOnce rawShards(String name) {
			int shards = ShardedNamespaces.this.settings.shards();
			return new PartitionsAtOnce(this.clients.raw, this.table,
					ShardLayout.of(name + "-" + shards, shards).partitions(), ShardedNamespaces.this.pool);
		}

		/** Fills {@code name-1} and {@code name-n}, straight to the server. */
		void load(String name, Dataset data) {
			new RawSdkStore(this.clients.admin, this.table, name + "-1", ShardedNamespaces.this.pool).write(data.entries(), 8);
			int shards = ShardedNamespaces.this.settings.shards();
			this.clients.loader.template(this.table, name + "-" + shards, ValueCodec.string(), Sharding.shards(shards))
				.batch((batch) -> data.entries().forEach(batch::put));
		}

		Contestant contestant(Column column, String label, Task task) {
			boolean raw = column == Column.RAW_SDK || column == Column.CEILING;
			RequestCounter counter = raw ? this.rawRequests : this.dynamodownRequests;
			String shards = (column == Column.RAW_SDK) ? "one partition" : shards(column) + " shards";
			return new Contestant(column, label + ", " + shards, counter, task);
		}

		private int shards(Column column) {
			return (column == Column.SHARDED || column == Column.CEILING) ? ShardedNamespaces.this.settings.shards() : 1;
		}

	}

}
