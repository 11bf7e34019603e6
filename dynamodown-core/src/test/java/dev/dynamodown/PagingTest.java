package dev.dynamodown;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import dev.dynamodown.internal.shard.ShardLayout;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.Select;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Range reads over more than DynamoDB's 1 MB page: complete and ordered in both directions, and
 * lazy (a page is fetched only when the previous one is consumed; a limit reads no page it does
 * not need). A sharded store does the same shard by shard: its first page round is one
 * {@code Query} per shard, and a shard is asked for its next page only once its buffered page is
 * used up.
 */
@ParameterizedClass
@EnumSource(StoreShape.class)
class PagingTest {

	@Parameter
	StoreShape shape;

	private static final int ITEMS = 1200;

	/** The sharded namespace's shard whose keys carry large values. */
	private static final int DEEP_SHARD = 0;

	/**
	 * About 2 KB per item: unsharded 2.4 MB, three pages or more. In the sharded namespace the keys
	 * of {@link #DEEP_SHARD} (165 of the 1,200) carry about 15 KB: that shard spans three pages
	 * (2.5 MB) while every other shard fits in one, so it is the first whose buffered page runs dry.
	 */
	private static String value(String key, int shards) {
		boolean deep = shards > 1 && ShardLayout.of("any", shards).shardOf(key) == DEEP_SHARD;
		return key + "x".repeat(deep ? 15_000 : 2000);
	}

	private static final List<String> KEYS = IntStream.range(0, ITEMS).mapToObj((i) -> String.format("key-%05d", i))
		.toList();

	private static final RequestRecorder requests = new RequestRecorder();

	@RegisterExtension
	static final DynamoDownFixture fixture = DynamoDownFixture.table("paging").interceptors(requests);

	private SortedKeyValueOperations<String> store;

	/** Queries of one page round: one per shard. */
	private int round;

	/** Queries of a full scan at least: three pages, and one page of every other shard. */
	private int scan;

	@BeforeAll
	static void fill() {
		for (int shards : new int[] { 1, StoreShape.SHARDS }) {
			fixture.template(namespace(shards), Sharding.shards(shards))
				.batch((b) -> KEYS.forEach((key) -> b.put(key, value(key, shards))));
		}
	}

	@BeforeEach
	void resetRequests() {
		this.store = fixture.template(this.shape, namespace(this.shape.shards()));
		this.round = this.shape.shards();
		this.scan = 3 + (this.round - 1);
		requests.reset();
	}

	private static String namespace(int shards) {
		return "pages-" + shards;
	}

	@Test
	void readsEveryPageForward() {
		List<KeyValue<String>> entries = this.store.list(KeyRange.all());
		assertThat(entries).extracting(KeyValue::key).containsExactlyElementsOf(KEYS);
		assertThat(entries).allSatisfy((entry) -> assertThat(entry.value()).isEqualTo(value(entry.key(), this.round)));
		assertThat(requests.count("Query")).as("pages").isGreaterThanOrEqualTo(this.scan);
	}

	@Test
	void readsEveryPageInReverse() {
		List<String> expected = new ArrayList<>(KEYS);
		Collections.reverse(expected);
		try (Stream<String> keys = this.store.keys(KeyRange.all().reverse())) {
			assertThat(keys.toList()).containsExactlyElementsOf(expected);
		}
		assertThat(requests.requests("Query", QueryRequest.class)).hasSizeGreaterThanOrEqualTo(this.scan)
			.allSatisfy((sent) -> assertThat(sent.scanIndexForward()).isFalse());
	}

	@Test
	void boundedRangeAcrossPages() {
		KeyRange range = KeyRange.all().gt("key-00100").lt("key-01100");
		assertThat(this.store.keys(range).toList()).containsExactlyElementsOf(KEYS.subList(101, 1100));
		assertThat(this.store.count(range)).isEqualTo(999);
	}

	@Test
	void nothingIsReadBeforeTheStreamIsConsumed() {
		try (Stream<KeyValue<String>> entries = this.store.range(KeyRange.all())) {
			assertThat(requests.count("Query")).isZero();
			assertThat(entries.findFirst()).map(KeyValue::key).contains(KEYS.get(0));
		}
		assertThat(requests.count("Query")).as("one page (of each shard) for one entry").isEqualTo(this.round);
	}

	@Test
	void nextPageIsFetchedOnlyWhenThePreviousOneIsConsumed() throws InterruptedException {
		try (Stream<String> keys = this.store.keys(KeyRange.all())) {
			Iterator<String> iterator = keys.iterator();
			iterator.next();
			assertThat(requests.count("Query")).isEqualTo(this.round);
			int firstPage = 1;
			while (requests.count("Query") == this.round) {
				iterator.next();
				firstPage++;
			}
			assertThat(firstPage).as("entries read when the second page (of a shard) was fetched")
				.isGreaterThan(this.round)
				.isLessThan(ITEMS);
			assertThat(requests.count("Query")).as("one shard asked (its third page may be read ahead), not several")
				.isBetween(this.round + 1, this.round + 2);
		}
		// Closed right after the second page: the page a pool thread had claimed to read ahead may still go
		// out; the next test must not count it.
		requests.awaitQuiet(Duration.ofMillis(100));
	}

	@Test
	void fromTheSecondPageOnTheNextPageIsFetchedWhileTheCurrentOneIsConsumed() throws InterruptedException {
		try (Stream<String> keys = this.store.keys(KeyRange.all())) {
			Iterator<String> iterator = keys.iterator();
			while (requests.count("Query") < this.round + 1) {
				iterator.next();
			}
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
			while (requests.count("Query") < this.round + 2 && System.nanoTime() < deadline) {
				Thread.sleep(10);
			}
			assertThat(requests.count("Query")).as("the third page (of that shard) requested while the second is unread")
				.isEqualTo(this.round + 2);
			List<String> rest = new ArrayList<>();
			iterator.forEachRemaining(rest::add);
			assertThat(rest).as("every key after the first page, in order").isNotEmpty()
				.containsExactlyElementsOf(KEYS.subList(ITEMS - rest.size(), ITEMS));
		}
	}

	@Test
	void closingStopsFetching() {
		Stream<String> keys = this.store.keys(KeyRange.all());
		Iterator<String> iterator = keys.iterator();
		iterator.next();
		keys.close();
		assertThat(iterator.hasNext()).isFalse();
		assertThat(requests.count("Query")).isEqualTo(this.round);
	}

	@Test
	void limitSendsOneQueryAskingOnlyForWhatItNeeds() {
		assertThat(this.store.keys(KeyRange.all().limit(10)).toList()).containsExactlyElementsOf(KEYS.subList(0, 10));
		assertThat(requests.requests("Query", QueryRequest.class)).as("one Query per shard").hasSize(this.round)
			.allSatisfy((sent) -> assertThat(sent.limit()).isEqualTo(10));
	}

	@Test
	void limitWithExclusiveBoundsSendsOneQueryOfAtMostOneMore() {
		KeyRange range = KeyRange.all().gt("key-00500").lt("key-00900").limit(10);
		assertThat(this.store.keys(range).toList()).containsExactlyElementsOf(KEYS.subList(501, 511));
		assertThat(this.store.keys(range.reverse()).toList()).containsExactlyElementsOf(
				KEYS.subList(890, 900).stream().sorted(Collections.reverseOrder()).toList());
		assertThat(requests.requests("Query", QueryRequest.class)).hasSize(2 * this.round)
			.allSatisfy((sent) -> assertThat(sent.limit()).isLessThanOrEqualTo(11));
	}

	@Test
	void limitLargerThanAPageReadsOnlyTheItemsItNeeds() {
		assertThat(this.store.keys(KeyRange.all().limit(800)).toList()).containsExactlyElementsOf(KEYS.subList(0, 800));
		List<QueryRequest> sent = requests.requests("Query", QueryRequest.class);
		assertThat(sent).hasSizeGreaterThanOrEqualTo(this.round + 1);
		assertThat(sent.subList(0, this.round)).as("the first round asks each shard for the limit")
			.allSatisfy((first) -> assertThat(first.limit()).isEqualTo(800));
		assertThat(sent.get(sent.size() - 1).limit()).as("a later page asks for the rest only").isLessThan(800);
	}

	@Test
	void keysProjectTheKeyAttributesOnly() {
		assertThat(this.store.keys(KeyRange.prefix("key-0000")).toList()).hasSize(10);
		assertThat(requests.requests("Query", QueryRequest.class)).hasSize(this.round).allSatisfy((sent) -> {
			assertThat(sent.projectionExpression()).isEqualTo("#h, #r");
			assertThat(sent.expressionAttributeNames()).containsOnlyKeys("#h", "#r", "#e")
				.containsEntry("#h", "ns")
				.containsEntry("#r", "k")
				.as("the filter on expiry reads the expiry attribute, which is not returned")
				.containsEntry("#e", "expires");
		});
	}

	@Test
	void countSumsCountPages() {
		assertThat(this.store.count(KeyRange.all())).isEqualTo(ITEMS);
		assertThat(this.store.count(KeyRange.all().limit(800))).isEqualTo(800);
		assertThat(this.store.count(KeyRange.prefix("key-00"))).isEqualTo(1000);
		assertThat(requests.requests("Query", QueryRequest.class)).hasSizeGreaterThan(this.scan)
			.allSatisfy((sent) -> assertThat(sent.select()).isEqualTo(Select.COUNT));
	}

}
