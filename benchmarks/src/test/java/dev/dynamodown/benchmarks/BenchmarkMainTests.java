package dev.dynamodown.benchmarks;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import dev.dynamodown.DynamoDownOptions;
import dev.dynamodown.benchmarks.BenchmarkSettings.Mode;
import dev.dynamodown.benchmarks.harness.Cell;
import dev.dynamodown.benchmarks.harness.Column;
import dev.dynamodown.benchmarks.harness.RowResult;
import dev.dynamodown.benchmarks.proxy.PartitionThroughput;
import dev.dynamodown.benchmarks.workload.Sizes;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the whole benchmark end to end on tiny sizes (one round, both latency modes, dynalite started by the
 * run) so that the harness cannot rot: every row is measured and printed, the first-10 reads send exactly
 * one Query each, a cache hit exactly one GetItem, like the raw SDK's read, and the asynchronous rows send the
 * requests their blocking rows send. It asserts nothing about speed: the figures come from {@link BenchmarkMain}
 * alone.
 */
class BenchmarkMainTests {

	private static final int FIRST_CALLS = 2;

	/** More than the 64 requests the asynchronous point rows keep in flight. */
	private static final int ASYNC_POINT_KEYS = 100;

	/** Like the full run, the latency mode leaves out the 4 KB point rows. */
	private static final Mode NO_LATENCY = new Mode(Duration.ZERO, 0,
			new Sizes(10, 10, ASYNC_POINT_KEYS, 60, 200, 30, 60, FIRST_CALLS));

	private static final Mode LATENCY = new Mode(Duration.ofMillis(5), 0,
			new Sizes(10, 0, ASYNC_POINT_KEYS, 60, 200, 30, 60, FIRST_CALLS));

	private static final List<String> LARGE_POINT_ROWS = List.of("put 10 × 4 KB, 1 thread", "get 10 × 4 KB, 1 thread");

	private static final String ASYNC_PUT = "put 100 × 200 B, 1 caller thread, 64 in flight (async)";

	private static final String ASYNC_GET = "get 100 × 200 B, 1 caller thread, 64 in flight (async)";

	/** Each asynchronous row, and the blocking row it is compared with. */
	private static final Map<String, String> ASYNC_ROWS = orderedMap(ASYNC_PUT, "put 10 × 200 B, 1 thread",
			ASYNC_GET, "get 10 × 200 B, 1 thread", "bulk write 60 × 200 B, async", "bulk write 60 × 200 B",
			"full range scan 200 × 200 B, forward, async publisher", "full range scan 200 × 200 B, forward",
			"full range scan 30 × 4 KB, forward, async publisher", "full range scan 30 × 4 KB, forward",
			"clear 60 × 200 B, async", "clear 60 × 200 B");

	private static final String CACHE_HIT = "cache hit 10 × 200 B, 1 thread";

	private static final List<String> ROWS = List.of("put 10 × 200 B, 1 thread", "put 10 × 200 B, 8 threads", ASYNC_PUT,
			"get 10 × 200 B, 1 thread", ASYNC_GET, "getAll 10 × 200 B", CACHE_HIT, LARGE_POINT_ROWS.get(0), LARGE_POINT_ROWS.get(1),
			"bulk write 60 × 200 B", "bulk write 60 × 200 B, async", "full range scan 200 × 200 B, forward",
			"full range scan 200 × 200 B, forward, async publisher", "full range scan 200 × 200 B, reverse",
			"first 10 of 200 × 200 B", "full range scan 30 × 4 KB, forward",
			"full range scan 30 × 4 KB, forward, async publisher", "clear 60 × 200 B", "clear 60 × 200 B, async");

	@Test
	void printsEveryRowOfBothTablesAndReadsTheFirstTenWithOneQuery() {
		BenchmarkSettings settings = new BenchmarkSettings(1, 8, DynamoDownOptions.defaults(),
				List.of(NO_LATENCY, LATENCY));
		ByteArrayOutputStream printed = new ByteArrayOutputStream();
		List<List<RowResult>> modes = BenchmarkMain.run(settings, null,
				new PrintStream(printed, true, StandardCharsets.UTF_8), System.err);

		String output = printed.toString(StandardCharsets.UTF_8);
		assertThat(output).contains("### No added latency", "### 5 ms simulated latency per request");
		for (String row : ROWS) {
			assertThat(output.lines().filter(line -> line.startsWith("| " + row + " |") && columns(line) == 8))
				.as(row)
				.hasSize(LARGE_POINT_ROWS.contains(row) ? 1 : 2);
		}
		assertThat(output.lines().filter(line -> line.startsWith("| full range scan") && columns(line) == 4))
			.as("heap rows")
			.hasSize(4 * 2);
		ASYNC_ROWS.forEach((async, blocking) -> assertThat(output.lines()
			.filter(line -> line.startsWith("- " + async + " / " + blocking + ": dynamodown ")))
			.as("the comparison of " + async)
			.hasSize(2));
		assertThat(modes.get(0)).extracting(result -> result.row().name()).containsExactlyElementsOf(ROWS);
		assertThat(modes.get(1)).extracting(result -> result.row().name())
			.containsExactlyElementsOf(ROWS.stream().filter(row -> !LARGE_POINT_ROWS.contains(row)).toList());
		assertThat(modes).hasSize(2).allSatisfy(results -> {
			RowResult first = results.stream()
				.filter(result -> result.row().name().startsWith("first 10"))
				.findFirst()
				.orElseThrow();
			for (Column column : List.of(Column.DYNAMODOWN, Column.RAW_SDK, Column.SPRING_CLOUD_AWS)) {
				Cell cell = first.cell(column).orElseThrow();
				assertThat(cell.requests()).as(column.title()).isEqualTo(Map.of("Query", (long) FIRST_CALLS));
			}
			RowResult cacheHit = results.stream().filter(result -> result.row().name().equals(CACHE_HIT)).findFirst().orElseThrow();
			for (Column column : List.of(Column.DYNAMODOWN, Column.RAW_SDK)) {
				assertThat(cacheHit.cell(column).orElseThrow().requests()).as("cache hit, " + column.title())
					.isEqualTo(Map.of("GetItem", 10L));
			}
			assertAsyncRowsSendWhatTheirBlockingRowsSend(results);
			assertThat(results).allSatisfy(result -> assertThat(result.cells())
				.allSatisfy(cell -> assertThat(cell.opsPerSecond()).isPositive()));
		});
	}

	/**
	 * The latency mode again, its latency spent in the benchmark proxy, which also meters every request with a
	 * throughput model too generous to refuse any: every contender's requests pass the model's reading of
	 * DynamoDB's protocol (the run fails if the proxy did).
	 */
	@Test
	void runsEveryRowThroughTheProxyAndItsThroughputModel() {
		PartitionThroughput generous = PartitionThroughput.perPartition(1_000_000, 1_000_000, Duration.ofSeconds(10));
		BenchmarkSettings settings = new BenchmarkSettings(1, 8, DynamoDownOptions.defaults(), List.of(LATENCY))
			.withNetwork(new BenchmarkSettings.Network(true, generous));
		ByteArrayOutputStream printed = new ByteArrayOutputStream();
		List<List<RowResult>> modes = BenchmarkMain.run(settings, null, new PrintStream(printed, true, StandardCharsets.UTF_8),
				System.err);

		assertThat(printed.toString(StandardCharsets.UTF_8)).contains("latency in the benchmark proxy, throughput per partition");
		assertThat(modes.get(0)).extracting((result) -> result.row().name())
			.containsExactlyElementsOf(ROWS.stream().filter((row) -> !LARGE_POINT_ROWS.contains(row)).toList());
		assertThat(modes.get(0)).allSatisfy((result) -> assertThat(result.cells())
			.allSatisfy((cell) -> assertThat(cell.opsPerSecond()).isPositive()));
	}

	/**
	 * The sharded-namespace rows on tiny sizes, through a throughput model too generous to refuse any request:
	 * every row is printed with its costs, the first-10 reads send one Query per shard, and every cell knows the
	 * capacity its run consumed.
	 */
	@Test
	void printsTheShardedNamespaceRowsWithTheirRequestsAndCapacity() {
		PartitionThroughput generous = PartitionThroughput.perPartition(1_000_000, 1_000_000, Duration.ofSeconds(10));
		BenchmarkSettings.ShardRows rows = BenchmarkSettings.ShardRows.of(generous, 40, 60, 200, FIRST_CALLS);
		BenchmarkSettings settings = new BenchmarkSettings(1, 8, DynamoDownOptions.defaults(), List.of())
			.withShardRows(rows);
		ByteArrayOutputStream printed = new ByteArrayOutputStream();
		List<List<RowResult>> results = BenchmarkMain.run(settings, null,
				new PrintStream(printed, true, StandardCharsets.UTF_8), System.err);

		String output = printed.toString(StandardCharsets.UTF_8);
		assertThat(output).contains("### Sharded namespaces: 5 ms latency in the benchmark proxy, throughput per partition");
		List<String> names = List.of("put 40 × 200 B, 16 threads, ascending keys", "bulk write 60 × 200 B, ascending keys",
				"full range scan 200 × 200 B, forward", "first 10 of 200 × 200 B");
		for (String row : names) {
			assertThat(output.lines().filter((line) -> line.startsWith("| " + row + " |") && columns(line) == 11)).as(row)
				.hasSize(1);
		}
		assertThat(results).singleElement().satisfies((measured) -> {
			assertThat(measured).extracting((result) -> result.row().name()).containsExactlyElementsOf(names);
			assertThat(measured).allSatisfy((result) -> assertThat(result.cells()).allSatisfy((cell) -> {
				assertThat(cell.opsPerSecond()).isPositive();
				assertThat(cell.capacity()).isNotNull();
				assertThat(cell.capacity().throttled()).as("nothing throttled by so generous a model").isZero();
			}));
			RowResult put = measured.get(0);
			for (Column column : List.of(Column.ONE_SHARD, Column.SHARDED)) {
				Cell cell = put.cell(column).orElseThrow();
				assertThat(cell.requests()).as(column.title()).isEqualTo(Map.of("PutItem", 40L));
				assertThat(cell.capacity().writeUnits()).as("one write unit per 200 B item").isEqualTo(40.0);
			}
			RowResult first = measured.get(3);
			assertThat(first.cell(Column.RAW_SDK).orElseThrow().requests()).isEqualTo(Map.of("Query", (long) FIRST_CALLS));
			assertThat(first.cell(Column.ONE_SHARD).orElseThrow().requests()).isEqualTo(Map.of("Query", (long) FIRST_CALLS));
			assertThat(first.cell(Column.SHARDED).orElseThrow().requests()).as("one Query per shard")
				.isEqualTo(Map.of("Query", 8L * FIRST_CALLS));
			assertThat(first.cells(Column.CEILING)).singleElement()
				.satisfies((ceiling) -> assertThat(ceiling.requests()).isEqualTo(Map.of("Query", 8L * FIRST_CALLS)));
			RowResult scan = measured.get(2);
			assertThat(scan.cell(Column.SHARDED).orElseThrow().requests().get("Query")).isGreaterThanOrEqualTo(8);
			assertThat(scan.cells()).allSatisfy((cell) -> assertThat(cell.capacity().readUnits()).isPositive());
		});
	}

	/**
	 * The latency spent in the clients' interceptor, as the figures published before the asynchronous rows
	 * were: the blocking rows only, since the interceptor would park the asynchronous rows' one caller thread.
	 */
	@Test
	void latencyInTheClientsLeavesOutTheAsyncRows() {
		BenchmarkSettings settings = new BenchmarkSettings(1, 8, DynamoDownOptions.defaults(), List.of(LATENCY))
			.withNetwork(BenchmarkSettings.Network.INTERCEPTOR);
		ByteArrayOutputStream printed = new ByteArrayOutputStream();
		List<List<RowResult>> modes = BenchmarkMain.run(settings, null, new PrintStream(printed, true, StandardCharsets.UTF_8),
				System.err);

		assertThat(printed.toString(StandardCharsets.UTF_8)).contains("latency in the clients' interceptor (no asynchronous rows)")
			.doesNotContain("(ratio of ops/s, contender by contender)");
		assertThat(modes.get(0)).extracting((result) -> result.row().name())
			.containsExactlyElementsOf(ROWS.stream()
				.filter((row) -> !LARGE_POINT_ROWS.contains(row) && !ASYNC_ROWS.containsKey(row))
				.toList());
	}

	/**
	 * One request per key in the asynchronous point rows, for both contenders; and the same requests as the
	 * blocking row in the asynchronous scans, bulk write and clear (the same pages, chunks and keys queries).
	 * A store's first call also reads the table's key schema ({@code DescribeTable}), once per run here.
	 */
	private static void assertAsyncRowsSendWhatTheirBlockingRowsSend(List<RowResult> results) {
		Map<String, RowResult> byName = results.stream()
			.collect(Collectors.toMap(result -> result.row().name(), result -> result));
		for (Column column : List.of(Column.DYNAMODOWN, Column.RAW_SDK)) {
			assertThat(requests(byName.get(ASYNC_PUT), column)).as(column.title() + " " + ASYNC_PUT)
				.isEqualTo(Map.of("PutItem", (long) ASYNC_POINT_KEYS));
			assertThat(requests(byName.get(ASYNC_GET), column)).as(column.title() + " " + ASYNC_GET)
				.isEqualTo(Map.of("GetItem", (long) ASYNC_POINT_KEYS));
		}
		ASYNC_ROWS.forEach((async, blocking) -> {
			if (async.startsWith("put ") || async.startsWith("get ")) {
				return;
			}
			for (Column column : List.of(Column.DYNAMODOWN, Column.RAW_SDK)) {
				if (byName.get(async).cell(column).isPresent()) {
					assertThat(requests(byName.get(async), column)).as(column.title() + " " + async)
						.isNotEmpty()
						.isEqualTo(requests(byName.get(blocking), column));
				}
			}
			assertThat(byName.get(async).cell(Column.DYNAMODOWN)).as("dynamodown " + async).isPresent();
		});
	}

	/** The requests of a cell's last run, without the store's one schema read. */
	private static Map<String, Long> requests(RowResult result, Column column) {
		Map<String, Long> requests = new LinkedHashMap<>(result.cell(column).orElseThrow().requests());
		requests.remove("DescribeTable");
		return requests;
	}

	private static Map<String, String> orderedMap(String... keysAndValues) {
		Map<String, String> map = new LinkedHashMap<>();
		for (int i = 0; i < keysAndValues.length; i += 2) {
			map.put(keysAndValues[i], keysAndValues[i + 1]);
		}
		return map;
	}

	private static long columns(String tableLine) {
		return tableLine.chars().filter(c -> c == '|').count() - 1;
	}

}
