package dev.dynamodown;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * {@link SortedKeyValueTemplate#putIf} and {@link SortedKeyValueTemplate#deleteIf} (and their
 * asynchronous twins): one conditional request each, nothing written when the condition does not hold. (Retries that meet their own
 * earlier attempt: {@code LostAnswerTest}.)
 */
@ParameterizedClass
// Conditions go to the key's shard alike on both edges: one sharded shape.
@EnumSource(value = StoreShape.class, names = { "BLOCKING", "ASYNC", "ASYNC_7_SHARDS" })
class ConditionalWriteTest {

	@Parameter
	StoreShape shape;

	private static final RequestRecorder requests = new RequestRecorder();

	@RegisterExtension
	static final DynamoDownFixture fixture = DynamoDownFixture.table("conditional").interceptors(requests);

	private SortedKeyValueOperations<Map<String, AttributeValue>> store;

	private ConditionalWrites<Map<String, AttributeValue>> conditional;

	@BeforeEach
	void freshNamespace(TestInfo test) {
		this.store = fixture.template(this.shape, this.shape.namespace(test.getTestMethod().orElseThrow().getName()),
				ValueCodec.attributes());
		this.conditional = ConditionalWrites.of(this.store);
		// A write: a sharded store claims its namespace before its first one.
		this.store.delete("warm-up");
		requests.reset();
	}

	@Test
	void itemAbsentHoldsOnlyForAnAbsentKey() {
		assertThat(this.conditional.putIf("k", versioned(1, "first"), WriteCondition.itemAbsent())).isTrue();
		assertThat(this.conditional.putIf("k", versioned(1, "second"), WriteCondition.itemAbsent())).isFalse();
		assertThat(this.store.get("k")).contains(versioned(1, "first"));
		assertThat(requests.count("PutItem")).isEqualTo(2);
		assertThat(requests.count("GetItem")).isEqualTo(1);
	}

	@Test
	void attributeEqualsHoldsOnlyForTheExpectedValue() {
		this.store.put("k", versioned(1, "first"));
		assertThat(this.conditional.putIf("k", versioned(2, "second"), version(1))).isTrue();
		assertThat(this.conditional.putIf("k", versioned(2, "stale"), version(1))).isFalse();
		assertThat(this.store.get("k")).contains(versioned(2, "second"));
		assertThat(this.conditional.putIf("absent", versioned(2, "x"), version(1))).isFalse();
		assertThat(this.store.get("absent")).isEmpty();
	}

	@Test
	void numbersCompareByValue() {
		this.store.put("k", versioned(1, "first"));
		assertThat(this.conditional.putIf("k", versioned(2, "second"), WriteCondition.attributeEquals("version",
				AttributeValue.fromN("1.0")))).isTrue();
	}

	@Test
	void deleteIfDeletesOnlyWhenTheConditionHolds() {
		this.store.put("k", versioned(3, "v"));
		assertThat(this.conditional.deleteIf("k", version(2))).isFalse();
		assertThat(this.store.get("k")).isPresent();
		assertThat(this.conditional.deleteIf("k", version(3))).isTrue();
		assertThat(this.store.get("k")).isEmpty();
		assertThat(this.conditional.deleteIf("k", version(3))).isFalse();
		assertThat(requests.count("DeleteItem")).isEqualTo(3);
	}

	@Test
	void aConditionOnAKeyAttributeIsRefusedBeforeAnyWrite() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.conditional.putIf("k", versioned(1, "v"),
					WriteCondition.attributeEquals("k", AttributeValue.fromS("k"))))
			.withMessageContaining("'k', a key attribute");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.conditional.deleteIf("k", WriteCondition.attributeEquals("ns", AttributeValue.fromS("x"))));
		assertThatIllegalArgumentException().isThrownBy(() -> WriteCondition.attributeEquals("", AttributeValue.fromN("1")));
		assertThat(requests.count("PutItem") + requests.count("DeleteItem")).isZero();
	}

	private static WriteCondition version(long version) {
		return WriteCondition.attributeEquals("version", AttributeValue.fromN(Long.toString(version)));
	}

	private static Map<String, AttributeValue> versioned(long version, String text) {
		return Map.of("version", AttributeValue.fromN(Long.toString(version)), "text", AttributeValue.fromS(text));
	}

}
