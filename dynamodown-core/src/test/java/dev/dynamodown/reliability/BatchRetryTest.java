package dev.dynamodown.reliability;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

import dev.dynamodown.Batch;
import dev.dynamodown.BatchOperation;
import dev.dynamodown.BatchResult;
import dev.dynamodown.BatchWriteException;
import dev.dynamodown.Clients;
import dev.dynamodown.DynamoDownException;
import dev.dynamodown.DynamoDownListener;
import dev.dynamodown.DynamoDownOptions;
import dev.dynamodown.SortedKeyValueOperations;
import dev.dynamodown.StoreShape;
import dev.dynamodown.Stores;
import dev.dynamodown.ValueCodec;
import dev.dynamodown.internal.shard.ShardLayout;
import dev.dynamodown.reliability.faults.Fault;
import dev.dynamodown.reliability.faults.FaultLog;
import dev.dynamodown.reliability.faults.FaultPlan;
import dev.dynamodown.reliability.faults.FaultProxy;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.InternalServerErrorException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The library's own retries of what {@code BatchWriteItem} and {@code BatchGetItem} leave
 * unprocessed, through the fault proxy: bounded by {@link DynamoDownOptions#maxBatchAttempts()}
 * requests per chunk, backing off exponentially with jitter, and reporting exactly the operations
 * that were not applied.
 */
@ParameterizedClass
// Retries work per chunk, whatever its shards: one sharded shape.
@EnumSource(value = StoreShape.class, names = { "BLOCKING", "ASYNC", "BLOCKING_7_SHARDS" })
class BatchRetryTest {

	@Parameter
	StoreShape shape;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final FaultProxy proxy = FaultProxy.start(ReliabilitySupport.dynalite(), 11);

	private static DynamoDbClient direct;

	private static Clients faulty;

	private static String table;

	private final AtomicInteger retriesSeen = new AtomicInteger();

	private String namespace;

	@BeforeAll
	static void createTable() {
		direct = ReliabilitySupport.directClient();
		faulty = ReliabilitySupport.faultyClients(proxy.endpoint(), 3);
		table = ReliabilitySupport.createTable(direct, "batch-retry");
	}

	@AfterAll
	static void close() {
		faulty.close();
		direct.close();
		proxy.close();
	}

	@BeforeEach
	void freshNamespace(TestInfo test) {
		this.namespace = this.shape.namespace(test.getTestMethod().orElseThrow().getName());
	}

	@AfterEach
	void proxyHadNoErrors() {
		assertThat(proxy.errors()).isEmpty();
		proxy.plan(FaultPlan.none());
	}

	@Test
	void aPermanentlyUnprocessedChunkFailsAfterExactlyMaxBatchAttemptsAndOnlyItsOperationsAreUnapplied() {
		try (Stores dd = dynamoDown((o) -> o.maxBatchAttempts(4).batchConcurrency(1))) {
			SortedKeyValueOperations<String> store = warmTemplate(dd);
			// Chunk 1 (25 puts) goes through; chunk 2 (the other 15 operations) is never processed.
			proxy.plan(FaultPlan.script().next("BatchWriteItem", Fault.NONE, Fault.ALL_UNPROCESSED, Fault.ALL_UNPROCESSED,
					Fault.ALL_UNPROCESSED, Fault.ALL_UNPROCESSED, Fault.ALL_UNPROCESSED));
			List<BatchOperation> operations = operations(40);
			BatchWriteException failure = catchThrowableOfType(BatchWriteException.class,
					() -> store.batch((batch) -> apply(operations, batch)));

			assertThat(failure.unapplied()).containsExactlyElementsOf(operations.subList(25, 40));
			assertThat(failure.applied()).isEqualTo(25);
			assertThat(failure.getMessage()).contains("15 of 40").contains("after 4 attempts");
			List<Set<String>> requests = keysOfRequests(proxy.log().entries("BatchWriteItem"));
			assertThat(requests).hasSize(5);
			assertThat(requests.subList(1, 5)).allSatisfy((keys) -> assertThat(keys).isEqualTo(keys(operations.subList(25, 40))));
			assertThat(this.retriesSeen).hasValue(3);
			assertThat(storedKeys()).isEqualTo(keys(operations.subList(0, 25)).stream()
				.filter((key) -> isPut(operations, key)).collect(TreeSet::new, Set::add, Set::addAll));
		}
	}

	@Test
	void partiallyUnprocessedItemsAreResentUntilApplied() {
		try (Stores dd = dynamoDown((o) -> o.maxBatchAttempts(10))) {
			SortedKeyValueOperations<String> store = warmTemplate(dd);
			proxy.plan(FaultPlan.script().next("BatchWriteItem", Fault.PARTIALLY_UNPROCESSED, Fault.PARTIALLY_UNPROCESSED,
					Fault.PARTIALLY_UNPROCESSED));
			List<BatchOperation> operations = operations(20);
			BatchResult result = store.batch((batch) -> apply(operations, batch));

			assertThat(result).isEqualTo(new BatchResult(20, 4, 3));
			List<FaultLog.Entry> sent = proxy.log().entries("BatchWriteItem");
			List<Set<String>> requests = keysOfRequests(sent);
			for (int retry = 1; retry < 4; retry++) {
				// each retry re-sends exactly what the previous answer left unprocessed
				assertThat(requests.get(retry)).hasSize(sent.get(retry - 1).held()).isSubsetOf(requests.get(retry - 1));
			}
			assertThat(storedKeys()).isEqualTo(keys(operations).stream().filter((key) -> isPut(operations, key))
				.collect(TreeSet::new, Set::add, Set::addAll));
		}
	}

	@Test
	void backoffBetweenRetriesGrowsExponentiallyWithJitter() {
		int attempts = 9;
		CallClock clock = new CallClock();
		try (Clients clients = ReliabilitySupport.faultyClients(proxy.endpoint(), 3, clock);
				Stores dd = this.shape.api().open(clients, DynamoDownOptions.builder().maxBatchAttempts(attempts)
					.batchConcurrency(4).retryBaseDelay(Duration.ofMillis(40)).retryMaxDelay(Duration.ofMillis(320)).build())) {
			SortedKeyValueOperations<String> store = warmTemplate(dd);
			proxy.plan(FaultPlan.always("BatchWriteItem", Fault.ALL_UNPROCESSED));
			List<BatchOperation> operations = operations(100);
			BatchWriteException failure = catchThrowableOfType(BatchWriteException.class,
					() -> store.batch((batch) -> apply(operations, batch)));
			assertThat(failure.unapplied()).containsExactlyElementsOf(operations);

			Map<Set<String>, List<Long>> waitsByChunk = clock.waitsBetweenCalls();
			assertThat(waitsByChunk).hasSize(4).allSatisfy((keys, waits) -> assertThat(waits).hasSize(attempts - 1));
			List<Long> early = new ArrayList<>();
			List<Long> late = new ArrayList<>();
			waitsByChunk.values().forEach((waits) -> {
				System.out.println("[backoff] waits before retries 1.." + (attempts - 1) + " (ms): " + waits);
				early.addAll(waits.subList(0, 2));
				late.addAll(waits.subList(4, attempts - 1));
			});
			// Retry n waits a random time up to 40 ms * 2^(n-1), capped at 320 ms: retries 1-2 wait
			// 15 ms on average, retries 5-8 160 ms. Over 8 and 16 samples, a difference of the means
			// below 40 ms has a chance of about 1 in 10,000; a constant backoff shows none.
			assertThat(mean(late) - mean(early)).as("mean wait before retries 5-8 minus before retries 1-2 (ms)")
				.isGreaterThan(40);
			// Full jitter: without it every wait at the cap would be at least 320 ms; with it, all 16
			// of them above 250 ms has a chance below 1 in a million.
			assertThat(late).as("waits before retries 5-8 (ms)").anySatisfy((wait) -> assertThat(wait).isLessThan(250));
			// The cap: no wait far beyond 320 ms (the margin absorbs a starved scheduler).
			assertThat(late).as("waits before retries 5-8 (ms)").allSatisfy((wait) -> assertThat(wait).isLessThan(320 + 400));
		}
	}

	private static double mean(List<Long> values) {
		return values.stream().mapToLong(Long::longValue).average().orElseThrow();
	}

	@Test
	void aChunkWhoseRequestFailsIsUnappliedAndLaterChunksAreNotSent() {
		try (Stores dd = dynamoDown((o) -> o.batchConcurrency(1))) {
			SortedKeyValueOperations<String> store = warmTemplate(dd);
			// chunk 1 applied; chunk 2 fails all three attempts of the client; chunk 3 never starts
			proxy.plan(FaultPlan.script().next("BatchWriteItem", Fault.NONE, Fault.INTERNAL_ERROR, Fault.INTERNAL_ERROR,
					Fault.INTERNAL_ERROR));
			List<BatchOperation> operations = operations(70);
			BatchWriteException failure = catchThrowableOfType(BatchWriteException.class,
					() -> store.batch((batch) -> apply(operations, batch)));

			assertThat(failure.unapplied()).containsExactlyElementsOf(operations.subList(25, 70));
			assertThat(failure.applied()).isEqualTo(25);
			assertThat(failure).hasCauseInstanceOf(InternalServerErrorException.class);
			assertThat(proxy.log().entries("BatchWriteItem")).hasSize(4);
			assertThat(storedKeys()).isEqualTo(keys(operations.subList(0, 25)).stream()
				.filter((key) -> isPut(operations, key)).collect(TreeSet::new, Set::add, Set::addAll));
		}
	}

	@Test
	void aBatchWhoseAnswerWasLostAfterApplyingIsResentAndSucceeds() {
		try (Stores dd = dynamoDown((o) -> o)) {
			SortedKeyValueOperations<String> store = warmTemplate(dd);
			proxy.plan(FaultPlan.script().next("BatchWriteItem", Fault.RESET_AFTER, Fault.INTERNAL_ERROR_AFTER));
			List<BatchOperation> operations = operations(10);
			assertThat(store.batch((batch) -> apply(operations, batch))).isEqualTo(new BatchResult(10, 1, 0));
			assertThat(proxy.log().entries("BatchWriteItem")).hasSize(3);
			assertThat(storedKeys()).hasSize((int) operations.stream().filter(BatchOperation::isPut).count());
		}
	}

	@Test
	void getAllResendsUnprocessedKeysAndFailsAfterMaxBatchAttempts() {
		try (Stores dd = dynamoDown((o) -> o.maxBatchAttempts(3))) {
			SortedKeyValueOperations<String> store = warmTemplate(dd);
			List<String> keys = new ArrayList<>();
			for (int i = 0; i < 30; i++) {
				keys.add(String.format("g%02d", i));
				store.put(keys.get(i), "value " + i);
			}
			proxy.plan(FaultPlan.script().next("BatchGetItem", Fault.PARTIALLY_UNPROCESSED, Fault.PARTIALLY_UNPROCESSED));
			Map<String, String> found = store.getAll(keys);
			assertThat(found.keySet()).containsExactlyElementsOf(keys);
			assertThat(found).containsEntry("g07", "value 7");
			assertThat(proxy.log().entries("BatchGetItem")).hasSize(3);
			assertThat(this.retriesSeen).hasValue(2);

			proxy.log().clear();
			proxy.plan(FaultPlan.always("BatchGetItem", Fault.ALL_UNPROCESSED));
			DynamoDownException failure = catchThrowableOfType(DynamoDownException.class, () -> store.getAll(keys));
			assertThat(failure).hasMessageContaining("30 keys still unprocessed after 3 attempts");
			assertThat(proxy.log().entries("BatchGetItem")).hasSize(3);
		}
	}

	private Stores dynamoDown(UnaryOperator<DynamoDownOptions.Builder> options) {
		DynamoDownOptions.Builder builder = DynamoDownOptions.builder()
			.retryBaseDelay(Duration.ofMillis(1))
			.retryMaxDelay(Duration.ofMillis(5))
			.listener(new DynamoDownListener() {
				@Override
				public void batchRetried(String table, String namespace, int unprocessed) {
					BatchRetryTest.this.retriesSeen.incrementAndGet();
				}
			});
		return this.shape.api().open(faulty, options.apply(builder).build());
	}

	/**
	 * Times, inside the SDK, the pause between one {@code BatchWriteItem} call's end and the next
	 * call for the same chunk (same keys): the library's backoff, without network or proxy time.
	 */
	private static final class CallClock implements ExecutionInterceptor {

		private final Map<Set<String>, List<long[]>> calls = new ConcurrentHashMap<>();

		private static final ExecutionAttribute<Long> STARTED = new ExecutionAttribute<>("started");

		@Override
		public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
			attributes.putAttribute(STARTED, System.nanoTime());
		}

		@Override
		public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
			if (context.request() instanceof BatchWriteItemRequest request) {
				Set<String> keys = new TreeSet<>();
				request.requestItems().values().forEach((writes) -> writes.forEach((write) -> keys.add(
						(write.putRequest() != null) ? write.putRequest().item().get("k").s() : write.deleteRequest().key().get("k").s())));
				this.calls.computeIfAbsent(keys, (k) -> new CopyOnWriteArrayList<>())
					.add(new long[] { attributes.getAttribute(STARTED), System.nanoTime() });
			}
		}

		/** Per chunk, the milliseconds from the end of each call to the start of the next. */
		Map<Set<String>, List<Long>> waitsBetweenCalls() {
			Map<Set<String>, List<Long>> waits = new LinkedHashMap<>();
			this.calls.forEach((keys, spans) -> {
				List<Long> chunk = new ArrayList<>();
				for (int i = 1; i < spans.size(); i++) {
					chunk.add((spans.get(i)[0] - spans.get(i - 1)[1]) / 1_000_000);
				}
				waits.put(keys, chunk);
			});
			return waits;
		}

	}

	/**
	 * A template whose table is already described and whose namespace is claimed (a write), and a
	 * clean request log.
	 */
	private SortedKeyValueOperations<String> warmTemplate(Stores dd) {
		SortedKeyValueOperations<String> store = this.shape.template(dd, table, this.namespace, ValueCodec.string());
		store.delete("warm-up");
		proxy.log().clear();
		return store;
	}

	/** Puts and some deletes over distinct keys, in key order. */
	private static List<BatchOperation> operations(int count) {
		List<BatchOperation> operations = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			String key = String.format("b%03d", i);
			operations.add(new BatchOperation((i % 5 == 4) ? BatchOperation.Kind.DELETE : BatchOperation.Kind.PUT, key));
		}
		return operations;
	}

	private static void apply(List<BatchOperation> operations, Batch<String> batch) {
		for (BatchOperation operation : operations) {
			if (operation.isPut()) {
				batch.put(operation.key(), "value of " + operation.key());
			}
			else {
				batch.delete(operation.key());
			}
		}
	}

	private static boolean isPut(List<BatchOperation> operations, String key) {
		return operations.stream().anyMatch((operation) -> operation.key().equals(key) && operation.isPut());
	}

	private static Set<String> keys(List<BatchOperation> operations) {
		Set<String> keys = new TreeSet<>();
		operations.forEach((operation) -> keys.add(operation.key()));
		return keys;
	}

	private static List<Set<String>> keysOfRequests(List<FaultLog.Entry> entries) {
		return entries.stream().map(BatchRetryTest::keys).toList();
	}

	/** The range keys a BatchWriteItem request carries. */
	private static Set<String> keys(FaultLog.Entry entry) {
		Set<String> keys = new TreeSet<>();
		for (JsonNode tableWrites : JSON.readTree(entry.body()).get("RequestItems")) {
			for (JsonNode write : tableWrites) {
				JsonNode attributes = write.has("PutRequest") ? write.get("PutRequest").get("Item")
						: write.get("DeleteRequest").get("Key");
				keys.add(attributes.get("k").get("S").asString());
			}
		}
		return keys;
	}

	/** The keys stored in the namespace's partitions, read straight from dynalite. */
	private Set<String> storedKeys() {
		Set<String> keys = new TreeSet<>();
		for (String partition : ShardLayout.of(this.namespace, this.shape.shards()).partitions()) {
			direct.queryPaginator((q) -> q.tableName(table)
				.keyConditionExpression("ns = :ns")
				.expressionAttributeValues(Map.of(":ns", AttributeValue.fromS(partition)))
				.consistentRead(true)).items().forEach((item) -> keys.add(item.get("k").s()));
		}
		return keys;
	}

}
