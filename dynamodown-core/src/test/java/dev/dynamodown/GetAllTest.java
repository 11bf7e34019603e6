package dev.dynamodown;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import dev.dynamodown.internal.shard.ShardLayout;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

/**
 * getAll: strongly consistent BatchGetItem of 100 keys per request, unprocessed keys retried; over
 * a sharded namespace, each request mixes shards.
 */
@ParameterizedClass
// Keys map to shards alike on both edges: one sharded shape.
@EnumSource(value = StoreShape.class, names = { "BLOCKING", "ASYNC", "ASYNC_7_SHARDS" })
class GetAllTest {

	@Parameter
	StoreShape shape;

	private static final RequestRecorder requests = new RequestRecorder();

	private static final Unprocessed unprocessed = new Unprocessed("k");

	private static final List<String> STORED = IntStream.range(0, 300)
		.mapToObj((i) -> String.format("key-%03d", i))
		.toList();

	@RegisterExtension
	static final DynamoDownFixture fixture = DynamoDownFixture.table("getall")
		.interceptors(requests, unprocessed)
		.options(DynamoDownOptions.builder()
			.maxBatchAttempts(3)
			.retryBaseDelay(Duration.ofMillis(1))
			.retryMaxDelay(Duration.ofMillis(5))
			.build());

	private SortedKeyValueOperations<String> store;

	@BeforeAll
	static void fill() {
		for (int shards : new int[] { 1, StoreShape.SHARDS }) {
			fixture.template(namespace(shards), Sharding.shards(shards))
				.batch((b) -> STORED.forEach((key) -> b.put(key, "value of " + key)));
		}
	}

	@BeforeEach
	void reset() {
		this.store = fixture.template(this.shape, namespace(this.shape.shards()));
		unprocessed.reset();
		requests.reset();
	}

	@Test
	void readsExistingKeysOnlyInKeyOrderWithDuplicatesReadOnce() {
		List<String> asked = new ArrayList<>();
		for (int i = 299; i >= 0; i -= 1) {
			asked.add(STORED.get(i));
		}
		asked.addAll(STORED.subList(0, 50));
		asked.addAll(List.of("missing-1", "missing-2", "missing-1"));
		Map<String, String> found = this.store.getAll(asked);
		assertThat(found.keySet()).containsExactlyElementsOf(STORED);
		assertThat(found).containsEntry("key-123", "value of key-123");
		List<BatchGetItemRequest> sent = requests.requests("BatchGetItem", BatchGetItemRequest.class);
		assertThat(sent).as("302 distinct keys, 100 per request").hasSize(4);
		assertThat(sent).allSatisfy((request) -> assertThat(request.requestItems().values())
			.allSatisfy((keys) -> assertThat(keys.consistentRead()).isTrue()));
		assertThat(sent.stream().mapToInt((r) -> r.requestItems().values().iterator().next().keys().size()).sum())
			.isEqualTo(302);
		ShardLayout layout = ShardLayout.of(this.store.namespace(), this.shape.shards());
		assertThat(sent.get(0).requestItems().values().iterator().next().keys())
			.as("each key asked in its shard's partition")
			.allSatisfy((key) -> assertThat(key.get("ns").s()).isEqualTo(layout.partitionFor(key.get("k").s())))
			.extracting((key) -> key.get("ns").s())
			.as("a request mixes shards")
			.hasSameElementsAs(layout.partitions());
	}

	private static String namespace(int shards) {
		return "many-" + shards;
	}

	@Test
	void resultIsUnmodifiable() {
		Map<String, String> found = this.store.getAll(List.of("key-001"));
		assertThat(found).containsOnlyKeys("key-001");
		assertThatExceptionOfType(UnsupportedOperationException.class).isThrownBy(() -> found.put("x", "y"));
	}

	@Test
	void unprocessedKeysAreRetried() {
		unprocessed.firstTimes(2);
		List<String> asked = new ArrayList<>(STORED.subList(0, 250));
		Collections.shuffle(asked);
		assertThat(this.store.getAll(asked).keySet()).containsExactlyElementsOf(STORED.subList(0, 250));
		assertThat(requests.count("BatchGetItem")).as("3 chunks, each sent 3 times").isEqualTo(9);
	}

	@Test
	void keysStillUnprocessedAfterTheLastAttemptFail() {
		unprocessed.always(java.util.Set.of("key-007"));
		assertThatExceptionOfType(DynamoDownException.class).isThrownBy(() -> this.store.getAll(STORED.subList(0, 10)))
			.withMessageContaining("1 keys still unprocessed after 3 attempts")
			.withMessageContaining("getAll");
	}

	@Test
	void noKeysSendNothing() {
		assertThat(this.store.getAll(List.of())).isEmpty();
		assertThat(requests.total()).isZero();
	}

	@Test
	void badKeysAreRefusedBeforeAnyRequest() {
		assertThatNullPointerException().isThrownBy(() -> this.store.getAll(null)).withMessage("'keys' must not be null");
		assertThatNullPointerException().isThrownBy(() -> this.store.getAll(Arrays.asList("a", null)));
		assertThatIllegalArgumentException().isThrownBy(() -> this.store.getAll(List.of("a", "")));
		assertThatIllegalArgumentException().isThrownBy(() -> this.store.getAll(List.of("a", "\uD800")))
			.withMessageContaining("surrogate");
		assertThat(requests.total()).isZero();
	}

}
