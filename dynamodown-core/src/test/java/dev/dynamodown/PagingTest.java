package dev.dynamodown;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;

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
 * not need).
 */
@ParameterizedClass
@EnumSource(Api.class)
class PagingTest {

	@Parameter
	Api api;

	private static final int ITEMS = 1200;

	/** About 2 KB per item: 2.4 MB, three pages or more. */
	private static final String PADDING = "x".repeat(2000);

	private static final List<String> KEYS = IntStream.range(0, ITEMS).mapToObj((i) -> String.format("key-%05d", i))
		.toList();

	private static final RequestRecorder requests = new RequestRecorder();

	@RegisterExtension
	static final DynamoDownFixture fixture = DynamoDownFixture.table("paging").interceptors(requests);

	private SortedKeyValueOperations<String> store;

	@BeforeAll
	static void fill() {
		fixture.template("pages").batch((b) -> KEYS.forEach((key) -> b.put(key, key + PADDING)));
	}

	@BeforeEach
	void resetRequests() {
		this.store = fixture.template(this.api, "pages");
		requests.reset();
	}

	@Test
	void readsEveryPageForward() {
		List<KeyValue<String>> entries = this.store.list(KeyRange.all());
		assertThat(entries).extracting(KeyValue::key).containsExactlyElementsOf(KEYS);
		assertThat(entries).allSatisfy((entry) -> assertThat(entry.value()).isEqualTo(entry.key() + PADDING));
		assertThat(requests.count("Query")).as("pages").isGreaterThanOrEqualTo(3);
	}

	@Test
	void readsEveryPageInReverse() {
		List<String> expected = new ArrayList<>(KEYS);
		Collections.reverse(expected);
		try (Stream<String> keys = this.store.keys(KeyRange.all().reverse())) {
			assertThat(keys.toList()).containsExactlyElementsOf(expected);
		}
		assertThat(requests.requests("Query", QueryRequest.class)).hasSizeGreaterThanOrEqualTo(3)
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
		assertThat(requests.count("Query")).as("one page for one entry").isEqualTo(1);
	}

	@Test
	void nextPageIsFetchedOnlyWhenThePreviousOneIsConsumed() {
		try (Stream<String> keys = this.store.keys(KeyRange.all())) {
			Iterator<String> iterator = keys.iterator();
			iterator.next();
			assertThat(requests.count("Query")).isEqualTo(1);
			int firstPage = 1;
			while (requests.count("Query") == 1) {
				iterator.next();
				firstPage++;
			}
			assertThat(firstPage).as("entries read when the second page was fetched")
				.isGreaterThan(1)
				.isLessThan(ITEMS);
		}
	}

	@Test
	void fromTheSecondPageOnTheNextPageIsFetchedWhileTheCurrentOneIsConsumed() throws InterruptedException {
		try (Stream<String> keys = this.store.keys(KeyRange.all())) {
			Iterator<String> iterator = keys.iterator();
			while (requests.count("Query") < 2) {
				iterator.next();
			}
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
			while (requests.count("Query") < 3 && System.nanoTime() < deadline) {
				Thread.sleep(10);
			}
			assertThat(requests.count("Query")).as("the third page requested while the second is unread").isEqualTo(3);
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
		assertThat(requests.count("Query")).isEqualTo(1);
	}

	@Test
	void limitSendsOneQueryAskingOnlyForWhatItNeeds() {
		assertThat(this.store.keys(KeyRange.all().limit(10)).toList()).containsExactlyElementsOf(KEYS.subList(0, 10));
		assertThat(requests.requests("Query", QueryRequest.class)).singleElement()
			.satisfies((sent) -> assertThat(sent.limit()).isEqualTo(10));
	}

	@Test
	void limitWithExclusiveBoundsSendsOneQueryOfAtMostOneMore() {
		KeyRange range = KeyRange.all().gt("key-00500").lt("key-00900").limit(10);
		assertThat(this.store.keys(range).toList()).containsExactlyElementsOf(KEYS.subList(501, 511));
		assertThat(this.store.keys(range.reverse()).toList()).containsExactlyElementsOf(
				KEYS.subList(890, 900).stream().sorted(Collections.reverseOrder()).toList());
		assertThat(requests.requests("Query", QueryRequest.class)).hasSize(2)
			.allSatisfy((sent) -> assertThat(sent.limit()).isLessThanOrEqualTo(11));
	}

	@Test
	void limitLargerThanAPageReadsOnlyTheItemsItNeeds() {
		assertThat(this.store.keys(KeyRange.all().limit(800)).toList()).containsExactlyElementsOf(KEYS.subList(0, 800));
		List<QueryRequest> sent = requests.requests("Query", QueryRequest.class);
		assertThat(sent).hasSizeGreaterThanOrEqualTo(2);
		assertThat(sent.get(0).limit()).isEqualTo(800);
		assertThat(sent.get(sent.size() - 1).limit()).as("the last page asks for the rest only").isLessThan(800);
	}

	@Test
	void keysProjectTheKeyAttributesOnly() {
		assertThat(this.store.keys(KeyRange.prefix("key-0000")).toList()).hasSize(10);
		assertThat(requests.requests("Query", QueryRequest.class)).singleElement().satisfies((sent) -> {
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
		assertThat(requests.requests("Query", QueryRequest.class)).hasSizeGreaterThan(3)
			.allSatisfy((sent) -> assertThat(sent.select()).isEqualTo(Select.COUNT));
	}

}
