package dev.dynamodown;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** get, put, putIfAbsent and delete: one request each, strongly consistent reads. */
@ParameterizedClass
@EnumSource(Api.class)
class PointOperationsTest {

	@Parameter
	Api api;

	private static final RequestRecorder requests = new RequestRecorder();

	private static final FirstAnswerLost firstAnswerLost = new FirstAnswerLost();

	private static final ServiceAnswer answers = new ServiceAnswer();

	@RegisterExtension
	static final DynamoDownFixture fixture = DynamoDownFixture.table("points")
		.interceptors(requests, firstAnswerLost, answers);

	private SortedKeyValueOperations<String> store;

	@BeforeEach
	void freshNamespace(org.junit.jupiter.api.TestInfo test) {
		this.store = fixture.template(this.api, test);
		answers.reset();
		this.store.get("warm-up");
		requests.reset();
	}

	@Test
	void getOfAbsentKeyIsEmpty() {
		assertThat(this.store.get("absent")).isEmpty();
		assertThat(requests.requests("GetItem", GetItemRequest.class)).singleElement()
			.satisfies((r) -> assertThat(r.consistentRead()).isTrue());
	}

	@Test
	void putThenGetRoundTrips() {
		this.store.put("k1", "v1");
		assertThat(this.store.get("k1")).contains("v1");
		assertThat(requests.count("PutItem")).isEqualTo(1);
	}

	@Test
	void putReplacesTheWholeItem() {
		SortedKeyValueOperations<Map<String, AttributeValue>> raw = fixture.template(this.api, this.store.namespace(),
				ValueCodec.attributes());
		raw.put("k", Map.of("a", AttributeValue.fromS("1"), "b", AttributeValue.fromN("2")));
		raw.put("k", Map.of("c", AttributeValue.fromBool(true)));
		assertThat(raw.get("k")).contains(Map.of("c", AttributeValue.fromBool(true)));
	}

	@Test
	void storesItemsInDynamoDownLayout() {
		this.store.put("k", "text");
		Map<String, AttributeValue> item = fixture.client()
			.getItem((r) -> r.tableName(fixture.table())
				.key(Map.of("ns", AttributeValue.fromS(this.store.namespace()), "k", AttributeValue.fromS("k"))))
			.item();
		assertThat(item).containsOnly(Map.entry("ns", AttributeValue.fromS(this.store.namespace())),
				Map.entry("k", AttributeValue.fromS("k")), Map.entry("value", AttributeValue.fromS("text")));
	}

	@Test
	void bytesRoundTrip() {
		SortedKeyValueOperations<byte[]> bytes = fixture.template(this.api, this.store.namespace(), ValueCodec.bytes());
		byte[] value = { 0, 1, (byte) 0xff, 42 };
		bytes.put("b", value);
		assertThat(bytes.get("b")).hasValueSatisfying((read) -> assertThat(read).containsExactly(value));
	}

	record Meetup(String name, int members) {
	}

	record Clash(String k) {
	}

	@Test
	void jsonValuesAreSpreadOverTheItem() {
		SortedKeyValueOperations<Meetup> meetups = fixture.template(this.api, this.store.namespace(),
				ValueCodec.json(Meetup.class));
		meetups.put("nyc", new Meetup("NYC JS", 42));
		assertThat(meetups.get("nyc")).contains(new Meetup("NYC JS", 42));
		assertThat(fixture.template(this.api, this.store.namespace(), ValueCodec.attributes()).get("nyc"))
			.contains(Map.of("name", AttributeValue.fromS("NYC JS"), "members", AttributeValue.fromN("42")));
		requests.reset();
		assertThatIllegalArgumentException()
			.isThrownBy(() -> fixture.template(this.api, this.store.namespace(), ValueCodec.json(Clash.class))
				.put("x", new Clash("overwrite")))
			.withMessageContaining("'k'");
		assertThat(requests.total()).isZero();
	}

	@Test
	void deleteRemovesKey() {
		this.store.put("k", "v");
		this.store.delete("k");
		assertThat(this.store.get("k")).isEmpty();
	}

	@Test
	void deleteOfAbsentKeyIsNoError() {
		this.store.delete("never-written");
		assertThat(requests.count("DeleteItem")).isEqualTo(1);
	}

	@Test
	void putIfAbsentWritesWhenAbsent() {
		assertThat(this.store.putIfAbsent("k", "first")).isTrue();
		assertThat(this.store.get("k")).contains("first");
		PutItemRequest sent = requests.requests("PutItem", PutItemRequest.class).get(0);
		assertThat(sent.conditionExpression()).as("an expired entry is absent")
			.isEqualTo("attribute_not_exists(#r) OR #e <= :now");
		assertThat(sent.expressionAttributeNames()).containsEntry("#r", "k").containsEntry("#e", "expires");
	}

	@Test
	void putIfAbsentKeepsExistingValue() {
		this.store.put("k", "existing");
		assertThat(this.store.putIfAbsent("k", "other")).isFalse();
		assertThat(this.store.get("k")).contains("existing");
	}

	@Test
	void putIfAbsentOverAnIdenticalItemWrittenByPutIsFalse() {
		// One attempt met the item: it cannot be this call's own, however alike it is.
		this.store.put("k", "same");
		assertThat(this.store.putIfAbsent("k", "same")).isFalse();
		assertThat(requests.count("PutItem")).isEqualTo(2);
		assertThat(requests.count("GetItem")).as("no need to look at the item").isZero();
	}

	@Test
	void putIfAbsentRecognisesItsOwnEarlierAttempt() {
		firstAnswerLost.armFor("PutItem");
		assertThat(this.store.putIfAbsent("retried", "mine")).isTrue();
		assertThat(firstAnswerLost.fired()).isEqualTo(1);
		assertThat(requests.count("PutItem")).as("the client retried the lost answer").isEqualTo(2);
		assertThat(this.store.get("retried")).contains("mine");
	}

	@Test
	void putIfAbsentAfterLostAnswerStillSeesOtherWriters() {
		this.store.put("taken", "theirs");
		firstAnswerLost.armFor("PutItem");
		assertThat(this.store.putIfAbsent("taken", "mine")).isFalse();
		assertThat(this.store.get("taken")).contains("theirs");
	}

	@Test
	void putIfAbsentAfterALostAnswerComparesWithTheItemDynamoDbReturnsWithTheFailure() {
		// dynalite ignores ReturnValuesOnConditionCheckFailure; DynamoDB answers like this.
		this.store.put("k", "v");
		String failure = """
				{"__type":"com.amazonaws.dynamodb.v20120810#ConditionalCheckFailedException",
				 "message":"The conditional request failed",
				 "Item":{"ns":{"S":"%s"},"k":{"S":"k"},"value":{"S":"%s"}}}""";
		requests.reset();
		firstAnswerLost.armFor("PutItem");
		answers.answerAfter(1, "PutItem", 400, failure.formatted(this.store.namespace(), "v"));
		assertThat(this.store.putIfAbsent("k", "v")).isTrue();
		firstAnswerLost.armFor("PutItem");
		answers.answerAfter(1, "PutItem", 400, failure.formatted(this.store.namespace(), "other"));
		assertThat(this.store.putIfAbsent("k", "v")).isFalse();
		assertThat(requests.count("PutItem")).as("two calls, each retried once").isEqualTo(4);
		assertThat(requests.count("GetItem")).as("the returned item is enough").isZero();
		assertThat(requests.requests("PutItem", PutItemRequest.class))
			.allSatisfy((sent) -> assertThat(sent.returnValuesOnConditionCheckFailureAsString()).isEqualTo("ALL_OLD"));
	}

	@Test
	void valueUsingAKeyAttributeNameIsRefusedBeforeAnyWrite() {
		SortedKeyValueOperations<Map<String, AttributeValue>> raw = fixture.template(this.api, this.store.namespace(),
				ValueCodec.attributes());
		Map<String, AttributeValue> value = new HashMap<>();
		value.put("k", AttributeValue.fromS("sneaky"));
		assertThatIllegalArgumentException().isThrownBy(() -> raw.put("x", value)).withMessageContaining("'k'");
		value.clear();
		value.put("ns", AttributeValue.fromS("other"));
		assertThatIllegalArgumentException().isThrownBy(() -> raw.putIfAbsent("x", value))
			.withMessageContaining("'ns'");
		assertThat(requests.total()).isZero();
	}

	/**
	 * Lets the first attempt of an armed operation reach the server, then replaces its answer by a
	 * 500, as if the answer were lost: the client's retry policy sends the request again.
	 */
	static final class FirstAnswerLost implements ExecutionInterceptor {

		private volatile String armed;

		private final AtomicInteger fired = new AtomicInteger();

		void armFor(String operation) {
			this.fired.set(0);
			this.armed = operation;
		}

		int fired() {
			return this.fired.get();
		}

		@Override
		public SdkHttpResponse modifyHttpResponse(Context.ModifyHttpResponse context, ExecutionAttributes attributes) {
			String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
			if (operation.equals(this.armed)) {
				this.armed = null;
				this.fired.incrementAndGet();
				return context.httpResponse().toBuilder().statusCode(500).build();
			}
			return context.httpResponse();
		}

	}

}
