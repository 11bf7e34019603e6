package dev.dynamodown.reliability;

import java.util.List;
import java.util.Map;

import dev.dynamodown.Api;
import dev.dynamodown.AtomicBatchException;
import dev.dynamodown.AtomicBatchOutcomeUnknownException;
import dev.dynamodown.Clients;
import dev.dynamodown.DynamoDownOptions;
import dev.dynamodown.SortedKeyValueOperations;
import dev.dynamodown.Stores;
import dev.dynamodown.ValueCodec;
import dev.dynamodown.reliability.faults.Fault;
import dev.dynamodown.reliability.faults.FaultLog;
import dev.dynamodown.reliability.faults.FaultPlan;
import dev.dynamodown.reliability.faults.FaultProxy;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * What a failed {@code atomicBatch} says about its outcome. dynalite has no transactions, so the
 * fault proxy answers {@code TransactWriteItems} itself, as DynamoDB would: cancelled, applied, or
 * not at all. "Nothing was written" ({@link AtomicBatchException}) is only said when it is known:
 * every attempt was refused before it could apply. Once an attempt's answer was lost, a later
 * failure leaves the outcome unknown ({@link AtomicBatchOutcomeUnknownException}).
 */
@ParameterizedClass
@EnumSource(Api.class)
class AtomicBatchOutcomeTest {

	@Parameter
	Api api;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final FaultProxy proxy = FaultProxy.start(ReliabilitySupport.dynalite(), 17);

	private static DynamoDbClient direct;

	private static Clients faulty;

	private static Map<Api, Stores> stores;

	private static String table;

	private SortedKeyValueOperations<String> store;

	@BeforeAll
	static void createTable() {
		direct = ReliabilitySupport.directClient();
		table = ReliabilitySupport.createTable(direct, "atomic-outcome");
		faulty = ReliabilitySupport.faultyClients(proxy.endpoint(), 3);
		stores = ReliabilitySupport.open(faulty, DynamoDownOptions.defaults());
	}

	@AfterAll
	static void close() {
		ReliabilitySupport.close(stores);
		faulty.close();
		direct.close();
		proxy.close();
	}

	@BeforeEach
	void warm() {
		this.store = stores.get(this.api).template(table, "atomic-" + this.api, ValueCodec.string());
		this.store.get("warm-up");
		proxy.log().clear();
	}

	@AfterEach
	void proxyHadNoErrors() {
		assertThat(proxy.errors()).isEmpty();
		proxy.plan(FaultPlan.none());
	}

	@Test
	void aSingleCancelledAttemptWroteNothing() {
		proxy.plan(FaultPlan.script().next("TransactWriteItems", Fault.TRANSACTION_CANCELLED));
		assertThatExceptionOfType(AtomicBatchException.class).isThrownBy(this::writeTwoKeys)
			.withMessageContaining("nothing was written")
			.withMessageContaining("ConditionalCheckFailed");
		assertThat(attempts()).hasSize(1);
	}

	@ParameterizedTest
	@EnumSource(value = Fault.class, names = { "THROTTLING", "THROUGHPUT_EXCEEDED" })
	void cancelledAfterAttemptsThatWereRefusedWroteNothing(Fault refused) {
		proxy.plan(FaultPlan.script().next("TransactWriteItems", refused, Fault.TRANSACTION_CANCELLED));
		assertThatExceptionOfType(AtomicBatchException.class).isThrownBy(this::writeTwoKeys)
			.withMessageContaining("nothing was written");
		assertThat(attempts()).hasSize(2);
	}

	@ParameterizedTest
	@EnumSource(value = Fault.class, names = { "RESET_AFTER", "RESET_BEFORE", "INTERNAL_ERROR", "UNAVAILABLE",
			"STALL_AFTER" })
	void cancelledAfterAnAttemptWhoseAnswerWasLostHasAnUnknownOutcome(Fault lost) {
		proxy.plan(FaultPlan.script().next("TransactWriteItems", lost, Fault.TRANSACTION_CANCELLED));
		assertThatExceptionOfType(AtomicBatchOutcomeUnknownException.class).isThrownBy(this::writeTwoKeys)
			.isNotInstanceOf(AtomicBatchException.class)
			.withMessageContaining("unknown outcome")
			.withMessageContaining("applied entirely or not at all");
		assertThat(attempts()).extracting(FaultLog.Entry::fault).startsWith(lost, Fault.TRANSACTION_CANCELLED);
		assertOneToken();
	}

	@Test
	void everyAnswerLostHasAnUnknownOutcome() {
		proxy.plan(FaultPlan.script().next("TransactWriteItems", Fault.RESET_AFTER, Fault.INTERNAL_ERROR_AFTER,
				Fault.RESET_AFTER));
		assertThatExceptionOfType(AtomicBatchOutcomeUnknownException.class).isThrownBy(this::writeTwoKeys);
		assertThat(attempts()).hasSize(3);
		assertOneToken();
	}

	@Test
	void appliedAfterALostAnswerSucceeds() {
		proxy.plan(FaultPlan.script().next("TransactWriteItems", Fault.RESET_AFTER, Fault.TRANSACTION_APPLIED));
		assertThatNoException().isThrownBy(this::writeTwoKeys);
		assertThat(attempts()).hasSize(2);
		assertOneToken();
	}

	private void writeTwoKeys() {
		this.store.atomicBatch((batch) -> batch.put("a", "x").delete("b"));
	}

	private static List<FaultLog.Entry> attempts() {
		return proxy.log().entries("TransactWriteItems");
	}

	/** Every attempt of the call carried the same ClientRequestToken: DynamoDB applies it once at most. */
	private static void assertOneToken() {
		assertThat(attempts()).extracting((entry) -> JSON.readTree(entry.body()).get("ClientRequestToken").asString())
			.doesNotContainNull()
			.containsOnly(JSON.readTree(attempts().get(0).body()).get("ClientRequestToken").asString());
	}

}
