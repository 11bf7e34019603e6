package dev.dynamodown.cache;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import dev.dynamodown.AsyncDynamoDown;
import dev.dynamodown.DynamoDownOptions;
import dev.dynamodown.KeyRange;
import dev.dynamodown.SharedDynalite;
import dev.dynamodown.autoconfigure.DynamoDbClientBuilderCustomizer;
import dev.dynamodown.autoconfigure.DynamoDownAutoConfiguration;
import dev.dynamodown.autoconfigure.DynamoDownCacheAutoConfiguration;
import dev.dynamodown.autoconfigure.DynamoDownOptionsCustomizer;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.cache.Cache;
import org.springframework.cache.CacheManager;
import org.springframework.cache.annotation.CacheEvict;
import org.springframework.cache.annotation.CachePut;
import org.springframework.cache.annotation.Cacheable;
import org.springframework.cache.annotation.EnableCaching;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The cache manager in an application context over dynalite, through Spring's own cache
 * semantics ({@code @Cacheable} with conditions and {@code sync}, {@code @CachePut},
 * {@code @CacheEvict}, {@code CompletableFuture} methods) and the {@link Cache} API, on a clock the
 * test moves.
 */
@SpringBootTest(classes = DynamoDownCacheIntegrationTests.CachingApplication.class,
		webEnvironment = SpringBootTest.WebEnvironment.NONE)
class DynamoDownCacheIntegrationTests {

	private static final String TABLE = SharedDynalite.uniqueTable("cache");

	private static final Instant START = Instant.ofEpochSecond(1_700_000_000L, 250_000_000);

	private static final MovableClock clock = new MovableClock(START);

	private static final Requests requests = new Requests();

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		for (String property : SharedDynalite.properties()) {
			String[] parts = property.split("=", 2);
			registry.add(parts[0], () -> parts[1]);
		}
		registry.add("dynamodown.table", () -> TABLE);
		registry.add("dynamodown.create-tables", () -> "true");
		registry.add("dynamodown.cache.names", () -> "pairs");
		registry.add("dynamodown.cache.caches.books.value-type", Book.class::getName);
		registry.add("dynamodown.cache.caches.books.time-to-live", () -> "10m");
		registry.add("dynamodown.cache.caches.slow.value-type", Book.class::getName);
		registry.add("dynamodown.cache.caches.futures.value-type", Book.class::getName);
	}

	@Autowired
	private BookService books;

	@Autowired
	private CacheManager cacheManager;

	@Autowired
	private DynamoDbClient client;

	@BeforeEach
	void reset() {
		clock.set(START);
		this.books.loads().set(0);
		// Each store's first use may look up the table (and its shard count) first: not what is counted here.
		for (String cache : List.of("books", "slow", "pairs", "futures")) {
			this.cacheManager.getCache(cache).get("warm-up");
			this.cacheManager.getCache(cache).retrieve("warm-up").join();
		}
		requests.clear();
	}

	@AfterEach
	void clear() {
		this.cacheManager.getCacheNames().forEach((name) -> this.cacheManager.getCache(name).clear());
	}

	@Test
	void theManagerIsOursWithTheConfiguredAndTheRuntimeCaches() {
		assertThat(this.cacheManager).isInstanceOf(DynamoDownCacheManager.class);
		assertThat(this.cacheManager.getCacheNames()).contains("pairs", "books", "slow", "futures");
		DynamoDownCache books = (DynamoDownCache) this.cacheManager.getCache("books");
		assertThat(books.getNativeCache().table()).isEqualTo(TABLE);
		assertThat(books.getNativeCache().namespace()).isEqualTo("cache:books");
		assertThat(books.getCacheConfiguration().getTimeToLive()).isEqualTo(Duration.ofMinutes(10));
		assertThat(this.cacheManager.getCache("made-at-run-time")).isInstanceOf(DynamoDownCache.class);
	}

	@Test
	void cacheableLoadsOnceAndThenReadsTheStore() {
		assertThat(this.books.find("978-1")).isEqualTo(new Book("978-1", "Title 978-1"));
		assertThat(this.books.find("978-1")).isEqualTo(new Book("978-1", "Title 978-1"));
		assertThat(this.books.loads()).hasValue(1);
		assertThat(raw("books", "s:978-1")).containsEntry("isbn", AttributeValue.fromS("978-1"))
			.containsEntry("title", AttributeValue.fromS("Title 978-1"))
			.as("1,700,000,000.25 + 600 s, rounded down")
			.containsEntry("expires", AttributeValue.fromN("1700000600"));
	}

	@Test
	void nullIsCachedAsTheNullMarker() {
		assertThat(this.books.find("missing-1")).isNull();
		assertThat(this.books.find("missing-1")).isNull();
		assertThat(this.books.loads()).hasValue(1);
		assertThat(raw("books", "s:missing-1")).containsOnlyKeys("ns", "k", "@null", "expires")
			.containsEntry("@null", AttributeValue.fromNul(true));
	}

	@Test
	void entriesExpireAfterTheCachesTimeToLive() {
		this.books.find("978-2");
		clock.advance(Duration.ofMinutes(10).minusMillis(251));
		this.books.find("978-2");
		assertThat(this.books.loads()).as("at 1,700,000,599.999").hasValue(1);
		clock.advance(Duration.ofMillis(1));
		this.books.find("978-2");
		assertThat(this.books.loads()).as("at 1,700,000,600").hasValue(2);
	}

	@Test
	void conditionsDecideWhatIsCached() {
		this.books.findIsbn13("123");
		this.books.findIsbn13("123");
		assertThat(this.books.loads()).hasValue(2);
		this.books.findIsbn13("978-3");
		this.books.findIsbn13("978-3");
		assertThat(this.books.loads()).hasValue(3);
	}

	@Test
	void cachePutWritesAndCacheEvictDeletes() {
		this.books.save(new Book("978-4", "Saved"));
		assertThat(this.books.find("978-4")).isEqualTo(new Book("978-4", "Saved"));
		assertThat(this.books.loads()).hasValue(0);
		this.books.remove("978-4");
		assertThat(raw("books", "s:978-4")).isEmpty();
		assertThat(this.books.find("978-4")).isEqualTo(new Book("978-4", "Title 978-4"));
		assertThat(this.books.loads()).hasValue(1);
		this.books.find("978-5");
		this.books.removeAll();
		assertThat(store("books").count(KeyRange.all())).isZero();
	}

	@Test
	void syncLoadsOncePerJvmWhileOthersWait() throws Exception {
		int callers = 8;
		List<Thread> threads = new CopyOnWriteArrayList<>();
		// The loader returns only once every other caller waits for it: without sharing one load,
		// each caller would be in the loader itself, none would wait, and the call would fail.
		this.books.duringSlowLoad(() -> awaitWaiting(threads, callers - 1));
		ExecutorService pool = Executors.newFixedThreadPool(callers, (task) -> {
			Thread thread = new Thread(task);
			threads.add(thread);
			return thread;
		});
		try {
			List<Future<Book>> results = new ArrayList<>();
			for (int i = 0; i < callers; i++) {
				results.add(pool.submit(() -> this.books.slow("978-6")));
			}
			for (Future<Book> result : results) {
				assertThat(result.get(30, TimeUnit.SECONDS)).isEqualTo(new Book("978-6", "Slow"));
			}
		}
		finally {
			pool.shutdownNow();
			this.books.duringSlowLoad(() -> {
			});
		}
		assertThat(this.books.loads()).hasValue(1);
		assertThat(requests.operations()).as("one look-up, one write").containsExactly("GetItem", "PutItem");
	}

	@Test
	void aLoaderThatFailsFailsEveryCallerAndCachesNothing() {
		this.books.duringSlowLoad(() -> {
			throw new IllegalStateException("no such book");
		});
		try {
			// The cache wraps it in a ValueRetrievalException, which Spring unwraps for the caller.
			assertThatExceptionOfType(IllegalStateException.class).isThrownBy(() -> this.books.slow("978-7"))
				.withMessage("no such book");
		}
		finally {
			this.books.duringSlowLoad(() -> {
			});
		}
		assertThat(raw("slow", "s:978-7")).isEmpty();
	}

	@Test
	void methodsWithSeveralParametersAreCachedByAllOfThem() {
		assertThat(this.books.shelf("a", 1)).isEqualTo("a1");
		assertThat(this.books.shelf("a", 1)).isEqualTo("a1");
		assertThat(this.books.shelf("a", 2)).isEqualTo("a2");
		assertThat(this.books.loads()).hasValue(2);
		assertThat(raw("pairs", "k:[s:a,n:1]")).containsEntry("value", AttributeValue.fromS("a1"));
	}

	@Test
	void futuresAreReadAndWrittenThroughTheAsynchronousStore() {
		assertThat(this.books.findLater("978-8").join()).isEqualTo(new Book("978-8", "Later"));
		assertThat(this.books.findLater("978-8").join()).isEqualTo(new Book("978-8", "Later"));
		assertThat(this.books.loads()).hasValue(1);
		assertThat(requests.asyncOperations()).as("retrieve: a miss, then a hit").containsExactly("GetItem", "GetItem");
		requests.clear();
		CompletableFuture<Void> gate = new CompletableFuture<>();
		this.books.gate(gate);
		List<CompletableFuture<Book>> once = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			once.add(this.books.findLaterOnce("978-9"));
		}
		gate.complete(null);
		once.forEach((future) -> assertThat(future.join()).isEqualTo(new Book("978-9", "Later")));
		assertThat(this.books.loads()).as("sync = true: one load shared").hasValue(2);
		assertThat(requests.asyncOperations()).as("one look-up, one write").containsExactly("GetItem", "PutItem");
	}

	@Test
	void putIfAbsentIsOneConditionalWriteAndAnExpiredEntryIsAbsent() {
		Cache cache = this.cacheManager.getCache("books");
		assertThat(cache.putIfAbsent("978-10", new Book("978-10", "First"))).isNull();
		assertThat(requests.operations()).containsExactly("PutItem");
		requests.clear();
		assertThat(cache.putIfAbsent("978-10", new Book("978-10", "Second"))).isNotNull()
			.satisfies((existing) -> assertThat(existing.get()).isEqualTo(new Book("978-10", "First")));
		assertThat(requests.operations()).as("the refused write, then the existing entry").containsExactly("PutItem",
				"GetItem");
		clock.advance(Duration.ofMinutes(10));
		assertThat(cache.putIfAbsent("978-10", new Book("978-10", "Third"))).isNull();
		assertThat(cache.get("978-10", Book.class)).isEqualTo(new Book("978-10", "Third"));
	}

	@Test
	void evictIfPresentAndInvalidateTellWhetherThereWasAnEntry() {
		Cache cache = this.cacheManager.getCache("books");
		cache.put("978-11", new Book("978-11", "x"));
		requests.clear();
		assertThat(cache.evictIfPresent("978-11")).isTrue();
		assertThat(requests.operations()).containsExactly("DeleteItem");
		assertThat(cache.evictIfPresent("978-11")).isFalse();
		cache.put("978-12", null);
		assertThat(cache.get("978-12")).isNotNull().satisfies((wrapper) -> assertThat(wrapper.get()).isNull());
		assertThat(cache.invalidate()).isTrue();
		assertThat(cache.get("978-12")).isNull();
		assertThat(cache.invalidate()).isFalse();
	}

	@Test
	void withoutAValueTypeValuesReadBackAsJson() {
		Cache cache = this.cacheManager.getCache("untyped");
		cache.put(1L, new Book("978-13", "Map"));
		assertThat(cache.get(1, Map.class)).isEqualTo(Map.of("isbn", "978-13", "title", "Map"));
		cache.put("count", 42L);
		assertThat(cache.get("count").get()).isEqualTo(42);
	}

	private Map<String, AttributeValue> raw(String cache, String key) {
		return this.client.getItem((r) -> r.tableName(TABLE)
			.consistentRead(true)
			.key(Map.of("ns", AttributeValue.fromS("cache:" + cache), "k", AttributeValue.fromS(key)))).item();
	}

	private dev.dynamodown.SortedKeyValueTemplate<Map<String, AttributeValue>> store(String cache) {
		return ((DynamoDownCache) this.cacheManager.getCache(cache)).getNativeCache();
	}

	/** Waits, at most 10 s, until that many of the threads park waiting; fails otherwise. */
	private static void awaitWaiting(List<Thread> threads, int waiting) {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
		while (threads.stream().filter((thread) -> thread.getState() == Thread.State.WAITING).count() < waiting) {
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException("the other callers did not wait for the first one's load");
			}
			Thread.onSpinWait();
		}
	}

	public record Book(String isbn, String title) {
	}

	/** The service whose methods Spring caches (through a proxy: the test uses methods, not fields). */
	public static class BookService {

		private final AtomicInteger loads = new AtomicInteger();

		private volatile Runnable duringSlowLoad = () -> {
		};

		private volatile CompletableFuture<Void> gate = CompletableFuture.completedFuture(null);

		public AtomicInteger loads() {
			return this.loads;
		}

		public void duringSlowLoad(Runnable action) {
			this.duringSlowLoad = action;
		}

		public void gate(CompletableFuture<Void> gate) {
			this.gate = gate;
		}

		@Cacheable("books")
		public @Nullable Book find(String isbn) {
			this.loads.incrementAndGet();
			return isbn.startsWith("missing") ? null : new Book(isbn, "Title " + isbn);
		}

		@Cacheable(cacheNames = "books", condition = "#isbn.startsWith('978')")
		public Book findIsbn13(String isbn) {
			this.loads.incrementAndGet();
			return new Book(isbn, "Title " + isbn);
		}

		@CachePut(cacheNames = "books", key = "#book.isbn()")
		public Book save(Book book) {
			return book;
		}

		@CacheEvict("books")
		public void remove(String isbn) {
		}

		@CacheEvict(cacheNames = "books", allEntries = true)
		public void removeAll() {
		}

		@Cacheable(cacheNames = "slow", sync = true)
		public Book slow(String isbn) {
			this.loads.incrementAndGet();
			this.duringSlowLoad.run();
			return new Book(isbn, "Slow");
		}

		@Cacheable("pairs")
		public String shelf(String shelf, int row) {
			this.loads.incrementAndGet();
			return shelf + row;
		}

		@Cacheable("futures")
		public CompletableFuture<Book> findLater(String isbn) {
			this.loads.incrementAndGet();
			return CompletableFuture.supplyAsync(() -> new Book(isbn, "Later"));
		}

		@Cacheable(cacheNames = "futures", sync = true)
		public CompletableFuture<Book> findLaterOnce(String isbn) {
			this.loads.incrementAndGet();
			return this.gate.thenApply((open) -> new Book(isbn, "Later"));
		}

	}

	@Configuration(proxyBeanMethods = false)
	@EnableCaching
	@ImportAutoConfiguration({ DynamoDownAutoConfiguration.class, DynamoDownCacheAutoConfiguration.class })
	static class CachingApplication {

		@Bean
		BookService bookService() {
			return new BookService();
		}

		@Bean
		DynamoDownOptionsCustomizer movableClock() {
			return (options) -> options.clock(clock);
		}

		@Bean
		DynamoDbClientBuilderCustomizer recordRequests() {
			return (builder) -> builder.overrideConfiguration((override) -> override.addExecutionInterceptor(requests));
		}

		@Bean
		DynamoDbAsyncClient dynamoDbAsyncClient() {
			return DynamoDbAsyncClient.builder()
				.endpointOverride(SharedDynalite.endpoint())
				.region(Region.US_EAST_1)
				.credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
				.httpClientBuilder(NettyNioAsyncHttpClient.builder())
				.overrideConfiguration((override) -> override.addExecutionInterceptor(requests.async)
					.apiCallTimeout(Duration.ofSeconds(30)))
				.build();
		}

		@Bean
		AsyncDynamoDown asyncDynamoDown(DynamoDbAsyncClient client) {
			return AsyncDynamoDown.create(client, DynamoDownOptions.builder().clock(clock).build());
		}

	}

	/** The item operations each client sent, in order (not the DescribeTable of a table's first use). */
	static final class Requests implements ExecutionInterceptor {

		private final List<String> sent = new CopyOnWriteArrayList<>();

		final Async async = new Async();

		@Override
		public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
			record(this.sent, attributes);
		}

		static void record(List<String> sent, ExecutionAttributes attributes) {
			String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
			if (!operation.equals("DescribeTable")) {
				sent.add(operation);
			}
		}

		List<String> operations() {
			return List.copyOf(this.sent);
		}

		List<String> asyncOperations() {
			return List.copyOf(this.async.sent);
		}

		void clear() {
			this.sent.clear();
			this.async.sent.clear();
		}

		static final class Async implements ExecutionInterceptor {

			private final List<String> sent = new CopyOnWriteArrayList<>();

			@Override
			public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
				record(this.sent, attributes);
			}

		}

	}

	/** A clock the test sets and moves, shared by the blocking and the asynchronous stores. */
	static final class MovableClock extends Clock {

		private volatile Instant now;

		MovableClock(Instant now) {
			this.now = now;
		}

		void set(Instant now) {
			this.now = now;
		}

		void advance(Duration amount) {
			this.now = this.now.plus(amount);
		}

		@Override
		public Instant instant() {
			return this.now;
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			throw new UnsupportedOperationException();
		}

	}

}
