package dev.dynamodown;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import dev.dynamodown.internal.Keys;
import dev.dynamodown.internal.shard.ShardLayout;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Range semantics against an in-memory model (a {@link TreeMap} in UTF-8 order): every
 * combination of lower bound, upper bound and prefix, in both directions, with and without limit;
 * for one shard and for a sharded namespace, whose shards are read at once and merged.
 */
@ParameterizedClass
// The merged results do not depend on the edge: one sharded shape (the blocking one's laziness is PagingTest's).
@EnumSource(value = StoreShape.class, names = { "BLOCKING", "ASYNC", "ASYNC_7_SHARDS" })
class RangeTest {

	@Parameter
	StoreShape shape;

	/** Keys right next to the bounds: U+0000 after "a", the greatest keys before "b" and "é". */
	private static final List<String> KEYS = List.of("a", "a\u0000", "a:1", "a:10", "a:2", "a:2:x", "ab", "abc",
			"a\uDBFF\uDFFF", Keys.predecessor("b"), "b", "b:1", "ba", "c", "c\u0000", "ca", Keys.predecessor("é"), "é",
			"é\u0000", "éa", "z");

	/** Bounds at keys and between keys, ASCII and not, and a key whose successor is in the this.store. */
	private static final List<String> BOUNDS = List.of("a", "a\u0000", "a:5", "b", "é");

	private static final List<String> PREFIXES = List.of("", "a", "c");

	private static final RequestRecorder requests = new RequestRecorder();

	private static final NavigableMap<String, String> model = new TreeMap<>(Keys.UTF8_ORDER);

	@RegisterExtension
	static final DynamoDownFixture fixture = DynamoDownFixture.table("range").interceptors(requests);

	private SortedKeyValueOperations<String> store;

	@BeforeAll
	static void fill() {
		for (int shards : new int[] { 1, StoreShape.SHARDS }) {
			fixture.template(namespace(shards), Sharding.shards(shards))
				.batch((b) -> KEYS.forEach((key) -> b.put(key, "value of " + key)));
		}
		KEYS.forEach((key) -> model.put(key, "value of " + key));
	}

	@BeforeEach
	void open() {
		this.store = fixture.template(this.shape, namespace(this.shape.shards()));
	}

	private static String namespace(int shards) {
		return "ranges-" + shards;
	}

	@TestFactory
	Stream<DynamicTest> everyBoundCombinationMatchesTheModel() {
		List<DynamicTest> tests = new ArrayList<>();
		for (String prefix : PREFIXES) {
			for (UnaryOperator<KeyRange> lower : bounds(true)) {
				for (UnaryOperator<KeyRange> upper : bounds(false)) {
					KeyRange range = upper.apply(lower.apply(KeyRange.prefix(prefix)));
					tests.add(DynamicTest.dynamicTest(range.toString(), () -> assertMatchesModel(range)));
				}
			}
		}
		return tests.stream();
	}

	@Test
	void allIsEveryKeyInUtf8Order() {
		assertThat(this.store.keys(KeyRange.all()).toList()).containsExactlyElementsOf(model.keySet());
		assertThat(this.store.list(KeyRange.all())).extracting(KeyValue::value)
			.containsExactlyElementsOf(model.values());
	}

	@Test
	void lowerAboveUpperIsEmptyWithoutRequest() {
		requests.reset();
		KeyRange inverted = KeyRange.all().gte("c").lte("a");
		assertThat(this.store.list(inverted)).isEmpty();
		assertThat(this.store.count(inverted)).isZero();
		assertThat(this.store.keys(inverted.reverse())).isEmpty();
		assertThat(requests.total()).isZero();
	}

	@Test
	void equalExclusiveBoundsAreEmptyWithoutRequest() {
		requests.reset();
		assertThat(this.store.list(KeyRange.all().gt("b").lt("b"))).isEmpty();
		assertThat(this.store.list(KeyRange.all().gte("b").lt("b"))).isEmpty();
		assertThat(this.store.list(KeyRange.all().gt("b").lte("b"))).isEmpty();
		assertThat(requests.total()).isZero();
		assertThat(this.store.keys(KeyRange.all().gte("b").lte("b")).toList()).containsExactly("b");
	}

	@Test
	void prefixOutsideTheBoundsIsEmptyWithoutRequest() {
		requests.reset();
		assertThat(this.store.list(KeyRange.prefix("a").gte("b"))).isEmpty();
		assertThat(this.store.list(KeyRange.prefix("b").lt("b"))).isEmpty();
		assertThat(requests.total()).isZero();
	}

	@Test
	void zeroLimitIsEmptyWithoutRequest() {
		requests.reset();
		assertThat(this.store.list(KeyRange.all().limit(0))).isEmpty();
		assertThat(this.store.count(KeyRange.prefix("a").limit(0))).isZero();
		assertThat(requests.total()).isZero();
	}

	@Test
	void exclusiveBoundsOnBothSidesNeverReturnTheBounds() {
		assertThat(this.store.keys(KeyRange.all().gt("a").lt("b")).toList()).containsExactly("a\u0000", "a:1", "a:10",
				"a:2", "a:2:x", "ab", "abc", "a\uDBFF\uDFFF", Keys.predecessor("b"));
		assertThat(this.store.keys(KeyRange.all().gt("a\u0000").lt(Keys.predecessor("b")).reverse()).toList())
			.containsExactly("a\uDBFF\uDFFF", "abc", "ab", "a:2:x", "a:2", "a:10", "a:1");
	}

	@Test
	void prefixAloneIsSentAsBeginsWith() {
		requests.reset();
		assertThat(this.store.keys(KeyRange.prefix("a:")).toList()).containsExactly("a:1", "a:10", "a:2", "a:2:x");
		assertThat(requests.requests("Query", QueryRequest.class)).as("one Query per shard")
			.hasSize(this.shape.shards())
			.allSatisfy((sent) -> {
				assertThat(sent.keyConditionExpression()).isEqualTo("#h = :h AND begins_with(#r, :p)");
				assertThat(sent.consistentRead()).isTrue();
			});
	}

	@Test
	void bothBoundsAreSentAsBetween() {
		requests.reset();
		this.store.list(KeyRange.all().gt("a").lte("b"));
		assertThat(requests.requests("Query", QueryRequest.class)).hasSize(this.shape.shards()).allSatisfy((sent) -> {
			assertThat(sent.keyConditionExpression()).isEqualTo("#h = :h AND #r BETWEEN :lo AND :hi");
			assertThat(sent.expressionAttributeNames()).containsEntry("#h", "ns").containsEntry("#r", "k");
		});
	}

	@Test
	void eachShardIsReadOnceFromItsOwnPartition() {
		requests.reset();
		this.store.list(KeyRange.all());
		ShardLayout layout = ShardLayout.of(this.store.namespace(), this.shape.shards());
		assertThat(requests.requests("Query", QueryRequest.class))
			.extracting((sent) -> sent.expressionAttributeValues().get(":h").s())
			.containsExactlyInAnyOrderElementsOf(layout.partitions());
	}

	@Test
	void limitWithExclusiveBoundsAsksForExactlyTheLimit() {
		// The key condition excludes the bounds itself: nothing is read to be dropped. Each shard is
		// asked for the limit, no more.
		requests.reset();
		assertThat(this.store.keys(KeyRange.all().gt("a").lt("b").limit(2)).toList()).containsExactly("a\u0000", "a:1");
		assertThat(requests.requests("Query", QueryRequest.class)).hasSize(this.shape.shards())
			.allSatisfy((sent) -> assertThat(sent.limit()).isEqualTo(2));
	}

	@Test
	void valuesFollowKeyOrder() {
		assertThat(this.store.values(KeyRange.prefix("b").reverse()).toList()).containsExactly("value of ba",
				"value of b:1", "value of b");
	}

	private void assertMatchesModel(KeyRange range) {
		List<String> expected = expectedKeys(range);
		assertThat(this.store.keys(range).toList()).as("forward").containsExactlyElementsOf(expected);
		assertThat(this.store.count(range)).as("count").isEqualTo(expected.size());
		List<String> reversed = new ArrayList<>(expected);
		Collections.reverse(reversed);
		assertThat(this.store.keys(range.reverse().limit(2)).toList()).as("reverse, limit 2")
			.containsExactlyElementsOf(reversed.subList(0, Math.min(2, reversed.size())));
	}

	/** The model's answer: filter the sorted keys with the range's own rules. */
	private static List<String> expectedKeys(KeyRange range) {
		List<String> keys = new ArrayList<>();
		for (String key : model.keySet()) {
			String prefix = range.prefixValue();
			String low = range.lowerBound();
			String high = range.upperBound();
			boolean inside = (prefix == null || key.startsWith(prefix))
					&& (low == null || Keys.compareUtf8(key, low) > 0 || (range.isLowerInclusive() && key.equals(low)))
					&& (high == null || Keys.compareUtf8(key, high) < 0 || (range.isUpperInclusive() && key.equals(high)));
			if (inside) {
				keys.add(key);
			}
		}
		return keys;
	}

	private static List<UnaryOperator<KeyRange>> bounds(boolean lower) {
		List<UnaryOperator<KeyRange>> bounds = new ArrayList<>();
		bounds.add(UnaryOperator.identity());
		for (String bound : BOUNDS) {
			bounds.add(lower ? (r) -> r.gt(bound) : (r) -> r.lt(bound));
			bounds.add(lower ? (r) -> r.gte(bound) : (r) -> r.lte(bound));
		}
		return bounds;
	}

}
