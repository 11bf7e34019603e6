package dev.dynamodown;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * {@link DynamoDown#close()} and {@link AsyncDynamoDown#close()} while batches, {@code getAll}, {@code clear} and prefetching range
 * reads are in flight, on a saturated pool and with retries pending: every caller returns or fails
 * within a few seconds, and what a failed batch reports as unapplied is the truth (every other
 * operation was applied). Later calls are refused.
 */
@ParameterizedClass
@EnumSource(Api.class)
class CloseTest {

	@Parameter
	Api api;

	private static final Duration PROMPTLY = Duration.ofSeconds(5);

	private static final Unprocessed unprocessed = new Unprocessed("k");

	private static final SlowQueries slowQueries = new SlowQueries();

	@RegisterExtension
	static final DynamoDownFixture fixture = DynamoDownFixture.table("close").interceptors(unprocessed, slowQueries);

	/** Two pool threads for six callers, and retries that would go on for many seconds. */
	private final DynamoDownOptions options = DynamoDownOptions.builder()
		.batchConcurrency(2)
		.maxBatchAttempts(30)
		.retryBaseDelay(Duration.ofMillis(100))
		.retryMaxDelay(Duration.ofMillis(800))
		.build();

	private final ExecutorService callers = Executors.newCachedThreadPool();

	private Stores closing;

	private String namespace;

	@BeforeEach
	void open(TestInfo test) {
		this.closing = this.api.open(fixture.clients(), this.options);
		this.namespace = test.getTestMethod().orElseThrow().getName() + "-" + this.api;
	}

	@AfterEach
	void reset() {
		unprocessed.reset();
		slowQueries.queriesAfter(Integer.MAX_VALUE);
		this.callers.shutdownNow();
	}

	@Test
	void sixBatchesOnASaturatedPoolEndPromptlyAndReportTheTruth() throws Exception {
		unprocessed.always(keys(0, 600).stream().filter((key) -> key.endsWith("7")).collect(HashSet::new, Set::add,
				Set::addAll));
		List<Future<BatchResult>> batches = new ArrayList<>();
		for (int caller = 0; caller < 6; caller++) {
			List<String> keys = keys(caller * 100, caller * 100 + 100);
			SortedKeyValueOperations<String> store = this.closing.template(fixture.table(), this.namespace,
					ValueCodec.string());
			batches.add(this.callers.submit(() -> store.batch((batch) -> keys.forEach((key) -> batch.put(key, "v")))));
		}
		// every batch is retrying what was left unprocessed
		awaitCondition(() -> unprocessed.withheld() >= 6 * 10 * 2);
		this.closing.close();
		long closed = System.nanoTime();
		Set<String> stored = new HashSet<>(fixture.template(this.namespace).keys(KeyRange.all()).toList());
		for (int caller = 0; caller < 6; caller++) {
			BatchWriteException failure = batchFailure(batches.get(caller), closed);
			List<String> keys = keys(caller * 100, caller * 100 + 100);
			Set<String> unapplied = new HashSet<>();
			failure.unapplied().forEach((operation) -> unapplied.add(operation.key()));
			assertThat(unapplied).as("never applied: listed").containsAll(keys.stream().filter((key) -> key.endsWith("7")).toList());
			assertThat(keys).as("not listed: applied").filteredOn((key) -> !unapplied.contains(key)).allMatch(stored::contains);
			assertThat(failure.applied()).isEqualTo(100 - unapplied.size());
		}
		assertRefused(() -> this.closing.template(fixture.table(), this.namespace, ValueCodec.string()));
	}

	@Test
	void getAllEndsPromptly() throws Exception {
		SortedKeyValueOperations<String> store = this.closing.template(fixture.table(), this.namespace, ValueCodec.string());
		List<String> keys = keys(0, 250);
		store.batch((batch) -> keys.forEach((key) -> batch.put(key, "v")));
		unprocessed.always(Set.of("k00007", "k00107", "k00207"));
		List<Future<?>> reads = new ArrayList<>();
		for (int caller = 0; caller < 4; caller++) {
			reads.add(this.callers.submit(() -> store.getAll(keys)));
		}
		awaitCondition(() -> unprocessed.withheld() >= 4 * 3 * 2);
		this.closing.close();
		long closed = System.nanoTime();
		for (Future<?> read : reads) {
			assertThat(failure(read, closed)).isInstanceOf(DynamoDownException.class);
		}
	}

	@Test
	void clearEndsPromptlyAndCountsWhatItDeleted() throws Exception {
		SortedKeyValueOperations<String> store = this.closing.template(fixture.table(), this.namespace, ValueCodec.string());
		List<String> keys = keys(0, 300);
		store.batch((batch) -> keys.forEach((key) -> batch.put(key, "v")));
		unprocessed.always(Set.of("k00017", "k00117"));
		Future<Long> clear = this.callers.submit(() -> store.clear(KeyRange.all()));
		awaitCondition(() -> unprocessed.withheld() >= 4);
		this.closing.close();
		BatchWriteException failure = batchFailure(clear, System.nanoTime());
		Set<String> unapplied = new HashSet<>();
		failure.unapplied().forEach((operation) -> unapplied.add(operation.key()));
		assertThat(unapplied).contains("k00017");
		// blocks of 200 keys: the first one was being deleted, the rest not read yet
		List<String> left = fixture.template(this.namespace).keys(KeyRange.all()).toList();
		assertThat(left).as("keys left: listed, or never read").allMatch((key) -> unapplied.contains(key) || key.compareTo("k00200") >= 0);
		assertThat(left).as("keys left").hasSizeLessThanOrEqualTo(300 - failure.applied());
	}

	@Test
	void aRangeReadWaitingForAPrefetchedPageEndsPromptly() throws Exception {
		SortedKeyValueOperations<String> store = this.closing.template(fixture.table(), this.namespace, ValueCodec.string());
		List<String> keys = keys(0, 60);
		store.batch((batch) -> keys.forEach((key) -> batch.put(key, "v")));
		// pages of 10 keys; from the third page on, each Query takes 20 s and ignores interrupts
		slowQueries.queriesAfter(2);
		CompletableFuture<Integer> reader = CompletableFuture.supplyAsync(() -> {
			int read = 0;
			try (Stream<String> stream = store.keys(KeyRange.all())) {
				Iterator<String> iterator = stream.iterator();
				while (iterator.hasNext()) {
					iterator.next();
					if (++read == 15) {
						// within the second page: let the pool start reading the third one
						pause(Duration.ofMillis(300));
					}
				}
			}
			return read;
		}, this.callers);
		awaitCondition(slowQueries::stalling);
		Thread.sleep(400);
		assertThat(reader).isNotDone();
		this.closing.close();
		assertThat(failure(reader, System.nanoTime())).isInstanceOf(RuntimeException.class);
	}

	/** Waits until something is under way, however slow the machine. */
	private static void awaitCondition(java.util.function.BooleanSupplier condition) throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > deadline) {
				fail("not under way after 30 s");
			}
			Thread.sleep(10);
		}
	}

	private static void pause(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static List<String> keys(int from, int to) {
		return IntStream.range(from, to).mapToObj((i) -> String.format("k%05d", i)).toList();
	}

	private static BatchWriteException batchFailure(Future<?> call, long closed) throws InterruptedException {
		Throwable failure = failure(call, closed);
		assertThat(failure).isInstanceOf(BatchWriteException.class).hasMessageContaining("closed");
		return (BatchWriteException) failure;
	}

	/** What the call failed with, within {@link #PROMPTLY} of the close. */
	private static Throwable failure(Future<?> call, long closed) throws InterruptedException {
		long left = PROMPTLY.toNanos() - (System.nanoTime() - closed);
		try {
			Object result = call.get(Math.max(left, 0), TimeUnit.NANOSECONDS);
			return fail("completed with " + result + " instead of failing");
		}
		catch (ExecutionException ex) {
			return ex.getCause();
		}
		catch (TimeoutException ex) {
			return fail("still running " + PROMPTLY + " after close()");
		}
	}

	private static void assertRefused(Supplier<?> call) {
		try {
			call.get();
			fail("not refused after close()");
		}
		catch (IllegalStateException ex) {
			assertThat(ex).hasMessageEndingWith("DynamoDown has been closed");
		}
	}

	/**
	 * Pages of 10 items, and after a number of Queries, each further Query takes 20 seconds before
	 * it is sent, whatever interrupts it: a network that does not answer, which interrupting the
	 * thread does not help.
	 */
	static final class SlowQueries implements ExecutionInterceptor {

		private volatile int fastQueries = Integer.MAX_VALUE;

		private int seen;

		private volatile boolean stalling;

		/** Whether a Query is being held back now. */
		boolean stalling() {
			return this.stalling;
		}

		void queriesAfter(int fast) {
			synchronized (this) {
				this.seen = 0;
			}
			this.fastQueries = fast;
		}

		@Override
		public SdkRequest modifyRequest(Context.ModifyRequest context, ExecutionAttributes attributes) {
			if (context.request() instanceof QueryRequest query && this.fastQueries < Integer.MAX_VALUE) {
				return query.toBuilder().limit(10).build();
			}
			return context.request();
		}

		@Override
		public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
			if (!(context.request() instanceof QueryRequest)) {
				return;
			}
			synchronized (this) {
				if (++this.seen <= this.fastQueries) {
					return;
				}
			}
			long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
			this.stalling = true;
			boolean interrupted = false;
			while (System.nanoTime() < until && this.fastQueries < Integer.MAX_VALUE) {
				try {
					Thread.sleep(50);
				}
				catch (InterruptedException ex) {
					interrupted = true;
				}
			}
			this.stalling = false;
			if (interrupted) {
				Thread.currentThread().interrupt();
			}
		}

	}

}
