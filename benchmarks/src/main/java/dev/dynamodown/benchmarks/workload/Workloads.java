package dev.dynamodown.benchmarks.workload;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;
import java.util.function.Function;

import dev.dynamodown.benchmarks.harness.Column;
import dev.dynamodown.benchmarks.harness.Row;
import dev.dynamodown.benchmarks.harness.RowResult;
import dev.dynamodown.benchmarks.harness.Runner;
import dev.dynamodown.benchmarks.harness.Task;
import dev.dynamodown.benchmarks.store.AsyncBulkStore;
import dev.dynamodown.benchmarks.store.AsyncPointStore;
import dev.dynamodown.benchmarks.store.AsyncRangeStore;
import dev.dynamodown.benchmarks.store.BulkStore;
import dev.dynamodown.benchmarks.store.PointStore;
import dev.dynamodown.benchmarks.store.RangeStore;
import org.jspecify.annotations.Nullable;

/**
 * The rows of a result table, workload by workload, each workload on a fresh table filled untimed before its
 * rows run. Every row pits dynamodown against the raw SDK's plain usage (and Spring Cloud AWS where it has the
 * operation), and adds ceiling variants: the raw SDK with more client concurrency.
 * <p>
 * Where the mode has asynchronous contenders, each blocking row of put, get, the forward scans, the bulk
 * write and clear is followed by its asynchronous row (dynamodown's {@code AsyncSortedKeyValueTemplate}, and
 * the raw SDK's {@code DynamoDbAsyncClient} for point operations and scans), measured in the same rounds'
 * conditions, sharing the blocking row's ceiling and compared with it ({@link Row.Builder#versus}).
 */
public final class Workloads {

	private static final int SMALL_VALUE = 200;

	private static final int LARGE_VALUE = 4096;

	/** Threads of the most concurrent point-operation ceiling variant. */
	private static final int MANY_THREADS = 32;

	/** Requests in flight of the asynchronous point rows, all sent by one caller thread. */
	private static final int ASYNC_IN_FLIGHT = 64;

	/** How the asynchronous point rows call: the suffix of their names and labels. */
	private static final String ASYNC_CALLER = "1 caller thread, " + ASYNC_IN_FLIGHT + " in flight (async)";

	/** Concurrent Queries of the scan ceiling (each over a quarter of the keys). */
	private static final int SCAN_SEGMENTS = 4;

	private static final int FIRST = 10;

	private final Sizes sizes;

	private int tables;

	public Workloads(Sizes sizes) {
		this.sizes = sizes;
	}

	/** Runs every workload, each on a fresh table of {@code contenders}, and returns its rows' results. */
	public List<RowResult> run(Contenders contenders, Runner runner, String tablePrefix) {
		List<Function<Arena, List<Row>>> workloads = new ArrayList<>();
		workloads.add(this::smallPoints);
		if (this.sizes.largePointKeys() > 0) {
			workloads.add(this::largePoints);
		}
		workloads.addAll(List.of(this::bulkWrite, this::smallRange, this::largeRange, this::clear));
		List<RowResult> results = new ArrayList<>();
		for (Function<Arena, List<Row>> workload : workloads) {
			try (Arena arena = contenders.arena(tablePrefix + "-" + (++this.tables))) {
				for (Row row : workload.apply(arena)) {
					results.add(runner.measure(row));
				}
			}
		}
		return results;
	}

	private List<Row> smallPoints(Arena arena) {
		Dataset data = new Dataset(this.sizes.pointKeys(), SMALL_VALUE);
		Dataset asyncData = new Dataset(this.sizes.asyncPointKeys(), SMALL_VALUE);
		// The keys of the smaller dataset are the first keys of the larger one, with the same values.
		arena.load((arena.hasAsync() && asyncData.size() > data.size()) ? asyncData : data);
		arena.loadCached(data);
		Row put = put(arena, data, 1, List.of());
		Row get = get(arena, data, List.of(arena.threads(), MANY_THREADS));
		List<Row> rows = new ArrayList<>(List.of(put, put(arena, data, arena.threads(), List.of(MANY_THREADS))));
		if (arena.hasAsync()) {
			rows.add(asyncPut(arena, asyncData, put));
		}
		rows.add(get);
		if (arena.hasAsync()) {
			rows.add(asyncGet(arena, asyncData, get));
		}
		rows.add(getAll(arena, data));
		rows.add(cacheHit(arena, data));
		return rows;
	}

	private List<Row> largePoints(Arena arena) {
		Dataset data = new Dataset(this.sizes.largePointKeys(), LARGE_VALUE);
		arena.load(data);
		return List.of(put(arena, data, 1, List.of(MANY_THREADS)), get(arena, data, List.of(MANY_THREADS)));
	}

	private List<Row> bulkWrite(Arena arena) {
		Dataset data = new Dataset(this.sizes.bulkKeys(), SMALL_VALUE);
		Map<String, String> entries = data.entries();
		Row sync = blockingBulkWrite(arena, data, entries);
		if (!arena.hasAsync()) {
			return List.of(sync);
		}
		Row.Builder async = asyncRow(sync, "bulk write " + describe(data) + ", async").operations(data.size());
		for (Entrant<? extends AsyncBulkStore> entrant : arena.asyncBulkStores()) {
			async.add(entrant.contestant("batch (async)", store -> () -> {
				AsyncKeyLoop.await(store.write(entries));
				return entries.size();
			}));
		}
		return List.of(sync, async.build());
	}

	private Row blockingBulkWrite(Arena arena, Dataset data, Map<String, String> entries) {
		Row.Builder row = Row.named("bulk write " + describe(data)).operations(data.size());
		for (Entrant<? extends BulkStore> entrant : arena.bulkStores()) {
			row.add(entrant.contestant(label(entrant.column(), "batch", "BatchWriteItem loop, 25 per request"),
					store -> () -> write(store, entries)));
		}
		for (int inFlight : new int[] { 4, 8 }) {
			row.add(arena.ceiling()
				.contestant("BatchWriteItem × " + inFlight + " in flight", store -> () -> {
					store.write(entries, inFlight);
					return entries.size();
				}));
		}
		return row.build();
	}

	private List<Row> smallRange(Arena arena) {
		Dataset data = new Dataset(this.sizes.scanKeys(), SMALL_VALUE);
		arena.load(data);
		Row.Builder first = Row.named("first " + FIRST + " of " + describe(data))
			.operations(this.sizes.firstCalls())
			.calls(this.sizes.firstCalls())
			.expect((long) FIRST * this.sizes.firstCalls())
			.ceilingNote("one Query either way");
		for (Entrant<? extends RangeStore> entrant : arena.rangeStores()) {
			first.add(entrant.contestant(label(entrant.column(), "range(limit 10)", "Query Limit 10", "query limit 10"),
					store -> () -> {
						long read = 0;
						for (int call = 0; call < this.sizes.firstCalls(); call++) {
							read += store.first(FIRST);
						}
						return read;
					}));
		}
		List<Row> rows = new ArrayList<>(forwardScans(arena, data));
		rows.addAll(List.of(scan(arena, data, true, false), first.build()));
		return rows;
	}

	private List<Row> largeRange(Arena arena) {
		Dataset data = new Dataset(this.sizes.largeScanKeys(), LARGE_VALUE);
		arena.load(data);
		return forwardScans(arena, data);
	}

	/** The forward scan with its heap measured, and the asynchronous publisher's if the mode has it. */
	private List<Row> forwardScans(Arena arena, Dataset data) {
		Row sync = scan(arena, data, false, true);
		if (!arena.hasAsync()) {
			return List.of(sync);
		}
		Row.Builder async = asyncRow(sync, sync.name() + ", async publisher").operations(data.size()).measureHeap();
		for (Entrant<? extends AsyncRangeStore> entrant : arena.asyncRangeStores()) {
			async.add(entrant.contestant(label(entrant.column(), "range publisher", "Query paginator publisher") + " (async)",
					store -> () -> AsyncKeyLoop.await(store.scan(false))));
		}
		return List.of(sync, async.build());
	}

	private List<Row> clear(Arena arena) {
		Dataset data = new Dataset(this.sizes.clearKeys(), SMALL_VALUE);
		Row sync = blockingClear(arena, data);
		if (!arena.hasAsync()) {
			return List.of(sync);
		}
		Row.Builder async = asyncRow(sync, "clear " + describe(data) + ", async").operations(data.size())
			.beforeEachRun(() -> arena.load(data));
		for (Entrant<? extends AsyncBulkStore> entrant : arena.asyncBulkStores()) {
			async.add(entrant.contestant("clear (async)", store -> () -> AsyncKeyLoop.await(store.clear())));
		}
		return List.of(sync, async.build());
	}

	private Row blockingClear(Arena arena, Dataset data) {
		Row.Builder row = Row.named("clear " + describe(data))
			.operations(data.size())
			.beforeEachRun(() -> arena.load(data));
		for (Entrant<? extends BulkStore> entrant : arena.bulkStores()) {
			row.add(entrant.contestant(label(entrant.column(), "clear", "Query keys + BatchWriteItem loop"),
					store -> store::clear));
		}
		// One variant only: each run of this row refills the table, and 4 in flight is tried by the bulk write.
		row.add(arena.ceiling()
			.contestant("Query keys + BatchWriteItem × 8 in flight", store -> () -> store.clear(8)));
		return row.build();
	}

	private Row put(Arena arena, Dataset data, int threads, List<Integer> ceilingThreads) {
		Row.Builder row = Row.named("put " + describe(data) + ", " + threads(threads))
			.operations(data.size())
			.calls(data.size())
			.ceilingGroup("put " + valueSize(data));
		for (Entrant<? extends PointStore> entrant : arena.pointStores()) {
			row.add(entrant.contestant(label(entrant.column(), "put", "PutItem", "save") + ", " + threads(threads),
					store -> puts(arena, data, threads, store)));
		}
		for (int ceiling : ceilingThreads) {
			row.add(arena.ceiling().contestant("PutItem, " + threads(ceiling), store -> puts(arena, data, ceiling, store)));
		}
		return row.build();
	}

	private Row get(Arena arena, Dataset data, List<Integer> ceilingThreads) {
		Row.Builder row = Row.named("get " + describe(data) + ", 1 thread")
			.operations(data.size())
			.calls(data.size())
			.ceilingGroup("get " + valueSize(data));
		for (Entrant<? extends PointStore> entrant : arena.pointStores()) {
			row.add(entrant.contestant(label(entrant.column(), "get", "GetItem", "load"), store -> gets(arena, data, 1, store)));
		}
		for (int ceiling : ceilingThreads) {
			row.add(arena.ceiling().contestant("GetItem, " + threads(ceiling), store -> gets(arena, data, ceiling, store)));
		}
		return row.build();
	}

	/**
	 * A Spring cache hit ({@code Cache.get(key, String.class)}: key mapping, one {@code GetItem}, decoding) against
	 * the raw SDK's {@code GetItem} of the very same items; Spring Cloud AWS has no cache.
	 */
	private Row cacheHit(Arena arena, Dataset data) {
		Row.Builder row = Row.named("cache hit " + describe(data) + ", 1 thread").operations(data.size()).calls(data.size());
		row.add(arena.cache().contestant("Spring Cache get (hit)", cache -> () -> arena.keyLoop().run(data.size(), 1,
				index -> present(cache.get(data.key(index), String.class), data))));
		row.add(arena.raw()
			.contestant("GetItem", store -> () -> arena.keyLoop().run(data.size(), 1,
					index -> present(store.get(Arena.cachedKey(data.key(index))), data))));
		return row.build();
	}

	private static int present(@Nullable String value, Dataset data) {
		return (value != null && value.length() == data.valueBytes()) ? 1 : 0;
	}

	private Row asyncPut(Arena arena, Dataset data, Row sync) {
		return asyncPoints(arena, data, sync, "put", "PutItem",
				(store, index) -> store.put(data.key(index), data.value(index)).thenApply(done -> 1L));
	}

	private Row asyncGet(Arena arena, Dataset data, Row sync) {
		return asyncPoints(arena, data, sync, "get", "GetItem", (store, index) -> store.get(data.key(index))
			.thenApply(value -> (value != null && value.length() == data.valueBytes()) ? 1L : 0L));
	}

	/**
	 * A point operation on every key of {@code data}, from one caller thread with {@value #ASYNC_IN_FLIGHT} in
	 * flight; {@code call} completes with 1 if it wrote or found the key, else 0.
	 */
	private static Row asyncPoints(Arena arena, Dataset data, Row sync, String operation, String rawOperation,
			BiFunction<AsyncPointStore, Integer, CompletableFuture<Long>> call) {
		Row.Builder row = asyncRow(sync, operation + " " + describe(data) + ", " + ASYNC_CALLER)
			.operations(data.size())
			.calls(data.size());
		for (Entrant<? extends AsyncPointStore> entrant : arena.asyncPointStores()) {
			row.add(entrant.contestant(label(entrant.column(), operation, rawOperation) + ", " + ASYNC_CALLER,
					store -> () -> AsyncKeyLoop.run(data.size(), ASYNC_IN_FLIGHT, index -> call.apply(store, index))));
		}
		return row.build();
	}

	/** An asynchronous row: the same work as {@code sync}, sharing its ceiling and compared with it. */
	private static Row.Builder asyncRow(Row sync, String name) {
		return Row.named(name).ceilingGroup(sync.ceilingGroup()).versus(sync.name());
	}

	private Row getAll(Arena arena, Dataset data) {
		Row.Builder row = Row.named("getAll " + describe(data)).operations(data.size());
		for (Entrant<? extends BulkStore> entrant : arena.bulkStores()) {
			row.add(entrant.contestant(label(entrant.column(), "getAll", "BatchGetItem loop, 100 per request"),
					store -> () -> store.getAll(data.keys())));
		}
		for (int inFlight : new int[] { 4, 8 }) {
			row.add(arena.ceiling()
				.contestant("BatchGetItem × " + inFlight + " in flight", store -> () -> store.getAll(data.keys(), inFlight)));
		}
		return row.build();
	}

	private Row scan(Arena arena, Dataset data, boolean reverse, boolean measureHeap) {
		Row.Builder row = Row.named("full range scan " + describe(data) + (reverse ? ", reverse" : ", forward"))
			.operations(data.size())
			.ceilingNote("pages of one partition come one after the other");
		if (measureHeap) {
			row.measureHeap();
		}
		for (Entrant<? extends RangeStore> entrant : arena.rangeStores()) {
			row.add(entrant.contestant(label(entrant.column(), "range", "Query paginator", "query"),
					store -> () -> store.scan(reverse)));
		}
		row.add(arena.ceiling()
			.contestant("Query paginator, next page prefetched", store -> () -> store.scanPrefetching(reverse)));
		List<String[]> segments = data.segments(SCAN_SEGMENTS);
		row.add(arena.ceiling()
			.contestant(SCAN_SEGMENTS + " concurrent Queries over known key ranges",
					store -> () -> store.scanSegments(segments, reverse)));
		return row.build();
	}

	private static Task puts(Arena arena, Dataset data, int threads, PointStore store) {
		return () -> arena.keyLoop().run(data.size(), threads, index -> {
			store.put(data.key(index), data.value(index));
			return 1;
		});
	}

	private static Task gets(Arena arena, Dataset data, int threads, PointStore store) {
		return () -> arena.keyLoop().run(data.size(), threads, index -> {
			return present(store.get(data.key(index)), data);
		});
	}

	private static long write(BulkStore store, Map<String, String> entries) {
		store.write(entries);
		return entries.size();
	}

	/** The label of a bulk operation, which Spring Cloud AWS does not offer. */
	private static String label(Column column, String dynamodown, String raw) {
		if (column == Column.SPRING_CLOUD_AWS) {
			throw new IllegalArgumentException("Spring Cloud AWS has no batch operations");
		}
		return label(column, dynamodown, raw, "");
	}

	private static String label(Column column, String dynamodown, String raw, String spring) {
		return switch (column) {
			case DYNAMODOWN -> dynamodown;
			case RAW_SDK -> raw;
			case SPRING_CLOUD_AWS -> spring;
			case CEILING -> throw new IllegalArgumentException("Ceiling variants are labelled one by one");
			case ONE_SHARD, SHARDED -> throw new IllegalArgumentException("Not a contender of the contender tables");
		};
	}

	private static String describe(Dataset data) {
		return count(data.size()) + " × " + valueSize(data);
	}

	private static String valueSize(Dataset data) {
		return (data.valueBytes() >= 1024) ? data.valueBytes() / 1024 + " KB" : data.valueBytes() + " B";
	}

	private static String count(int n) {
		return (n >= 1000 && n % 1000 == 0) ? n / 1000 + "k" : String.format(Locale.ROOT, "%,d", n);
	}

	private static String threads(int threads) {
		return threads + ((threads == 1) ? " thread" : " threads");
	}

}
