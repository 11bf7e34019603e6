package dev.dynamodown;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
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
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * What sharding adds to a store: where its items go, the record of its shard count (read once per
 * store, claimed before a sharded store's first write, compared before any read or write could
 * miss an item), and what {@code destroy} does with it. The behaviour every store shares is
 * checked for sharded stores by the suites parameterised over {@link StoreShape}.
 */
@ParameterizedClass
@EnumSource(Api.class)
class ShardingTest {

	@Parameter
	Api api;

	private static final RequestRecorder requests = new RequestRecorder();

	@RegisterExtension
	static final DynamoDownFixture fixture = DynamoDownFixture.table("sharding").interceptors(requests);

	private String namespace;

	@BeforeEach
	void fresh(TestInfo test) {
		this.namespace = test.getTestMethod().orElseThrow().getName() + "-" + this.api;
		for (Api each : Api.values()) {
			fixture.template(each, "warm-up").get("describe the table");
		}
		requests.reset();
	}

	@Test
	void shardingIsAValue() {
		assertThat(Sharding.shards(16)).isEqualTo(Sharding.shards(16)).hasSameHashCodeAs(Sharding.shards(16))
			.isNotEqualTo(Sharding.shards(8))
			.hasToString("Sharding.shards(16)");
		assertThat(Sharding.none()).isSameAs(Sharding.shards(1)).isEqualTo(Sharding.shards(1));
		assertThat(Sharding.none().isSharded()).isFalse();
		assertThat(Sharding.shards(64).count()).isEqualTo(Sharding.MAX_SHARDS).isEqualTo(64);
	}

	@Test
	void oneShardWritesNoRecordKeepsDynamoDownsLayoutAndReadsTheRecordOnce() {
		SortedKeyValueOperations<String> plain = store(1);
		plain.put("a", "1");
		plain.put("b", "2");
		assertThat(plain.get("a")).contains("1");
		assertThat(recordReads()).as("the record read once, before the first request").isEqualTo(1);
		assertThat(requests.sent().get(0).operation()).isEqualTo("GetItem");
		assertThat(requests.count("PutItem")).as("no claim").isEqualTo(2);
		assertThat(rawItems()).containsOnlyKeys(this.namespace + " a", this.namespace + " b");
	}

	@Test
	void aShardedStoreClaimsItsNamespaceOnceAndPutsEachKeyInItsShard() {
		SortedKeyValueOperations<String> events = store(7);
		events.put("2024-01-01T00:00:00Z", "first");
		assertThat(requests.sent()).extracting(RequestRecorder.Sent::operation)
			.as("record read, unsharded partition probed, namespace claimed, item written")
			.containsExactly("GetItem", "Query", "PutItem", "PutItem");
		assertThat(requests.requests("PutItem", PutItemRequest.class).get(0).conditionExpression())
			.isEqualTo("attribute_not_exists(#h) OR #c = :c");
		requests.reset();
		List<String> keys = IntStream.range(0, 50).mapToObj((i) -> String.format("2024-01-01T00:%02d:00Z", i)).toList();
		keys.forEach((key) -> events.put(key, "v"));
		events.batch((batch) -> keys.forEach((key) -> batch.put(key + "/b", "w")));
		assertThat(requests.count("GetItem") + requests.count("Query")).as("no check after the claim").isZero();

		ShardLayout layout = ShardLayout.of(this.namespace, 7);
		Map<String, Map<String, AttributeValue>> stored = rawItems();
		assertThat(stored).containsEntry(layout.recordPartition() + " shards",
				Map.of("ns", AttributeValue.fromS(layout.recordPartition()), "k", AttributeValue.fromS("shards"), "shards",
						AttributeValue.fromN("7")));
		stored.remove(layout.recordPartition() + " shards");
		assertThat(stored).as("the first key written again, and 99 others").hasSize(100).allSatisfy((id, item) -> assertThat(item.get("ns").s())
			.isEqualTo(layout.partitionFor(item.get("k").s())));
		assertThat(stored.values().stream().map((item) -> item.get("ns").s()).distinct())
			.as("ascending keys spread over every shard")
			.hasSize(7);
		assertThat(events.keys(KeyRange.all()).toList()).hasSize(100).isSortedAccordingTo(Keys.UTF8_ORDER);
	}

	@Test
	void aSingleKeyOperationGoesToTheKeysShardOnly() {
		SortedKeyValueOperations<String> events = store(7);
		events.put("k", "v");
		String partition = ShardLayout.of(this.namespace, 7).partitionFor("k");
		requests.reset();
		assertThat(events.putIfAbsent("k", "other")).isFalse();
		assertThat(events.get("k")).contains("v");
		events.delete("k");
		assertThat(events.putIfAbsent("k", "again")).isTrue();
		assertThat(requests.sent()).hasSize(4).allSatisfy((sent) -> assertThat(keyPartition(sent)).isEqualTo(partition));
		assertThatExceptionOfType(AtomicBatchException.class)
			.isThrownBy(() -> events.atomicBatch((batch) -> batch.put("x", "1").put("y", "2").delete("k")));
		assertThat(requests.requests("TransactWriteItems", TransactWriteItemsRequest.class).get(0).transactItems())
			.extracting((item) -> (item.put() != null) ? item.put().item() : item.delete().key())
			.allSatisfy((key) -> assertThat(key.get("ns").s())
				.isEqualTo(ShardLayout.of(this.namespace, 7).partitionFor(key.get("k").s())));
	}

	@Test
	void anotherCountThanTheRecordedOneIsRefusedNamingBothBeforeAnyItemIsReadOrWritten() {
		store(7).put("a", "1");
		requests.reset();
		for (int shards : new int[] { 1, 8 }) {
			SortedKeyValueOperations<String> wrong = store(shards);
			String message = "Namespace '" + this.namespace + "' of table '" + fixture.table()
					+ "' is laid out over 7 shards (recorded in the table), but was opened with " + shards
					+ ((shards == 1) ? " shard" : " shards");
			assertThatExceptionOfType(DynamoDownException.class).isThrownBy(() -> wrong.get("a")).withMessageStartingWith(message);
			assertThatExceptionOfType(DynamoDownException.class).isThrownBy(() -> wrong.put("b", "2"))
				.withMessageStartingWith(message);
			assertThatExceptionOfType(DynamoDownException.class).isThrownBy(() -> wrong.keys(KeyRange.all()).toList())
				.withMessageStartingWith(message);
			assertThatExceptionOfType(DynamoDownException.class).isThrownBy(() -> wrong.count(KeyRange.all()))
				.withMessageStartingWith(message);
			assertThatExceptionOfType(DynamoDownException.class).isThrownBy(() -> wrong.batch((b) -> b.put("c", "3")))
				.withMessageStartingWith(message);
		}
		assertThat(requests.sent()).as("only the record was read, every time: the check is not kept when it fails")
			.hasSize(10)
			.allSatisfy((sent) -> assertThat(sent.request()).isInstanceOf(GetItemRequest.class));
		assertThat(store(7).list(KeyRange.all())).containsExactly(new KeyValue<>("a", "1"));
	}

	@Test
	void aShardedStoreRefusesANamespaceWrittenWithoutShardingAndClaimsNothing() {
		store(1).put("a", "written by an unsharded store, or by dynamo-down");
		requests.reset();
		SortedKeyValueOperations<String> sharded = store(7);
		String message = "is laid out over 1 shard (it holds items written without sharding), but was opened with 7 shards";
		assertThatExceptionOfType(DynamoDownException.class).isThrownBy(() -> sharded.list(KeyRange.all()))
			.withMessageContaining(message);
		assertThatExceptionOfType(DynamoDownException.class).isThrownBy(() -> sharded.put("b", "2"))
			.withMessageContaining(message);
		assertThat(requests.sent()).extracting(RequestRecorder.Sent::operation)
			.containsExactly("GetItem", "Query", "GetItem", "Query");
		assertThat(rawItems()).containsOnlyKeys(this.namespace + " a");
	}

	@Test
	void anEmptyUnclaimedNamespaceReadsEmptyAndIsCheckedAgainUntilClaimed() {
		SortedKeyValueOperations<String> sharded = store(7);
		assertThat(sharded.list(KeyRange.all())).isEmpty();
		assertThat(sharded.get("a")).isEmpty();
		assertThat(recordReads()).as("checked at every use while unclaimed").isEqualTo(2);
		assertThat(rawItems()).as("reads claim nothing").isEmpty();
		store(1).put("a", "an unsharded store may still take it");
		assertThatExceptionOfType(DynamoDownException.class).isThrownBy(() -> sharded.get("a"))
			.withMessageContaining("over 1 shard (it holds items written without sharding)");
	}

	@Test
	void concurrentFirstWritesOfTwoCountsLetExactlyOneClaimTheNamespace() throws Exception {
		ExecutorService threads = Executors.newFixedThreadPool(2);
		try {
			for (int round = 0; round < 4; round++) {
				String contested = this.namespace + "-" + round;
				SortedKeyValueOperations<String> seven = fixture.template(this.api, contested, ValueCodec.string(), Sharding.shards(7));
				SortedKeyValueOperations<String> eight = fixture.template(this.api, contested, ValueCodec.string(), Sharding.shards(8));
				CountDownLatch start = new CountDownLatch(1);
				Future<Optional<Throwable>> byseven = threads.submit(attempt(start, () -> seven.put("k", "seven")));
				Future<Optional<Throwable>> byeight = threads.submit(attempt(start, () -> eight.put("k", "eight")));
				start.countDown();
				Optional<Throwable> sevenFailed = byseven.get(30, TimeUnit.SECONDS);
				Optional<Throwable> eightFailed = byeight.get(30, TimeUnit.SECONDS);
				assertThat(sevenFailed.isPresent()).as("exactly one loses").isNotEqualTo(eightFailed.isPresent());
				int winner = sevenFailed.isPresent() ? 8 : 7;
				int loser = 15 - winner;
				assertThat(sevenFailed.or(() -> eightFailed)).get()
					.isInstanceOf(DynamoDownException.class)
					.satisfies((lost) -> assertThat(lost.getMessage()).contains("laid out over " + winner + " shards")
						.contains("opened with " + loser + " shards"));
				SortedKeyValueOperations<String> won = (winner == 7) ? seven : eight;
				assertThat(won.list(KeyRange.all())).containsExactly(new KeyValue<>("k", (winner == 7) ? "seven" : "eight"));
				assertThat(fixture.template(this.api, contested, ValueCodec.string(), Sharding.shards(winner)).count(KeyRange.all()))
					.isOne();
			}
		}
		finally {
			threads.shutdownNow();
		}
	}

	@Test
	void concurrentFirstUsesOfAStoreReadTheRecordOnce() throws Exception {
		SortedKeyValueOperations<String> plain = store(1);
		ExecutorService threads = Executors.newFixedThreadPool(8);
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<Optional<Throwable>>> gets = new ArrayList<>();
			for (int i = 0; i < 8; i++) {
				gets.add(threads.submit(attempt(start, () -> plain.get("k"))));
			}
			start.countDown();
			for (Future<Optional<Throwable>> get : gets) {
				assertThat(get.get(30, TimeUnit.SECONDS)).isEmpty();
			}
		}
		finally {
			threads.shutdownNow();
		}
		assertThat(recordReads()).isOne();
	}

	@Test
	void templatesOfOneNamespaceShareTheVerifiedCount() {
		store(7).put("a", "1");
		requests.reset();
		assertThat(store(7).get("a")).as("a template made for one call").contains("1");
		assertThat(store(7).keys(KeyRange.all()).toList()).containsExactly("a");
		assertThat(recordReads()).as("verified by the first template of the namespace").isZero();
	}

	@Test
	void aTemplateThatFoundNoRecordChecksAgainOnceAnotherCountClaimedTheNamespace() {
		SortedKeyValueOperations<String> plain = store(1);
		assertThat(plain.get("a")).as("no record, no items: verified as unsharded").isEmpty();
		store(7).put("a", "written over 7 shards");
		assertThatExceptionOfType(DynamoDownException.class).as("not a silent miss of the sharded item")
			.isThrownBy(() -> plain.get("a"))
			.withMessageContaining("laid out over 7 shards");
	}

	@Test
	void aNamespaceDestroyedByLocationIsClaimedAgainByTheTemplatesThatHadVerifiedIt() {
		SortedKeyValueOperations<String> events = store(7);
		events.put("a", "1");
		fixture.stores(this.api).destroy(fixture.table() + "/" + this.namespace);
		assertThat(rawItems()).isEmpty();
		events.put("b", "2");
		assertThat(rawItems()).as("the record claimed again, so that other counts see the items")
			.containsKey(ShardLayout.of(this.namespace, 7).recordPartition() + " shards");
		assertThatExceptionOfType(DynamoDownException.class).isThrownBy(() -> store(1).get("b"))
			.withMessageContaining("laid out over 7 shards");
	}

	@Test
	void destroyDeletesEveryShardAndTheRecordWhichFreesTheName() {
		SortedKeyValueOperations<String> events = store(7);
		events.batch((batch) -> IntStream.range(0, 100).forEach((i) -> batch.put("k" + i, "v")));
		events.destroy();
		assertThat(rawItems()).as("items and the record").isEmpty();
		SortedKeyValueOperations<String> three = store(3);
		three.put("a", "another count, now that the name is free");
		assertThat(three.list(KeyRange.all())).containsExactly(new KeyValue<>("a", "another count, now that the name is free"));
		assertThatExceptionOfType(DynamoDownException.class).isThrownBy(() -> events.put("b", "the old count again"))
			.withMessageContaining("is laid out over 3 shards (recorded in the table), but was opened with 7 shards");
	}

	@Test
	void destroyByLocationFindsTheRecordedCount() {
		SortedKeyValueOperations<String> events = store(5);
		events.batch((batch) -> IntStream.range(0, 60).forEach((i) -> batch.put("k" + i, "v")));
		fixture.stores(this.api).destroy(fixture.table() + "/" + this.namespace);
		assertThat(rawItems()).isEmpty();
		SortedKeyValueOperations<String> plain = store(1);
		plain.put("a", "1");
		fixture.stores(this.api).destroy(fixture.table() + "/" + this.namespace);
		assertThat(rawItems()).isEmpty();
	}

	@Test
	void destroyOfAnUnshardedStoreLeavesOtherNamespacesAndTheirRecordsAlone() {
		SortedKeyValueOperations<String> neighbour = fixture.template(this.api, this.namespace + "x", ValueCodec.string(),
				Sharding.shards(2));
		neighbour.put("n", "1");
		SortedKeyValueOperations<String> plain = store(1);
		plain.put("a", "1");
		plain.destroy();
		assertThat(rawItems()).isEmpty();
		assertThat(neighbour.list(KeyRange.all())).containsExactly(new KeyValue<>("n", "1"));
	}

	private SortedKeyValueOperations<String> store(int shards) {
		return fixture.template(this.api, this.namespace, ValueCodec.string(), Sharding.shards(shards));
	}

	/** The {@code GetItem}s of a shard-count record sent since the last reset. */
	private static long recordReads() {
		return requests.requests("GetItem", GetItemRequest.class).stream()
			.filter((sent) -> sent.key().get("k").s().equals("shards") && sent.key().get("ns").s().endsWith("\u0000"))
			.count();
	}

	/** The hash-key value a single-key request addresses. */
	private static String keyPartition(RequestRecorder.Sent sent) {
		if (sent.request() instanceof GetItemRequest get) {
			return get.key().get("ns").s();
		}
		if (sent.request() instanceof PutItemRequest put) {
			return put.item().get("ns").s();
		}
		if (sent.request() instanceof DeleteItemRequest delete) {
			return delete.key().get("ns").s();
		}
		throw new IllegalStateException("not a single-key request: " + sent.operation());
	}

	/** Every item of the fixture's table whose hash-key value starts with the test's namespace, by "ns k". */
	private Map<String, Map<String, AttributeValue>> rawItems() {
		Map<String, Map<String, AttributeValue>> items = new HashMap<>();
		for (Map<String, AttributeValue> item : fixture.client().scanPaginator((r) -> r.tableName(fixture.table())).items()) {
			String partition = item.get("ns").s();
			String owner = partition.contains("\u0000") ? partition.substring(0, partition.indexOf('\u0000')) : partition;
			if (owner.equals(this.namespace)) {
				items.put(partition + " " + item.get("k").s(), item);
			}
		}
		return items;
	}

	private static Callable<Optional<Throwable>> attempt(CountDownLatch start, Runnable call) {
		return () -> {
			start.await();
			try {
				call.run();
				return Optional.empty();
			}
			catch (RuntimeException ex) {
				return Optional.of(ex);
			}
		};
	}

}
