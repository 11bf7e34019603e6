package dev.dynamodown.benchmarks.workload;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.dynamodown.benchmarks.client.Tables;
import dev.dynamodown.benchmarks.harness.Column;
import dev.dynamodown.benchmarks.store.AsyncBulkStore;
import dev.dynamodown.benchmarks.store.AsyncDynamoDownStore;
import dev.dynamodown.benchmarks.store.AsyncPointStore;
import dev.dynamodown.benchmarks.store.AsyncRangeStore;
import dev.dynamodown.benchmarks.store.BulkStore;
import dev.dynamodown.benchmarks.store.DynamoDownStore;
import dev.dynamodown.benchmarks.store.PointStore;
import dev.dynamodown.benchmarks.store.RangeStore;
import dev.dynamodown.benchmarks.store.RawSdkAsyncStore;
import dev.dynamodown.benchmarks.store.RawSdkStore;
import dev.dynamodown.benchmarks.store.SpringCloudAwsStore;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import org.springframework.cache.Cache;

/**
 * One fresh table and every contender's store on it, all in the same namespace: each contender reads and
 * writes the very same items. Closing it deletes the table. The asynchronous stores' lists are empty in a mode
 * without asynchronous contenders ({@link Contenders#hasAsync()}).
 */
final class Arena implements AutoCloseable {

	/** In-flight requests of the untimed loader that fills the table before a workload. */
	private static final int LOAD_IN_FLIGHT = 8;

	private final DynamoDbClient admin;

	private final String table;

	private final Entrant<DynamoDownStore> dynamodown;

	private final Entrant<RawSdkStore> raw;

	private final Entrant<SpringCloudAwsStore> spring;

	private final Entrant<Cache> cache;

	private final List<Entrant<AsyncDynamoDownStore>> asyncDynamodown;

	private final List<Entrant<RawSdkAsyncStore>> asyncRaw;

	private final RawSdkStore loader;

	private final KeyLoop keyLoop;

	private final int threads;

	Arena(Contenders contenders, String table) {
		this.admin = contenders.admin();
		this.table = table;
		Tables.create(this.admin, table);
		this.dynamodown = contenders.dynamodown(table);
		this.raw = contenders.raw(table);
		this.spring = contenders.springCloudAws(table);
		this.cache = contenders.cache(table);
		this.asyncDynamodown = contenders.hasAsync() ? List.of(contenders.asyncDynamodown(table)) : List.of();
		this.asyncRaw = contenders.hasAsync() ? List.of(contenders.asyncRaw(table)) : List.of();
		this.loader = contenders.loader(table);
		this.keyLoop = contenders.keyLoop();
		this.threads = contenders.threads();
		warmUpDynamodown();
	}

	/**
	 * Makes dynamodown's first use of the namespace, untimed: it reads the table's key schema and the
	 * namespace's shard-count record once per {@code DynamoDown}, which a long-running application pays once
	 * and a timed run should not.
	 */
	private void warmUpDynamodown() {
		this.dynamodown.store().get("warm-up");
		this.asyncDynamodown.forEach((entrant) -> entrant.store().get("warm-up").join());
	}

	/** Writes {@code data} into the table, untimed and without simulated latency. */
	void load(Dataset data) {
		this.loader.write(data.entries(), LOAD_IN_FLIGHT);
	}

	/**
	 * Writes {@code data} as the cache of {@link #cache()} stores it: each key as the cache maps a {@code String}
	 * key ({@code s:} + the key), untimed and without simulated latency.
	 */
	void loadCached(Dataset data) {
		Map<String, String> entries = new LinkedHashMap<>();
		data.entries().forEach((key, value) -> entries.put(cachedKey(key), value));
		this.loader.write(entries, LOAD_IN_FLIGHT);
	}

	/** The store key of a {@code String} cache key. */
	static String cachedKey(String key) {
		return "s:" + key;
	}

	/** dynamodown's Spring cache over the namespace, reading what {@link #loadCached} wrote. */
	Entrant<Cache> cache() {
		return this.cache;
	}

	List<Entrant<? extends PointStore>> pointStores() {
		return List.of(this.dynamodown, this.raw, this.spring);
	}

	List<Entrant<? extends RangeStore>> rangeStores() {
		return List.of(this.dynamodown, this.raw, this.spring);
	}

	List<Entrant<? extends BulkStore>> bulkStores() {
		return List.of(this.dynamodown, this.raw);
	}

	/** The raw SDK contender's store. */
	Entrant<RawSdkStore> raw() {
		return this.raw;
	}

	List<Entrant<? extends AsyncPointStore>> asyncPointStores() {
		return concat(this.asyncDynamodown, this.asyncRaw);
	}

	List<Entrant<? extends AsyncRangeStore>> asyncRangeStores() {
		return concat(this.asyncDynamodown, this.asyncRaw);
	}

	/** dynamodown only: the raw SDK's bulk rows are the blocking loops and their ceiling variants. */
	List<Entrant<? extends AsyncBulkStore>> asyncBulkStores() {
		return List.copyOf(this.asyncDynamodown);
	}

	/** Whether this mode measures the asynchronous rows. */
	boolean hasAsync() {
		return !this.asyncDynamodown.isEmpty();
	}

	private static <S> List<Entrant<? extends S>> concat(List<? extends Entrant<? extends S>> first,
			List<? extends Entrant<? extends S>> second) {
		List<Entrant<? extends S>> all = new ArrayList<>(first);
		all.addAll(second);
		return all;
	}

	/** The raw SDK store again, filling the ceiling column with more client concurrency. */
	Entrant<RawSdkStore> ceiling() {
		return new Entrant<>(Column.CEILING, this.raw.requests(), this.raw.store());
	}

	KeyLoop keyLoop() {
		return this.keyLoop;
	}

	/** Threads of the multi-threaded point rows. */
	int threads() {
		return this.threads;
	}

	@Override
	public void close() {
		Tables.delete(this.admin, this.table);
	}

}
