package dev.dynamodown;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

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
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

/**
 * Entries written with a time to live: where the expiry time is kept, and that every read skips
 * an entry once it has expired (dynalite, like DynamoDB until its TTL process comes by, keeps the
 * item), exactly, with limits and counts, on a clock the test moves; for both APIs, over one shard
 * and over several.
 */
@ParameterizedClass
@EnumSource(StoreShape.class)
class ExpiryTest {

	@Parameter
	StoreShape shape;

	/** 1,700,000,000.4 s after the epoch: not on a whole second, so that rounding shows. */
	private static final Instant START = Instant.ofEpochSecond(1_700_000_000L, 400_000_000);

	private static final TestClock clock = new TestClock(START);

	private static final RequestRecorder requests = new RequestRecorder();

	@RegisterExtension
	static final DynamoDownFixture fixture = DynamoDownFixture.table("expiry")
		.interceptors(requests)
		.options(DynamoDownOptions.builder().clock(clock).build());

	private SortedKeyValueOperations<String> store;

	@BeforeEach
	void freshNamespace(TestInfo test) {
		clock.set(START);
		this.store = fixture.template(this.shape, test);
		this.store.get("warm-up");
		requests.reset();
	}

	@Test
	void theExpiryTimeIsTheLastWholeSecondBeforeTheTtlEndsAndReadsStopThere() {
		this.store.put("k", "v", Duration.ofMillis(1700));
		// 1,700,000,000.4 + 1.7 = 1,700,000,002.1, rounded down
		assertThat(raw("k")).containsEntry("expires", number(1_700_000_002L)).containsEntry("value", text("v"));
		clock.advance(Duration.ofMillis(1599));
		assertThat(this.store.get("k")).as("at 1,700,000,001.999").contains("v");
		clock.advance(Duration.ofMillis(1));
		assertThat(this.store.get("k")).as("at 1,700,000,002.000, before the TTL of 1.7 s has elapsed").isEmpty();
		assertThat(raw("k")).as("the item stays until DynamoDB's TTL deletes it").isNotEmpty();
	}

	@Test
	void everyReadSkipsExpiredEntries() {
		this.store.put("a", "A", Duration.ofSeconds(60));
		this.store.put("b", "B", Duration.ofSeconds(5));
		this.store.put("c", "C");
		this.store.put("d", "D", Duration.ofSeconds(5));
		this.store.put("e", "E", Duration.ofSeconds(60));
		clock.advance(Duration.ofSeconds(5));
		requests.reset();
		assertThat(this.store.get("b")).isEmpty();
		assertThat(this.store.get("a")).contains("A");
		assertThat(this.store.exists("d")).isFalse();
		assertThat(this.store.exists("c")).isTrue();
		assertThat(this.store.getAll(List.of("a", "b", "c", "d", "e"))).containsExactly(Map.entry("a", "A"),
				Map.entry("c", "C"), Map.entry("e", "E"));
		assertThat(this.store.list(KeyRange.all())).containsExactly(new KeyValue<>("a", "A"), new KeyValue<>("c", "C"),
				new KeyValue<>("e", "E"));
		assertThat(this.store.keys(KeyRange.all().gt("a"))).containsExactly("c", "e");
		assertThat(this.store.values(KeyRange.all().reverse())).containsExactly("E", "C", "A");
		assertThat(this.store.range(KeyRange.prefix("d"))).isEmpty();
		assertThat(this.store.count(KeyRange.all())).isEqualTo(3);
		assertThat(this.store.count(KeyRange.all().gte("b").lte("d"))).isEqualTo(1);
		assertThat(requests.requests("Query", QueryRequest.class)).as("DynamoDB filters, with the clock's time")
			.allSatisfy((sent) -> {
				assertThat(sent.filterExpression()).isEqualTo("NOT (#e <= :now)");
				assertThat(sent.expressionAttributeValues()).containsEntry(":now", AttributeValue.fromN("1700000005.4"));
			});
	}

	@Test
	void aLimitCountsLiveEntriesAndReadsNoItemItDoesNotNeed() {
		// k0 .. k9; the odd ones expire
		this.store.batch((b) -> IntStream.range(0, 10)
			.forEach((i) -> b.put("k" + i, "v", Duration.ofSeconds((i % 2 == 1) ? 1 : 60))));
		clock.advance(Duration.ofSeconds(1));
		requests.reset();
		assertThat(this.store.keys(KeyRange.all().limit(3))).containsExactly("k0", "k2", "k4");
		if (!this.shape.sharded()) {
			// Limit counts the items DynamoDB reads before filtering: k0 k1 k2, then k3, then k4.
			assertThat(queryLimits()).as("five items read for the first three live ones").containsExactly(3, 1, 1);
		}
		assertThat(queryLimits()).as("no request reads more items than the limit").allMatch((limit) -> limit <= 3);
		requests.reset();
		assertThat(this.store.keys(KeyRange.all().reverse().limit(2))).containsExactly("k8", "k6");
		if (!this.shape.sharded()) {
			assertThat(queryLimits()).as("k9 k8, then k7, then k6").containsExactly(2, 1, 1);
		}
		assertThat(queryLimits()).allMatch((limit) -> limit <= 2);
		requests.reset();
		assertThat(this.store.count(KeyRange.all().limit(3))).isEqualTo(3);
		if (!this.shape.sharded()) {
			assertThat(queryLimits()).containsExactly(3, 1, 1);
		}
		assertThat(queryLimits()).allMatch((limit) -> limit <= 3);
		assertThat(this.store.count(KeyRange.all())).isEqualTo(5);
		assertThat(this.store.count(KeyRange.all().limit(9))).isEqualTo(5);
	}

	@Test
	void putIfAbsentTakesAKeyWhoseEntryExpiredInOneConditionalWrite() {
		assertThat(this.store.putIfAbsent("lock", "owner-1", Duration.ofSeconds(30))).isTrue();
		assertThat(this.store.putIfAbsent("lock", "owner-2", Duration.ofSeconds(30))).isFalse();
		clock.advance(Duration.ofSeconds(30));
		requests.reset();
		assertThat(this.store.putIfAbsent("lock", "owner-2", Duration.ofSeconds(30))).isTrue();
		assertThat(requests.sent()).extracting(RequestRecorder.Sent::operation).containsExactly("PutItem");
		PutItemRequest sent = requests.requests("PutItem", PutItemRequest.class).get(0);
		assertThat(sent.conditionExpression()).isEqualTo("attribute_not_exists(#r) OR #e <= :now");
		assertThat(sent.expressionAttributeValues()).containsEntry(":now", AttributeValue.fromN("1700000030.4"));
		assertThat(this.store.get("lock")).contains("owner-2");
		assertThat(raw("lock")).containsEntry("expires", number(1_700_000_060L));
		clock.advance(Duration.ofSeconds(30));
		assertThat(this.store.putIfAbsent("lock", "owner-3")).as("without a time to live too").isTrue();
		assertThat(raw("lock")).doesNotContainKey("expires");
	}

	@Test
	void anExpiredEntryHoldsNoCondition() {
		this.store.put("k", "1", Duration.ofSeconds(1));
		clock.advance(Duration.ofSeconds(1));
		WriteCondition valueIsOne = WriteCondition.attributeEquals("value", AttributeValue.fromS("1"));
		assertThat(ConditionalWrites.of(this.store).putIf("k", "2", valueIsOne)).isFalse();
		assertThat(ConditionalWrites.of(this.store).deleteIf("k", valueIsOne)).isFalse();
		assertThat(ConditionalWrites.of(this.store).putIf("k", "3", WriteCondition.itemAbsent())).isTrue();
		assertThat(this.store.get("k")).contains("3");
	}

	@Test
	void aWriteWithoutTtlReplacesTheExpiryToo() {
		this.store.put("k", "v", Duration.ofSeconds(1));
		this.store.put("k", "w");
		clock.advance(Duration.ofDays(1));
		assertThat(this.store.get("k")).contains("w");
		assertThat(raw("k")).doesNotContainKey("expires");
	}

	@Test
	void batchPutsCarryTheirOwnExpiry() {
		this.store.batch((b) -> b.put("a", "A", Duration.ofSeconds(10)).put("b", "B").put("c", "C", Duration.ofSeconds(20)));
		assertThat(raw("a")).containsEntry("expires", number(1_700_000_010L));
		assertThat(raw("b")).doesNotContainKey("expires");
		assertThat(raw("c")).containsEntry("expires", number(1_700_000_020L));
		clock.advance(Duration.ofSeconds(10));
		assertThat(this.store.keys(KeyRange.all())).containsExactly("b", "c");
		this.store.batch((b) -> b.put("c", "C2").delete("b"));
		clock.advance(Duration.ofSeconds(10));
		assertThat(this.store.list(KeyRange.all())).containsExactly(new KeyValue<>("c", "C2"));
	}

	@Test
	void clearDeletesExpiredItemsTooAndCountsThem() {
		this.store.put("a", "A", Duration.ofSeconds(1));
		this.store.put("b", "B");
		this.store.put("c", "C", Duration.ofSeconds(1));
		clock.advance(Duration.ofSeconds(1));
		assertThat(this.store.count(KeyRange.all())).isEqualTo(1);
		requests.reset();
		assertThat(this.store.clear(KeyRange.all())).isEqualTo(3);
		assertThat(requests.requests("Query", QueryRequest.class)).as("one per shard").hasSize(this.shape.shards())
			.allSatisfy((sent) -> {
				assertThat(sent.filterExpression()).isNull();
				assertThat(sent.consistentRead()).isTrue();
			});
		assertThat(raw("a")).isEmpty();
		assertThat(raw("c")).isEmpty();
	}

	@Test
	void getAndDeleteReturnsTheValueOnceInOneRequest() {
		this.store.put("k", "v");
		requests.reset();
		assertThat(this.store.getAndDelete("k")).contains("v");
		assertThat(requests.sent()).singleElement().satisfies((sent) -> {
			assertThat(sent.operation()).isEqualTo("DeleteItem");
			assertThat(((DeleteItemRequest) sent.request()).returnValues()).isEqualTo(ReturnValue.ALL_OLD);
		});
		assertThat(this.store.getAndDelete("k")).isEmpty();
		this.store.put("e", "E", Duration.ofSeconds(1));
		clock.advance(Duration.ofSeconds(1));
		assertThat(this.store.getAndDelete("e")).as("an expired entry is absent").isEmpty();
		assertThat(raw("e")).as("and deleted").isEmpty();
	}

	@Test
	void existsReadsTheKeyAndTheExpiryTimeOnly() {
		this.store.put("k", "x".repeat(1000), Duration.ofSeconds(2));
		requests.reset();
		assertThat(this.store.exists("k")).isTrue();
		assertThat(this.store.exists("absent")).isFalse();
		assertThat(requests.requests("GetItem", GetItemRequest.class)).hasSize(2).allSatisfy((sent) -> {
			assertThat(sent.projectionExpression()).isEqualTo("#r, #e");
			assertThat(sent.expressionAttributeNames()).containsOnly(Map.entry("#r", "k"), Map.entry("#e", "expires"));
		});
		clock.advance(Duration.ofSeconds(2));
		assertThat(this.store.exists("k")).isFalse();
	}

	@Test
	void anExpiryAttributeOfAnotherWriterCountsOnlyIfItIsANumber() {
		putRaw("word", Map.of("value", text("v"), "expires", text("yesterday")));
		putRaw("past", Map.of("value", text("v"), "expires", AttributeValue.fromN("1700000000.3")));
		putRaw("future", Map.of("value", text("v"), "expires", AttributeValue.fromN("1700000000.5")));
		assertThat(this.store.get("word")).as("not a number: never expires, and is not part of the value").contains("v");
		assertThat(this.store.get("past")).isEmpty();
		assertThat(this.store.get("future")).as("1,700,000,000.5 is after 1,700,000,000.4").contains("v");
		assertThat(this.store.keys(KeyRange.all())).containsExactly("future", "word");
		assertThat(this.store.count(KeyRange.all())).isEqualTo(2);
		assertThat(this.store.getAll(List.of("word", "past", "future"))).containsOnlyKeys("word", "future");
	}

	record Lease(String owner, long expires) {
	}

	@Test
	void badTtlsAndValueFieldsNamedLikeTheExpiryAttributeAreRefusedBeforeAnyRequest() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.store.put("k", "v", Duration.ZERO))
			.withMessage("'ttl' must be positive, was PT0S");
		assertThatIllegalArgumentException().isThrownBy(() -> this.store.putIfAbsent("k", "v", Duration.ofSeconds(-1)));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.store.batch((b) -> b.put("a", "v").put("k", "v", Duration.ofMillis(-1))));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.store.put("k", "v", Duration.ofSeconds(Long.MAX_VALUE)))
			.withMessageContaining("beyond the representable time");
		assertThatNullPointerException().isThrownBy(() -> this.store.put("k", "v", null))
			.withMessage("'ttl' must not be null");
		assertThatNullPointerException().isThrownBy(() -> this.store.batch((b) -> b.put("k", "v", null)));
		SortedKeyValueOperations<Lease> leases = fixture.template(this.shape, this.store.namespace(),
				ValueCodec.json(Lease.class));
		assertThatIllegalArgumentException().isThrownBy(() -> leases.put("k", new Lease("me", 1), Duration.ofSeconds(1)))
			.withMessageContaining("field named 'expires', which is the expiry attribute");
		assertThatIllegalArgumentException().isThrownBy(() -> leases.put("k", new Lease("me", 1)));
		assertThat(requests.total()).isZero();
	}

	private List<Integer> queryLimits() {
		return requests.requests("Query", QueryRequest.class).stream().map(QueryRequest::limit).toList();
	}

	private Map<String, AttributeValue> raw(String key) {
		return fixture.client().getItem((r) -> r.tableName(fixture.table()).consistentRead(true).key(key(key))).item();
	}

	private void putRaw(String key, Map<String, AttributeValue> attributes) {
		Map<String, AttributeValue> item = new java.util.HashMap<>(attributes);
		item.putAll(key(key));
		fixture.client().putItem((r) -> r.tableName(fixture.table()).item(item));
	}

	private Map<String, AttributeValue> key(String key) {
		String partition = ShardLayout.of(this.store.namespace(), this.shape.shards()).partitionFor(key);
		return Map.of("ns", text(partition), "k", text(key));
	}

	private static AttributeValue number(long value) {
		return AttributeValue.fromN(Long.toString(value));
	}

	private static AttributeValue text(String value) {
		return AttributeValue.fromS(value);
	}

}
