package dev.dynamodown;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;

import dev.dynamodown.internal.Keys;
import dev.dynamodown.internal.shard.ShardLayout;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

/**
 * The non-atomic batch: last write per key wins, nothing is sent when one operation is invalid,
 * unprocessed items are retried, and what may not have been applied is reported exactly; also when
 * the batch's requests mix the shards of a sharded namespace.
 */
@ParameterizedClass
// Batches of both edges share one writer; one sharded shape, on the edge whose lanes use the pool.
@EnumSource(value = StoreShape.class, names = { "BLOCKING", "ASYNC", "BLOCKING_7_SHARDS" })
class BatchTest {

	@Parameter
	StoreShape shape;

	private Api api;

	private static final RequestRecorder requests = new RequestRecorder();

	private static final Unprocessed unprocessed = new Unprocessed("k");

	private static final FailingRequest failing = new FailingRequest();

	private static final AtomicInteger retriesHeard = new AtomicInteger();

	@RegisterExtension
	static final DynamoDownFixture fixture = DynamoDownFixture.table("batch")
		.interceptors(requests, unprocessed, failing)
		.options(DynamoDownOptions.builder()
			.batchConcurrency(3)
			.maxBatchAttempts(4)
			.retryBaseDelay(Duration.ofMillis(1))
			.retryMaxDelay(Duration.ofMillis(5))
			.listener(new DynamoDownListener() {
				@Override
				public void batchRetried(String table, String namespace, int unprocessed) {
					retriesHeard.incrementAndGet();
				}
			})
			.build());

	private SortedKeyValueOperations<String> store;

	@BeforeEach
	void fresh(TestInfo test) {
		this.api = this.shape.api();
		this.store = fixture.template(this.shape, test);
		this.store.count(KeyRange.all());
		unprocessed.reset();
		failing.failRequest(0);
		retriesHeard.set(0);
		requests.reset();
	}

	@Test
	void lastWritePerKeyWinsOverAThousandOperations() {
		this.store.put("key-0001", "written before");
		Map<String, String> model = new TreeMap<>(Keys.UTF8_ORDER);
		model.put("key-0001", "written before");
		requests.reset();
		BatchResult result = this.store.batch((b) -> {
			for (int round = 0; round < 3; round++) {
				for (int i = 0; i < 400; i++) {
					String key = String.format("key-%04d", i);
					if ((i + round) % 3 == 0) {
						b.delete(key);
						model.remove(key);
					}
					else {
						b.put(key, "round " + round);
						model.put(key, "round " + round);
					}
				}
			}
		});
		assertThat(result).isEqualTo(new BatchResult(400, 16, 0));
		assertThat(requests.count("BatchWriteItem")).isEqualTo(16);
		ShardLayout layout = ShardLayout.of(this.store.namespace(), this.shape.shards());
		assertThat(requests.requests("BatchWriteItem", BatchWriteItemRequest.class)).allSatisfy((sent) -> {
			List<String> partitions = sent.requestItems().get(fixture.table()).stream().map((write) -> {
				Map<String, AttributeValue> key = (write.putRequest() != null) ? write.putRequest().item()
						: write.deleteRequest().key();
				assertThat(key.get("ns").s()).as("the partition of its key's shard").isEqualTo(layout.partitionFor(key.get("k").s()));
				return key.get("ns").s();
			}).distinct().toList();
			if (this.shape.sharded()) {
				assertThat(partitions).as("a chunk of 25 mixes shards").hasSizeGreaterThan(1);
			}
		});
		Map<String, String> stored = new LinkedHashMap<>();
		this.store.list(KeyRange.all()).forEach((entry) -> stored.put(entry.key(), entry.value()));
		assertThat(stored).containsExactlyEntriesOf(model);
	}

	@Test
	void chunksGoOutConcurrentlyWithinTheBound() {
		this.store.batch((b) -> {
			for (int i = 0; i < 500; i++) {
				b.put("k" + i, "v");
			}
		});
		assertThat(requests.maxInFlight()).isBetween(1, 3);
		if (this.api == Api.BLOCKING) {
			// the calling thread sends one lane's requests, the pool the others'
			assertThat(requests.sent()).extracting(RequestRecorder.Sent::threadName)
				.allMatch((thread) -> thread.equals(Thread.currentThread().getName()) || thread.startsWith("dynamodown-batch-"))
				.anyMatch((thread) -> thread.startsWith("dynamodown-batch-"));
		}
		else {
			// no thread of the library's: requests leave from the caller and the client's own threads
			assertThat(requests.sent()).extracting(RequestRecorder.Sent::threadName)
				.noneMatch((thread) -> thread.startsWith("dynamodown-"));
		}
		assertThat(this.store.count(KeyRange.all())).isEqualTo(500);
	}

	@Test
	void closeStopsTheThreadsOfTheStores() throws InterruptedException {
		Set<Thread> before = libraryThreads();
		Set<Thread> ownThreads;
		try (Stores own = this.api.open(fixture.clients(), fixture.options().toBuilder()
			.retryBaseDelay(Duration.ofMillis(1))
			.build())) {
			unprocessed.firstTimes(1);
			this.shape.template(own, fixture.table(), this.store.namespace(), ValueCodec.string()).batch((b) -> {
				for (int i = 0; i < 200; i++) {
					b.put("k" + i, "v");
				}
			});
			ownThreads = libraryThreads();
			ownThreads.removeAll(before);
			assertThat(ownThreads).as("the batch threads (blocking) and the scheduler that timed the retries")
				.isNotEmpty()
				.allSatisfy((thread) -> assertThat(thread.isDaemon()).isTrue())
				.anySatisfy((thread) -> assertThat(thread.getName()).startsWith("dynamodown-scheduler-"));
			if (this.api == Api.ASYNC) {
				assertThat(ownThreads).as("no pool").noneMatch((thread) -> thread.getName().startsWith("dynamodown-batch-"));
			}
		}
		for (Thread thread : ownThreads) {
			thread.join(5000);
			assertThat(thread.isAlive()).as(thread.getName()).isFalse();
		}
	}

	@Test
	void aBatchNeverWaitsBehindTheBackoffOfOthers() throws Exception {
		// Two slow batches fill the two threads of the pool, if waiting took threads: each of their
		// chunks keeps an item unprocessed and backs off up to 10 s before every retry.
		DynamoDownOptions slowRetries = DynamoDownOptions.builder()
			.batchConcurrency(2)
			.maxBatchAttempts(3)
			.retryBaseDelay(Duration.ofSeconds(10))
			.retryMaxDelay(Duration.ofSeconds(10))
			.build();
		ExecutorService callers = Executors.newFixedThreadPool(2);
		try (Stores own = this.api.open(fixture.clients(), slowRetries)) {
			SortedKeyValueOperations<String> store = this.shape.template(own, fixture.table(), this.store.namespace(),
					ValueCodec.string());
			unprocessed.always(Set.of("a00", "a25", "b00", "b25"));
			for (String batch : List.of("a", "b")) {
				callers.submit(() -> store.batch((b) -> IntStream.range(0, 50).forEach((i) -> b.put(String.format("%s%02d", batch, i), "v"))));
			}
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
			while (unprocessed.withheld() < 4 && System.nanoTime() < deadline) {
				Thread.sleep(10);
			}
			long start = System.nanoTime();
			BatchResult quick = store.batch((b) -> IntStream.range(0, 75).forEach((i) -> b.put(String.format("c%02d", i), "v")));
			assertThat(quick.applied()).isEqualTo(75);
			assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start))
				.as("ms for a batch while two others back off for seconds (a bound on waiting for them, not a speed)")
				.isLessThan(5000);
		}
		finally {
			callers.shutdownNow();
		}
	}

	@Test
	void oneInvalidOperationSendsNothing() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.store.batch((b) -> {
			for (int i = 0; i < 100; i++) {
				b.put("k" + i, "v");
			}
			b.put("x".repeat(1025), "too long a key");
		})).withMessageContaining("1025 UTF-8 bytes");
		assertThatIllegalArgumentException().isThrownBy(() -> this.store.batch((b) -> b.put("ok", "v").delete("")));
		assertThatNullPointerException().isThrownBy(() -> this.store.batch((b) -> b.put("ok", "v").put("null", null)))
			.withMessage("'value' must not be null");
		assertThat(requests.total()).isZero();
		assertThat(this.store.count(KeyRange.all())).isZero();
	}

	@Test
	void valueUsingAKeyAttributeSendsNothing() {
		SortedKeyValueOperations<Map<String, AttributeValue>> raw = fixture.template(this.shape, this.store.namespace(),
				ValueCodec.attributes());
		assertThatIllegalArgumentException()
			.isThrownBy(() -> raw.batch((b) -> b.put("a", Map.of("v", AttributeValue.fromN("1")))
				.put("b", Map.of("ns", AttributeValue.fromS("elsewhere")))))
			.withMessageContaining("'ns'");
		assertThat(requests.total()).isZero();
	}

	@Test
	void emptyBatchSendsNothing() {
		assertThat(this.store.batch((b) -> {
		})).isEqualTo(new BatchResult(0, 0, 0));
		assertThat(requests.total()).isZero();
	}

	@Test
	void batchCannotBeWrittenAfterItsCallbackReturned() {
		AtomicReference<Batch<String>> leaked = new AtomicReference<>();
		this.store.batch(leaked::set);
		assertThatIllegalStateException().isThrownBy(() -> leaked.get().put("late", "v"));
	}

	@Test
	void unprocessedItemsAreRetriedUntilApplied() {
		unprocessed.firstTimes(2);
		BatchResult result = this.store.batch((b) -> {
			for (int i = 0; i < 60; i++) {
				b.put(String.format("k%02d", i), "v" + i);
			}
		});
		// 3 chunks, each sent 3 times: twice left unprocessed, then applied.
		assertThat(result).isEqualTo(new BatchResult(60, 9, 6));
		assertThat(retriesHeard).hasValue(6);
		assertThat(this.store.count(KeyRange.all())).isEqualTo(60);
		assertThat(this.store.get("k59")).contains("v59");
	}

	@Test
	void itemsUnprocessedAfterTheLastAttemptAreReportedExactly() {
		this.store.put("k10", "to be deleted");
		requests.reset();
		unprocessed.always(Set.of("k03", "k10", "k47"));
		BatchWriteException failure = catchBatchWriteException(() -> this.store.batch((b) -> {
			for (int i = 0; i < 50; i++) {
				String key = String.format("k%02d", i);
				if (i == 10) {
					b.delete(key);
				}
				else {
					b.put(key, "v");
				}
			}
		}));
		assertThat(failure.unapplied()).containsExactly(new BatchOperation(BatchOperation.Kind.PUT, "k03"),
				new BatchOperation(BatchOperation.Kind.DELETE, "k10"), new BatchOperation(BatchOperation.Kind.PUT, "k47"));
		assertThat(failure.applied()).isEqualTo(47);
		assertThat(failure).hasMessageContaining("3 of 50 operations may not have been applied")
			.hasMessageContaining("after 4 attempts")
			.hasMessageContaining(fixture.table())
			.hasMessageContaining(this.store.namespace());
		assertThat(requests.count("BatchWriteItem")).as("2 chunks, 4 attempts each").isEqualTo(8);
		List<String> keys = this.store.keys(KeyRange.all()).toList();
		assertThat(keys).hasSize(48).doesNotContain("k03", "k47").contains("k10", "k00", "k49");
		assertThat(this.store.get("k10")).contains("to be deleted");
	}

	@Test
	void failedRequestReportsItsChunkAndTheUnsentOnes() {
		try (Stores sequentialDown = this.api.open(fixture.clients(),
				fixture.options().toBuilder().batchConcurrency(1).build())) {
			SortedKeyValueOperations<String> sequential = this.shape.template(sequentialDown, fixture.table(),
					this.store.namespace(), ValueCodec.string());
			failing.failRequest(2);
			List<String> written = new ArrayList<>();
			BatchWriteException failure = catchBatchWriteException(() -> sequential.batch((b) -> {
				for (int i = 0; i < 100; i++) {
					String key = String.format("k%03d", i);
					b.put(key, "v");
					written.add(key);
				}
			}));
			assertThat(requests.count("BatchWriteItem")).as("no chunk started after the failure").isEqualTo(1);
			assertThat(failure.unapplied()).extracting(BatchOperation::key)
				.containsExactlyElementsOf(written.subList(25, 100));
			assertThat(failure.applied()).isEqualTo(25);
			assertThat(failure).hasMessageContaining("75 in failed or unsent requests")
				.hasCauseInstanceOf(SdkClientException.class);
			assertThat(this.store.keys(KeyRange.all()).toList()).containsExactlyElementsOf(written.subList(0, 25));
		}
	}

	/** The live threads the library names (of every store factory of this JVM). */
	private static Set<Thread> libraryThreads() {
		Set<Thread> threads = new java.util.HashSet<>();
		Thread.getAllStackTraces().keySet().forEach((thread) -> {
			if (thread.getName().startsWith("dynamodown-")) {
				threads.add(thread);
			}
		});
		return threads;
	}

	private static BatchWriteException catchBatchWriteException(Runnable batch) {
		AtomicReference<BatchWriteException> caught = new AtomicReference<>();
		assertThatExceptionOfType(BatchWriteException.class).isThrownBy(batch::run).satisfies(caught::set);
		return caught.get();
	}

	/** Makes the n-th {@code BatchWriteItem} call fail before it is sent (0: none). */
	static final class FailingRequest implements ExecutionInterceptor {

		private final AtomicInteger calls = new AtomicInteger();

		private volatile int failing;

		void failRequest(int n) {
			this.calls.set(0);
			this.failing = n;
		}

		@Override
		public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
			SdkRequest request = context.request();
			if (request instanceof BatchWriteItemRequest && this.failing > 0 && this.calls.incrementAndGet() == this.failing) {
				throw SdkClientException.create("simulated network failure");
			}
		}

	}

}
