package dev.dynamodown.reliability;

import dev.dynamodown.DynamoDown;
import dev.dynamodown.DynamoDownException;
import dev.dynamodown.SortedKeyValueTemplate;
import dev.dynamodown.ValueCodec;
import dev.dynamodown.WriteCondition;
import dev.dynamodown.reliability.faults.Fault;
import dev.dynamodown.reliability.faults.FaultPlan;
import dev.dynamodown.reliability.faults.FaultProxy;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
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
class LostAnswerTest {

	private static final FaultProxy proxy = FaultProxy.start(ReliabilitySupport.dynalite(), 13);

	private static DynamoDbClient faulty;

	private static DynamoDbClient direct;

	private static DynamoDown dynamoDown;

	private static DynamoDown directDynamoDown;

	private static String table;

	private SortedKeyValueTemplate<String> store;

	private SortedKeyValueTemplate<String> truth;

	@BeforeAll
	static void createTable() {
		direct = ReliabilitySupport.directClient();
		table = ReliabilitySupport.createTable(direct, "lost-answer");
		faulty = ReliabilitySupport.faultyClient(proxy.endpoint(), 3);
		dynamoDown = DynamoDown.create(faulty);
		directDynamoDown = DynamoDown.create(direct);
	}

	@AfterAll
	static void close() {
		dynamoDown.close();
		directDynamoDown.close();
		faulty.close();
		direct.close();
		proxy.close();
	}

	@BeforeEach
	void freshNamespace(TestInfo test) {
		String namespace = test.getDisplayName();
		this.store = dynamoDown.template(table, namespace, ValueCodec.string());
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
		assertThat(proxy.log().entries("PutItem")).extracting((entry) -> entry.fault()).containsExactly(fault, Fault.NONE);
		assertThat(this.truth.get("k")).contains("mine");
	}

	@Test
	void putIfAbsentOnAKeyAnotherWriterHoldsReturnsFalseAlsoWhenItsAnswerIsLost() {
		this.truth.put("k", "theirs");
		proxy.plan(FaultPlan.script().next("PutItem", Fault.RESET_AFTER));
		assertThat(this.store.putIfAbsent("k", "mine")).isFalse();
		assertThat(proxy.log().entries("PutItem")).hasSize(2);
		assertThat(this.truth.get("k")).contains("theirs");
	}

	@Test
	void putIfAbsentWhoseEveryAttemptIsLostAfterApplyingThrowsAndTheWriteMayHaveLanded() {
		proxy.plan(FaultPlan.script().next("PutItem", Fault.RESET_AFTER, Fault.RESET_AFTER, Fault.RESET_AFTER));
		assertThatExceptionOfType(DynamoDownException.class).isThrownBy(() -> this.store.putIfAbsent("k", "mine"))
			.withMessageContaining("putIfAbsent on table '" + table + "'");
		assertThat(this.truth.get("k")).contains("mine");
		// and asking again, now that the network is fine, recognises its own write
		assertThat(this.store.putIfAbsent("k", "mine")).isTrue();
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
		assertThat(proxy.log().entries("PutItem")).hasSize(3);
		assertThat(proxy.log().entries("DeleteItem")).hasSize(3);
	}

	@Test
	void readsAreRetriedAcrossThrottlingAndResets() {
		this.truth.put("k", "v");
		proxy.plan(FaultPlan.script().next("GetItem", Fault.THROTTLING, Fault.RESET_BEFORE));
		assertThat(this.store.get("k")).contains("v");
		assertThat(proxy.log().entries("GetItem")).hasSize(3);
	}

	@ParameterizedTest
	@EnumSource(value = Fault.class, names = { "RESET_AFTER", "INTERNAL_ERROR_AFTER", "STALL_AFTER" })
	void putIfWhoseFirstAttemptLandedButWhoseAnswerWasLostReturnsTrue(Fault fault) {
		this.truth.put("k", "1");
		proxy.plan(FaultPlan.script().next("PutItem", fault));
		assertThat(this.store.putIf("k", "2", valueIs("1"))).isTrue();
		assertThat(proxy.log().entries("PutItem")).hasSize(2);
		assertThat(this.truth.get("k")).contains("2");
	}

	@Test
	void putIfOnAValueAnotherWriterChangedReturnsFalseAlsoWhenItsAnswerIsLost() {
		this.truth.put("k", "theirs");
		proxy.plan(FaultPlan.script().next("PutItem", Fault.RESET_AFTER));
		assertThat(this.store.putIf("k", "mine", valueIs("1"))).isFalse();
		assertThat(proxy.log().entries("PutItem")).hasSize(2);
		assertThat(this.truth.get("k")).contains("theirs");
	}

	@Test
	void deleteIfWhoseFirstAttemptLandedButWhoseAnswerWasLostReturnsTrue() {
		this.truth.put("k", "1");
		proxy.plan(FaultPlan.script().next("DeleteItem", Fault.RESET_AFTER));
		assertThat(this.store.deleteIf("k", valueIs("1"))).isTrue();
		assertThat(proxy.log().entries("DeleteItem")).hasSize(2);
		assertThat(this.truth.get("k")).isEmpty();
	}

	/** The string codec stores the value in the attribute {@code value}. */
	private static WriteCondition valueIs(String value) {
		return WriteCondition.attributeEquals("value", AttributeValue.fromS(value));
	}

}
