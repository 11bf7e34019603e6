package dev.dynamodown.benchmarks.workload;

import java.time.Duration;
import java.util.concurrent.ExecutorService;

import dev.dynamodown.AsyncDynamoDown;
import dev.dynamodown.DynamoDown;
import dev.dynamodown.DynamoDownOptions;
import dev.dynamodown.ValueCodec;
import dev.dynamodown.benchmarks.client.BenchmarkClients;
import dev.dynamodown.benchmarks.client.RequestCounter;
import dev.dynamodown.benchmarks.client.Route;
import dev.dynamodown.benchmarks.harness.Column;
import dev.dynamodown.benchmarks.store.AsyncDynamoDownStore;
import dev.dynamodown.benchmarks.store.DynamoDownStore;
import dev.dynamodown.benchmarks.store.RawSdkAsyncStore;
import dev.dynamodown.benchmarks.store.RawSdkStore;
import dev.dynamodown.benchmarks.store.SpringCloudAwsStore;
import dev.dynamodown.cache.DynamoDownCacheConfiguration;
import dev.dynamodown.cache.DynamoDownCacheManager;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import org.springframework.cache.Cache;

/**
 * The three contenders of one latency mode, each on its own {@link DynamoDbClient} built identically by
 * {@link BenchmarkClients} (same HTTP client configuration, same route and simulated latency), with its own
 * request counter; the asynchronous dynamodown and raw SDK contenders, each on its own
 * {@link DynamoDbAsyncClient}, where the route lets one caller thread keep many requests in flight; plus an
 * admin client straight to the server, without latency, that creates, fills and deletes tables untimed.
 * <p>
 * A route that spends its latency in the clients' interceptor has no asynchronous contenders: the
 * interceptor would sleep on the one caller thread, sending the requests one after the other.
 */
public final class Contenders implements AutoCloseable {

	static final String NAMESPACE = "bench";

	private final RequestCounter dynamodownRequests = new RequestCounter();

	private final RequestCounter rawRequests = new RequestCounter();

	private final RequestCounter springRequests = new RequestCounter();

	private final DynamoDbClient dynamodownClient;

	private final DynamoDbClient rawClient;

	private final DynamoDbClient springClient;

	private final DynamoDbClient admin;

	private final DynamoDown dynamoDown;

	private final @Nullable AsyncContenders async;

	private final ExecutorService pool;

	private final KeyLoop keyLoop;

	private final int threads;

	/**
	 * @param route how the contenders' requests reach the server, and where the latency is spent
	 * @param options dynamodown's options
	 * @param pool runs the threads of multi-threaded rows and the ceiling's requests in flight
	 * @param threads threads of the multi-threaded point rows
	 */
	public Contenders(Route route, DynamoDownOptions options, ExecutorService pool, int threads) {
		BenchmarkClients clients = new BenchmarkClients(route.contenders(), route.interceptorLatency());
		this.dynamodownClient = clients.create(this.dynamodownRequests);
		this.rawClient = clients.create(this.rawRequests);
		this.springClient = clients.create(this.springRequests);
		this.admin = new BenchmarkClients(route.server(), Duration.ZERO).create(new RequestCounter());
		this.dynamoDown = DynamoDown.create(this.dynamodownClient, options);
		this.async = route.interceptorLatency().isZero() ? new AsyncContenders(clients, options) : null;
		this.pool = pool;
		this.keyLoop = new KeyLoop(pool);
		this.threads = threads;
	}

	/** A fresh table named {@code table} with every contender's store on it. */
	Arena arena(String table) {
		return new Arena(this, table);
	}

	DynamoDbClient admin() {
		return this.admin;
	}

	Entrant<DynamoDownStore> dynamodown(String table) {
		return new Entrant<>(Column.DYNAMODOWN, this.dynamodownRequests,
				new DynamoDownStore(this.dynamoDown.template(table, NAMESPACE, ValueCodec.string())));
	}

	/**
	 * The dynamodown contender's Spring cache over the same namespace as its store: cache {@value #NAMESPACE}
	 * without a namespace prefix, string values, otherwise as the starter configures caches by default.
	 */
	Entrant<Cache> cache(String table) {
		DynamoDownCacheManager manager = DynamoDownCacheManager.builder(this.dynamoDown, table)
			.namespacePrefix("")
			.cacheDefaults(DynamoDownCacheConfiguration.defaultCacheConfig().valueCodec(ValueCodec.string()))
			.build();
		manager.afterPropertiesSet();
		return new Entrant<>(Column.DYNAMODOWN, this.dynamodownRequests, manager.getCache(NAMESPACE));
	}

	Entrant<RawSdkStore> raw(String table) {
		return new Entrant<>(Column.RAW_SDK, this.rawRequests, new RawSdkStore(this.rawClient, table, NAMESPACE, this.pool));
	}

	Entrant<SpringCloudAwsStore> springCloudAws(String table) {
		return new Entrant<>(Column.SPRING_CLOUD_AWS, this.springRequests,
				new SpringCloudAwsStore(this.springClient, table, NAMESPACE));
	}

	/** Whether this mode has asynchronous contenders. */
	boolean hasAsync() {
		return this.async != null;
	}

	Entrant<AsyncDynamoDownStore> asyncDynamodown(String table) {
		AsyncContenders async = requireAsync();
		return new Entrant<>(Column.DYNAMODOWN, async.dynamodownRequests,
				new AsyncDynamoDownStore(async.asyncDynamoDown.template(table, NAMESPACE, ValueCodec.string())));
	}

	Entrant<RawSdkAsyncStore> asyncRaw(String table) {
		AsyncContenders async = requireAsync();
		return new Entrant<>(Column.RAW_SDK, async.rawRequests, new RawSdkAsyncStore(async.rawClient, table, NAMESPACE));
	}

	private AsyncContenders requireAsync() {
		if (this.async == null) {
			throw new IllegalStateException("No asynchronous contenders when the latency is spent in the clients' interceptor");
		}
		return this.async;
	}

	RawSdkStore loader(String table) {
		return new RawSdkStore(this.admin, table, NAMESPACE, this.pool);
	}

	KeyLoop keyLoop() {
		return this.keyLoop;
	}

	int threads() {
		return this.threads;
	}

	/** The asynchronous contenders' clients and their counters. */
	private static final class AsyncContenders implements AutoCloseable {

		private final RequestCounter dynamodownRequests = new RequestCounter();

		private final RequestCounter rawRequests = new RequestCounter();

		private final DynamoDbAsyncClient dynamodownClient;

		private final DynamoDbAsyncClient rawClient;

		private final AsyncDynamoDown asyncDynamoDown;

		AsyncContenders(BenchmarkClients clients, DynamoDownOptions options) {
			this.dynamodownClient = clients.createAsync(this.dynamodownRequests);
			this.rawClient = clients.createAsync(this.rawRequests);
			this.asyncDynamoDown = AsyncDynamoDown.create(this.dynamodownClient, options);
		}

		@Override
		public void close() {
			this.asyncDynamoDown.close();
			this.dynamodownClient.close();
			this.rawClient.close();
		}

	}

	@Override
	public void close() {
		if (this.async != null) {
			this.async.close();
		}
		this.dynamoDown.close();
		this.dynamodownClient.close();
		this.rawClient.close();
		this.springClient.close();
		this.admin.close();
	}

}
