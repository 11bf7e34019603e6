package dev.dynamodown.reliability;

import java.util.List;
import java.util.Map;

import dev.dynamodown.Api;
import dev.dynamodown.Clients;
import dev.dynamodown.ConditionalWrites;
import dev.dynamodown.DynamoDown;
import dev.dynamodown.DynamoDownException;
import dev.dynamodown.DynamoDownOptions;
import dev.dynamodown.SortedKeyValueOperations;
import dev.dynamodown.SortedKeyValueTemplate;
import dev.dynamodown.Stores;
import dev.dynamodown.ValueCodec;
import dev.dynamodown.WriteCondition;
import dev.dynamodown.reliability.faults.Fault;
import dev.dynamodown.reliability.faults.FaultLog;
import dev.dynamodown.reliability.faults.FaultPlan;
import dev.dynamodown.reliability.faults.FaultProxy;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Single writes whose request reached DynamoDB but whose answer was lost (connection reset, 500,
 * or no answer before the timeout after the write was applied), retried by the SDK's own policy.
 * A plain put or delete is idempotent; {@code putIfAbsent} is not, and must not mistake its own
 * earlier attempt for "the key existed".
 */
@ParameterizedClass
@EnumSource(Api.class)
class LostAnswerTest {

	@Parameter
	Api api;

	private static final FaultProxy proxy = FaultProxy.start(ReliabilitySupport.dynalite(), 13);

	private static Clients faulty;

	private static DynamoDbClient direct;

	private static Map<Api, Stores> stores;

	private static DynamoDown directDynamoDown;

	private static String table;

	private SortedKeyValueOperations<String> store;

	private SortedKeyValueTemplate<String> truth;

	@BeforeAll
	static void createTable() {
		direct = ReliabilitySupport.directClient();
		table = ReliabilitySupport.createTable(direct, "lost-answer");
		faulty = ReliabilitySupport.faultyClients(proxy.endpoint(), 3);
		stores = ReliabilitySupport.open(faulty, DynamoDownOptions.defaults());
		directDynamoDown = DynamoDown.create(direct);
	}

	@AfterAll
	static void close() {
		ReliabilitySupport.close(stores);
		directDynamoDown.close();
		faulty.close();
		direct.close();
		proxy.close();
	}

	@BeforeEach
	void freshNamespace(TestInfo test) {
		String namespace = test.getDisplayName() + "-" + this.api;
		this.store = stores.get(this.api).template(table, namespace, ValueCodec.string());
		this.store.get("warm-up");
		// the same namespace, read without the proxy
		this.truth = directDynamoDown.template(table, namespace, ValueCodec.string());
		proxy.log().clear();
	}

	@AfterEach
	void proxyHadNoErrors() {
		assertThat(proxy.errors()).isEmpty();
		proxy.plan(FaultPlan.none());
		this.truth.destroy();
	}

	@ParameterizedTest
	@EnumSource(value = Fault.class, names = { "RESET_AFTER", "INTERNAL_ERROR_AFTER", "STALL_AFTER" })
	void putIfAbsentWhoseFirstAttemptLandedButWhoseAnswerWasLostReturnsTrue(Fault fault) {
		proxy.plan(FaultPlan.script().next("PutItem", fault));
		assertThat(this.store.putIfAbsent("k", "mine")).isTrue();
		assertAttempts("PutItem", fault, Fault.NONE);
		assertThat(this.truth.get("k")).contains("mine");
	}

	@Test
	void putIfAbsentOnAKeyAnotherWriterHoldsReturnsFalseAlsoWhenItsAnswerIsLost() {
		this.truth.put("k", "theirs");
		proxy.plan(FaultPlan.script().next("PutItem", Fault.RESET_AFTER));
		assertThat(this.store.putIfAbsent("k", "mine")).isFalse();
		assertAttempts("PutItem", Fault.RESET_AFTER, Fault.NONE);
		assertThat(this.truth.get("k")).contains("theirs");
	}

	@ParameterizedTest
	@EnumSource(value = Fault.class, names = { "THROTTLING", "THROUGHPUT_EXCEEDED" })
	void putIfAbsentWhoseFirstAttemptWasThrottledReturnsFalseOverAnIdenticalItem(Fault fault) {
		// A throttled attempt was certainly not applied: the identical item is another writer's.
		this.truth.put("k", "mine");
		proxy.plan(FaultPlan.script().next("PutItem", fault));
		assertThat(this.store.putIfAbsent("k", "mine")).isFalse();
		assertAttempts("PutItem", fault, Fault.NONE);
	}

	@Test
	void putIfAbsentWhoseEveryAttemptIsLostAfterApplyingThrowsAndTheWriteMayHaveLanded() {
		proxy.plan(FaultPlan.script().next("PutItem", Fault.RESET_AFTER, Fault.RESET_AFTER, Fault.RESET_AFTER));
		assertThatExceptionOfType(DynamoDownException.class).isThrownBy(() -> this.store.putIfAbsent("k", "mine"))
			.withMessageContaining("putIfAbsent on table '" + table + "'");
		assertThat(this.truth.get("k")).contains("mine");
		// Asking again is another call: its single attempt meets an item it cannot tell from
		// another writer's, so it answers false; the caller that saw the failure must read the key.
		assertThat(this.store.putIfAbsent("k", "mine")).isFalse();
	}

	@Test
	void putIfAbsentWhoseEveryAttemptFailsBeforeArrivingThrowsAndWroteNothing() {
		proxy.plan(FaultPlan.script().next("PutItem", Fault.RESET_BEFORE, Fault.THROUGHPUT_EXCEEDED, Fault.UNAVAILABLE));
		assertThatExceptionOfType(DynamoDownException.class).isThrownBy(() -> this.store.putIfAbsent("k", "mine"));
		assertThat(this.truth.get("k")).isEmpty();
	}

	@Test
	void putAndDeleteAreRetriedAcrossLostAnswers() {
		proxy.plan(FaultPlan.script().next("PutItem", Fault.RESET_AFTER, Fault.INTERNAL_ERROR_AFTER)
			.next("DeleteItem", Fault.RESET_AFTER, Fault.STALL_AFTER));
		this.store.put("k", "v");
		assertThat(this.truth.get("k")).contains("v");
		this.store.delete("k");
		assertThat(this.truth.get("k")).isEmpty();
		assertAttempts("PutItem", Fault.RESET_AFTER, Fault.INTERNAL_ERROR_AFTER, Fault.NONE);
		assertAttempts("DeleteItem", Fault.RESET_AFTER, Fault.STALL_AFTER, Fault.NONE);
	}

	@Test
	void readsAreRetriedAcrossThrottlingAndResets() {
		this.truth.put("k", "v");
		proxy.plan(FaultPlan.script().next("GetItem", Fault.THROTTLING, Fault.RESET_BEFORE));
		assertThat(this.store.get("k")).contains("v");
		assertAttempts("GetItem", Fault.THROTTLING, Fault.RESET_BEFORE, Fault.NONE);
	}

	@ParameterizedTest
	@EnumSource(value = Fault.class, names = { "RESET_AFTER", "INTERNAL_ERROR_AFTER", "STALL_AFTER" })
	void putIfWhoseFirstAttemptLandedButWhoseAnswerWasLostReturnsTrue(Fault fault) {
		this.truth.put("k", "1");
		proxy.plan(FaultPlan.script().next("PutItem", fault));
		assertThat(ConditionalWrites.of(this.store).putIf("k", "2", valueIs("1"))).isTrue();
		assertAttempts("PutItem", fault, Fault.NONE);
		assertThat(this.truth.get("k")).contains("2");
	}

	@Test
	void putIfOnAValueAnotherWriterChangedReturnsFalseAlsoWhenItsAnswerIsLost() {
		this.truth.put("k", "theirs");
		proxy.plan(FaultPlan.script().next("PutItem", Fault.RESET_AFTER));
		assertThat(ConditionalWrites.of(this.store).putIf("k", "mine", valueIs("1"))).isFalse();
		assertAttempts("PutItem", Fault.RESET_AFTER, Fault.NONE);
		assertThat(this.truth.get("k")).contains("theirs");
	}

	@Test
	void deleteIfWhoseFirstAttemptLandedButWhoseAnswerWasLostReturnsTrue() {
		this.truth.put("k", "1");
		proxy.plan(FaultPlan.script().next("DeleteItem", Fault.RESET_AFTER));
		assertThat(ConditionalWrites.of(this.store).deleteIf("k", valueIs("1"))).isTrue();
		assertAttempts("DeleteItem", Fault.RESET_AFTER, Fault.NONE);
		assertThat(this.truth.get("k")).isEmpty();
	}

	@ParameterizedTest
	@EnumSource(value = Fault.class, names = { "RESET_AFTER", "INTERNAL_ERROR_AFTER" })
	void getAndDeleteWhoseFirstAttemptLandedButWhoseAnswerWasLostThrowsRatherThanAnsweringEmpty(Fault fault) {
		this.truth.put("k", "v");
		proxy.plan(FaultPlan.script().next("DeleteItem", fault));
		assertThatExceptionOfType(DynamoDownException.class).isThrownBy(() -> this.store.getAndDelete("k"))
			.withMessageContaining("the key is deleted, but its value is lost");
		assertAttempts("DeleteItem", fault, Fault.NONE);
		assertThat(this.truth.get("k")).isEmpty();
	}

	@Test
	void getAndDeleteAfterAThrottledAttemptReturnsTheValue() {
		this.truth.put("k", "v");
		proxy.plan(FaultPlan.script().next("DeleteItem", Fault.THROTTLING));
		assertThat(this.store.getAndDelete("k")).contains("v");
		assertAttempts("DeleteItem", Fault.THROTTLING, Fault.NONE);
		assertThat(this.store.getAndDelete("k")).as("absent, on a single attempt").isEmpty();
	}

	/**
	 * The attempts the proxy saw for an operation, with their faults: exactly these, as the
	 * faulty clients send each attempt once and hear only its own answer.
	 */
	private void assertAttempts(String operation, Fault... expected) {
		List<Fault> seen = proxy.log().entries(operation).stream().map(FaultLog.Entry::fault).toList();
		assertThat(seen).containsExactly(expected);
	}

	/** The string codec stores the value in the attribute {@code value}. */
	private static WriteCondition valueIs(String value) {
		return WriteCondition.attributeEquals("value", AttributeValue.fromS(value));
	}

}
