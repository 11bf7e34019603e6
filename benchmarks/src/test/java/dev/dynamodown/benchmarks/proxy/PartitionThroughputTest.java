package dev.dynamodown.benchmarks.proxy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicLong;

import dev.dynamodown.BatchResult;
import dev.dynamodown.DynamoDown;
import dev.dynamodown.SortedKeyValueTemplate;
import dev.dynamodown.ValueCodec;
import dev.dynamodown.benchmarks.store.RawSdkStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.Select;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The throughput model through the proxy, against dynalite. The clock of most tests stands still, so that
 * what a partition may consume is exactly its burst: the tests count admitted and refused requests, never
 * time them.
 */
class PartitionThroughputTest {

	private static final Duration ONE_SECOND = Duration.ofSeconds(1);

	private static DynamoDbClient direct;

	private final AtomicLong clock = new AtomicLong();

	private final List<AutoCloseable> closing = new ArrayList<>();

	private String table;

	@BeforeAll
	static void connect() {
		direct = ProxyClients.sync(ProxyClients.dynalite(), 3);
	}

	@AfterAll
	static void disconnect() {
		direct.close();
	}

	@AfterEach
	void closeAll() throws Exception {
		for (AutoCloseable resource : this.closing) {
			resource.close();
		}
	}

	@Test
	void aHotPartitionTakesItsWriteUnitsPerSecondAndNoMore() {
		PartitionThroughput model = frozen(50, 50);
		BenchmarkProxy proxy = proxy(model);
		DynamoDbClient client = client(proxy, 1);
		this.table = ProxyClients.table(direct, "hot-writes");
		assertThat(puts(client, "hot", 0, 200, 100)).isEqualTo(50);
		assertThat(model.ledger().throttledRequests()).isEqualTo(150);
		assertThat(puts(client, "cold", 0, 10, 100)).as("another partition has its own units").isEqualTo(10);
		this.clock.addAndGet(ONE_SECOND.toNanos());
		assertThat(puts(client, "hot", 200, 100, 100)).as("a second later").isEqualTo(50);
		assertThat(count("hot")).isEqualTo(100);
		assertThat(model.ledger().writeUnits()).isEqualTo(110.0);
		assertThat(proxy.errors()).isEmpty();
	}

	@Test
	void aWriteCostsOneUnitPerStartedKilobyteOfTheItem() {
		PartitionThroughput model = frozen(10, 10);
		DynamoDbClient client = client(proxy(model), 1);
		this.table = ProxyClients.table(direct, "write-units");
		// ns + "big" + k + key + "value" + 2,990 characters: a little under 3 KB, three units each.
		assertThat(puts(client, "big", 0, 5, 2_990)).isEqualTo(3);
		assertThat(model.ledger().writeUnits()).isEqualTo(9.0);
		assertThat(puts(client, "big", 5, 1, 10)).as("one unit is left").isEqualTo(1);
	}

	@Test
	void theSdkRetriesTheRefusalAsThrottlingEveryAttemptDelayed() {
		PartitionThroughput model = frozen(1, 1);
		BenchmarkProxy proxy = BenchmarkProxy.start(ProxyClients.dynalite(), Duration.ofMillis(5), model);
		this.closing.add(proxy);
		DynamoDbClient client = client(proxy, 3);
		this.table = ProxyClients.table(direct, "retried");
		assertThat(puts(client, "hot", 0, 1, 10)).isEqualTo(1);
		long before = proxy.requests();
		assertThatExceptionOfType(ProvisionedThroughputExceededException.class)
			.isThrownBy(() -> client.putItem((r) -> r.tableName(this.table).item(ProxyClients.item("hot", "again", 10))))
			.satisfies((ex) -> assertThat(ex.isThrottlingException()).isTrue())
			.satisfies((ex) -> assertThat(ex.awsErrorDetails().errorCode()).isEqualTo("ProvisionedThroughputExceededException"));
		assertThat(proxy.requests() - before).as("attempts").isEqualTo(3);
		assertThat(model.ledger().throttledRequests()).isEqualTo(3);
	}

	@Test
	void readsCostOneUnitPer4KilobytesAndHalfWhenEventuallyConsistent() {
		PartitionThroughput model = frozen(1000, 5);
		DynamoDbClient client = client(proxy(model), 1);
		this.table = ProxyClients.table(direct, "reads");
		direct.putItem((r) -> r.tableName(this.table).item(ProxyClients.item("r", "small", 100)));
		direct.putItem((r) -> r.tableName(this.table).item(ProxyClients.item("e", "small", 100)));
		direct.putItem((r) -> r.tableName(this.table).item(ProxyClients.item("b", "big", 9_000)));
		assertThat(gets(client, "r", "small", true, 10)).isEqualTo(5);
		assertThat(gets(client, "e", "small", false, 20)).isEqualTo(10);
		// 3 units each, admitted on their minimum while a unit is left, the rest charged after: 5, 2, then -1.
		assertThat(gets(client, "b", "big", true, 10)).isEqualTo(2);
		assertThat(model.ledger().readUnits()).isEqualTo(5 + 5 + 6.0);
	}

	@Test
	void aQueryCostsTheItemsItReadEvenWhenItReturnsOnlyKeysOrACount() {
		PartitionThroughput model = frozen(1000, 1000);
		DynamoDbClient client = client(proxy(model), 1);
		this.table = ProxyClients.table(direct, "query-units");
		for (int i = 0; i < 10; i++) {
			String key = "k" + i;
			direct.putItem((r) -> r.tableName(this.table).item(ProxyClients.item("q", key, 4_000)));
		}
		QueryRequest all = QueryRequest.builder()
			.tableName(this.table)
			.keyConditionExpression("#h = :h")
			.expressionAttributeNames(Map.of("#h", "ns"))
			.expressionAttributeValues(Map.of(":h", AttributeValue.fromS("q")))
			.consistentRead(true)
			.build();
		assertThat(client.query(all).items()).hasSize(10);
		double full = model.ledger().readUnits();
		assertThat(full).as("about 40 KB read").isBetween(10.0, 11.0);
		model.resetLedger();
		assertThat(client.query(all.toBuilder().projectionExpression("k").build()).items()).hasSize(10);
		assertThat(model.ledger().readUnits()).as("keys only").isEqualTo(full);
		model.resetLedger();
		assertThat(client.query(all.toBuilder().select(Select.COUNT).build()).count()).isEqualTo(10);
		assertThat(model.ledger().readUnits()).as("count").isEqualTo(full);
		model.resetLedger();
		assertThat(client.query(all.toBuilder().consistentRead(false).build()).items()).hasSize(10);
		assertThat(model.ledger().readUnits()).as("eventually consistent").isEqualTo(full / 2);
	}

	@Test
	void aBatchWriteReturnsTheThrottledItemsUnprocessedAndFailsOnlyWhenAllAre() {
		PartitionThroughput model = frozen(10, 10);
		DynamoDbClient client = client(proxy(model), 1);
		this.table = ProxyClients.table(direct, "batch-writes");
		List<WriteRequest> writes = new ArrayList<>();
		for (int i = 0; i < 25; i++) {
			writes.add(put((i % 5 == 4) ? "cold" : "hot", String.format("k%02d", i)));
		}
		BatchWriteItemResponse response = client.batchWriteItem((r) -> r.requestItems(Map.of(this.table, writes)));
		List<WriteRequest> unprocessed = response.unprocessedItems().get(this.table);
		assertThat(unprocessed).as("hot items beyond its 10 units").hasSize(10).allSatisfy((write) -> assertThat(
				write.putRequest().item().get("ns").s()).isEqualTo("hot"));
		assertThat(unprocessed).isEqualTo(writes.stream().filter((write) -> write.putRequest().item().get("ns").s().equals("hot")).skip(10).toList());
		assertThat(count("hot")).isEqualTo(10);
		assertThat(count("cold")).isEqualTo(5);
		assertThat(model.ledger().unprocessedEntries()).isEqualTo(10);

		assertThatExceptionOfType(ProvisionedThroughputExceededException.class)
			.isThrownBy(() -> client.batchWriteItem((r) -> r.requestItems(Map.of(this.table, unprocessed))));
		this.clock.addAndGet(ONE_SECOND.toNanos());
		assertThat(client.batchWriteItem((r) -> r.requestItems(Map.of(this.table, unprocessed))).unprocessedItems()).isEmpty();
		assertThat(count("hot")).isEqualTo(20);
	}

	@Test
	void aBatchGetReturnsTheThrottledKeysUnprocessedWithTheirProjection() {
		PartitionThroughput model = frozen(1000, 5);
		DynamoDbClient client = client(proxy(model), 1);
		this.table = ProxyClients.table(direct, "batch-gets");
		List<Map<String, AttributeValue>> keys = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			String key = "k" + i;
			direct.putItem((r) -> r.tableName(this.table).item(ProxyClients.item("hot", key, 100)));
			keys.add(ProxyClients.key("hot", key));
		}
		KeysAndAttributes request = KeysAndAttributes.builder()
			.keys(keys)
			.consistentRead(true)
			.projectionExpression("#k, #v")
			.expressionAttributeNames(Map.of("#k", "k", "#v", "value"))
			.build();
		BatchGetItemResponse response = client.batchGetItem((r) -> r.requestItems(Map.of(this.table, request)));
		assertThat(response.responses().get(this.table)).hasSize(5);
		KeysAndAttributes unprocessed = response.unprocessedKeys().get(this.table);
		assertThat(unprocessed).isEqualTo(request.toBuilder().keys(keys.subList(5, 20)).build());
		assertThat(model.ledger().unprocessedEntries()).isEqualTo(15);
		assertThatExceptionOfType(ProvisionedThroughputExceededException.class)
			.isThrownBy(() -> client.batchGetItem((r) -> r.requestItems(Map.of(this.table, unprocessed))));
	}

	/**
	 * On the real clock: a batch of 25 items into a fresh partition of 10 units gets 10 written and 15 back
	 * unprocessed, and both contenders' batch loops retry those until they are written (a retry that finds the
	 * partition still empty is refused whole, and the SDK retries that as throttling).
	 */
	@Test
	void theRawSdkLoopAndDynamodownRetryUnprocessedItemsUntilApplied() {
		PartitionThroughput model = PartitionThroughput.perPartition(10, 10, ONE_SECOND);
		DynamoDbClient client = client(proxy(model), 0);
		this.table = ProxyClients.table(direct, "retried-batches");
		Map<String, String> entries = new LinkedHashMap<>();
		for (int i = 0; i < 25; i++) {
			entries.put(String.format("k%02d", i), "value " + i);
		}
		ExecutorService pool = Executors.newCachedThreadPool();
		try {
			new RawSdkStore(client, this.table, "raw", pool).write(entries);
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(count("raw")).isEqualTo(25);
		assertThat(model.ledger().unprocessedEntries()).isGreaterThanOrEqualTo(15);

		model.resetLedger();
		try (DynamoDown dynamoDown = DynamoDown.create(client)) {
			SortedKeyValueTemplate<String> store = dynamoDown.template(this.table, "dd", ValueCodec.string());
			BatchResult result = store.batch((batch) -> entries.forEach(batch::put));
			assertThat(result.applied()).isEqualTo(25);
			assertThat(result.retries()).isPositive();
		}
		assertThat(count("dd")).isEqualTo(25);
		assertThat(model.ledger().unprocessedEntries()).isGreaterThanOrEqualTo(15);
	}

	private PartitionThroughput frozen(long writeUnits, long readUnits) {
		return PartitionThroughput.perPartition(writeUnits, readUnits, ONE_SECOND).withClock(this.clock::get);
	}

	private BenchmarkProxy proxy(PartitionThroughput model) {
		BenchmarkProxy proxy = BenchmarkProxy.start(ProxyClients.dynalite(), Duration.ZERO, model);
		this.closing.add(proxy);
		return proxy;
	}

	private DynamoDbClient client(BenchmarkProxy proxy, int maxAttempts) {
		DynamoDbClient client = ProxyClients.sync(proxy.endpoint(), maxAttempts);
		this.closing.add(0, client);
		return client;
	}

	/** Puts {@code count} items into a partition one by one; returns how many were admitted. */
	private int puts(DynamoDbClient client, String partition, int from, int count, int valueLength) {
		int admitted = 0;
		for (int i = from; i < from + count; i++) {
			String key = String.format("k%04d", i);
			try {
				client.putItem((r) -> r.tableName(this.table).item(ProxyClients.item(partition, key, valueLength)));
				admitted++;
			}
			catch (ProvisionedThroughputExceededException ex) {
				// refused: counted by what is not admitted
			}
		}
		return admitted;
	}

	/** Reads a key {@code count} times; returns how many reads were admitted. */
	private int gets(DynamoDbClient client, String partition, String key, boolean consistent, int count) {
		int admitted = 0;
		for (int i = 0; i < count; i++) {
			try {
				assertThat(client.getItem((r) -> r.tableName(this.table).key(ProxyClients.key(partition, key)).consistentRead(consistent))
					.hasItem()).isTrue();
				admitted++;
			}
			catch (ProvisionedThroughputExceededException ex) {
				// refused
			}
		}
		return admitted;
	}

	/** Items of a partition, read straight from dynalite. */
	private int count(String partition) {
		return direct.query((r) -> r.tableName(this.table)
			.keyConditionExpression("ns = :p")
			.expressionAttributeValues(Map.of(":p", AttributeValue.fromS(partition)))
			.select(Select.COUNT)
			.consistentRead(true)).count();
	}

	private static WriteRequest put(String partition, String key) {
		return WriteRequest.builder().putRequest(PutRequest.builder().item(ProxyClients.item(partition, key, 50)).build()).build();
	}

}
