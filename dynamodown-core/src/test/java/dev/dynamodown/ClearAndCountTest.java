package dev.dynamodown;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.Select;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * count (Select.COUNT, exact with exclusive bounds and limits), clear and destroy; for one shard
 * and for a sharded namespace, whose shards are counted and cleared at once.
 */
@ParameterizedClass
@EnumSource(StoreShape.class)
class ClearAndCountTest {

	@Parameter
	StoreShape shape;

	private static final List<String> KEYS = IntStream.range(0, 100).mapToObj((i) -> String.format("k%02d", i)).toList();

	private static final RequestRecorder requests = new RequestRecorder();

	// One chunk in flight: clear's blocks are then 25 x 1 x 4 = 100 keys.
	@RegisterExtension
	static final DynamoDownFixture fixture = DynamoDownFixture.table("clear")
		.interceptors(requests)
		.options(DynamoDownOptions.builder().batchConcurrency(1).build());

	private SortedKeyValueOperations<String> store;

	@BeforeEach
	void fill(TestInfo test) {
		this.store = fixture.template(this.shape, test);
		this.store.batch((b) -> KEYS.forEach((key) -> b.put(key, "v")));
		requests.reset();
	}

	@Test
	void countSendsCountQueriesOnly() {
		assertThat(this.store.count(KeyRange.all())).isEqualTo(100);
		assertThat(this.store.count(KeyRange.prefix("k1"))).isEqualTo(10);
		assertThat(this.store.count(KeyRange.all().gte("k10").lte("k19"))).isEqualTo(10);
		assertThat(requests.sent()).extracting(RequestRecorder.Sent::operation).containsOnly("Query");
		assertThat(requests.requests("Query", QueryRequest.class))
			.allSatisfy((sent) -> assertThat(sent.select()).isEqualTo(Select.COUNT));
	}

	@Test
	void countExcludesExclusiveEndsWithTheKeyConditionAlone() {
		assertThat(this.store.count(KeyRange.all().gt("k10").lt("k20"))).isEqualTo(9);
		assertThat(this.store.count(KeyRange.all().gt("k10x").lt("k20x"))).isEqualTo(10);
		assertThat(this.store.count(KeyRange.prefix("k1").gt("k15"))).isEqualTo(4);
		assertThat(requests.sent()).extracting(RequestRecorder.Sent::operation).containsOnly("Query");
	}

	@Test
	void countStopsAtTheLimit() {
		// Shards counting at once each ask for what the shards together still lack: at most the limit,
		// one Query per shard at most, and a shard starting after the others reached it sends nothing.
		assertThat(this.store.count(KeyRange.all().limit(10))).isEqualTo(10);
		assertThat(requests.requests("Query", QueryRequest.class)).hasSizeBetween(1, this.shape.shards())
			.allSatisfy((sent) -> assertThat(sent.limit()).isBetween(1, 10));
		requests.reset();
		assertThat(this.store.count(KeyRange.all().gt("k10").lt("k90").limit(10))).isEqualTo(10);
		assertThat(requests.sent()).as("the ends are outside the key condition: the limit is enough")
			.hasSizeBetween(1, this.shape.shards())
			.allSatisfy((sent) -> assertThat(((QueryRequest) sent.request()).limit()).isBetween(1, 10));
		assertThat(this.store.count(KeyRange.all().gt("k10").lt("k20").limit(50))).isEqualTo(9);
		assertThat(this.store.count(KeyRange.all().gt("k10").lt("k20").reverse().limit(3))).isEqualTo(3);
	}

	@Test
	void countIsExactWhileTheEndsAreWrittenAndDeleted() throws Exception {
		// k11..k19 lie inside (k10x, k20) and are never touched; nothing lies inside (k10, k10x).
		AtomicBoolean stop = new AtomicBoolean();
		Thread writer = new Thread(() -> {
			for (int i = 0; !stop.get(); i++) {
				for (String end : List.of("k10", "k10x", "k20")) {
					if (i % 2 == 0) {
						this.store.delete(end);
					}
					else {
						this.store.put(end, "v");
					}
				}
			}
		});
		writer.start();
		Set<Long> nine = new TreeSet<>();
		Set<Long> none = new TreeSet<>();
		try {
			// A sharded count sends a Query per shard: fewer rounds, as many requests.
			int rounds = this.shape.sharded() ? 40 : 100;
			for (int i = 0; i < rounds; i++) {
				nine.add(this.store.count(KeyRange.all().gt("k10x").lt("k20")));
				none.add(this.store.count(KeyRange.all().gt("k10").lt("k10x")));
				none.add(this.store.count(KeyRange.all().gt("k10").lt("k10x").reverse().limit(5)));
			}
		}
		finally {
			stop.set(true);
			writer.join(10_000);
		}
		assertThat(nine).as("counts of (k10x, k20) seen").containsExactly(9L);
		assertThat(none).as("counts of (k10, k10x) seen").containsExactly(0L);
	}

	@Test
	void clearDeletesExactlyTheRange() {
		assertThat(this.store.clear(KeyRange.prefix("k1"))).isEqualTo(10);
		assertThat(this.store.clear(KeyRange.all().gt("k50").lte("k55"))).isEqualTo(5);
		assertThat(this.store.keys(KeyRange.all()).toList()).hasSize(85)
			.doesNotContain("k10", "k19", "k51", "k55")
			.contains("k09", "k20", "k50", "k56");
	}

	@Test
	void clearHonoursLimitAndDirection() {
		assertThat(this.store.clear(KeyRange.all().limit(5))).isEqualTo(5);
		assertThat(this.store.clear(KeyRange.all().reverse().limit(3))).isEqualTo(3);
		assertThat(this.store.keys(KeyRange.all()).toList()).containsExactlyElementsOf(KEYS.subList(5, 97));
	}

	@Test
	void clearReadsKeysOnlyAndDeletesThemInBlocks() {
		this.store.batch((b) -> IntStream.range(100, 250).forEach((i) -> b.put("k" + i, "v")));
		requests.reset();
		assertThat(this.store.clear(KeyRange.all())).isEqualTo(250);
		// One page of keys per shard (all at once), then blocks of 100 deletes mixing shards.
		List<String> expected = new ArrayList<>(Collections.nCopies(this.shape.shards(), "Query"));
		expected.addAll(Collections.nCopies(10, "BatchWriteItem"));
		assertThat(requests.sent()).extracting(RequestRecorder.Sent::operation).containsExactlyElementsOf(expected);
		assertThat(requests.requests("Query", QueryRequest.class))
			.allSatisfy((sent) -> assertThat(sent.projectionExpression()).isEqualTo("#h, #r"));
		assertThat(requests.requests("BatchWriteItem", BatchWriteItemRequest.class))
			.allSatisfy((sent) -> assertThat(sent.requestItems().get(fixture.table()))
				.allSatisfy((write) -> assertThat(write.deleteRequest()).isNotNull()));
		assertThat(this.store.count(KeyRange.all())).isZero();
	}

	@Test
	void clearStreamsKeysAcrossPages() {
		String padding = "x".repeat(2000);
		this.store.batch((b) -> IntStream.range(100, 700).forEach((i) -> b.put("k" + i, padding)));
		requests.reset();
		assertThat(this.store.clear(KeyRange.all())).isEqualTo(700);
		List<String> operations = requests.sent().stream().map(RequestRecorder.Sent::operation).toList();
		if (this.shape.sharded()) {
			// 200 KB per shard: one page each, read at once; a shard's pages are streamed like those of one partition.
			assertThat(operations).as("1.4 MB over 7 shards").filteredOn("Query"::equals).hasSize(this.shape.shards());
		}
		else {
			assertThat(operations).as("1.4 MB: two pages of keys").filteredOn("Query"::equals).hasSize(2);
			assertThat(operations.subList(0, operations.lastIndexOf("Query"))).as("deletes start before the last page")
				.contains("BatchWriteItem");
		}
		assertThat(this.store.count(KeyRange.all())).isZero();
	}

	@Test
	void clearOfAnEmptyRangeSendsNothing() {
		assertThat(this.store.clear(KeyRange.all().gt("k5").lt("k4"))).isZero();
		assertThat(requests.total()).isZero();
	}

	@Test
	void destroyEmptiesTheStore() {
		this.store.destroy();
		assertThat(this.store.count(KeyRange.all())).isZero();
	}

	@Test
	void destroyByLocation() {
		fixture.stores(this.shape.api()).destroy(fixture.table() + "/" + this.store.namespace());
		assertThat(this.store.keys(KeyRange.all())).isEmpty();
	}

}
