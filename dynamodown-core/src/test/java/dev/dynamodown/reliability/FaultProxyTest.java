package dev.dynamodown.reliability;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

import dev.dynamodown.reliability.faults.Fault;
import dev.dynamodown.reliability.faults.FaultLog;
import dev.dynamodown.reliability.faults.FaultPlan;
import dev.dynamodown.reliability.faults.FaultProxy;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.nio.netty.SdkEventLoopGroup;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.InternalServerErrorException;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The fault layer itself, with the raw SDK: each fault reaches the client as the failure a real
 * DynamoDB would cause (the right exception, retried or not by the SDK), and a fault "before"
 * leaves the table untouched while one "after" has applied the write. The other reliability
 * tests rely on this.
 */
class FaultProxyTest {

	private static final FaultProxy proxy = FaultProxy.start(ReliabilitySupport.dynalite(), 7);

	private static DynamoDbClient direct;

	private static DynamoDbClient once;

	private static String table;

	@BeforeAll
	static void createTable() {
		direct = ReliabilitySupport.directClient();
		once = ReliabilitySupport.faultyClient(proxy.endpoint(), 1);
		table = ReliabilitySupport.createTable(direct, "proxy");
	}

	@AfterAll
	static void close() {
		once.close();
		direct.close();
		proxy.close();
	}

	@AfterEach
	void proxyHadNoErrors() {
		assertThat(proxy.errors()).isEmpty();
		proxy.plan(FaultPlan.none());
	}

	@ParameterizedTest
	@EnumSource(value = Fault.class, names = { "THROUGHPUT_EXCEEDED", "THROTTLING", "INTERNAL_ERROR", "UNAVAILABLE",
			"RESET_BEFORE", "STALL_BEFORE" })
	void faultBeforeForwardingFailsTheCallAndWritesNothing(Fault fault) {
		String key = "before-" + fault;
		proxy.plan(FaultPlan.always("PutItem", fault));
		Throwable thrown = catchThrowable(() -> once.putItem((r) -> r.tableName(table).item(item(key))));
		assertThat(thrown).isInstanceOf(expected(fault));
		if (thrown instanceof DynamoDbException service) {
			assertThat(service.statusCode()).isEqualTo(status(fault));
			assertThat(service.isThrottlingException()).isEqualTo(fault == Fault.THROUGHPUT_EXCEEDED || fault == Fault.THROTTLING);
		}
		assertThat(direct.getItem((r) -> r.tableName(table).key(key(key)).consistentRead(true)).hasItem()).isFalse();
	}

	@ParameterizedTest
	@EnumSource(value = Fault.class, names = { "INTERNAL_ERROR_AFTER", "RESET_AFTER", "STALL_AFTER" })
	void faultAfterForwardingFailsTheCallButTheWriteLanded(Fault fault) {
		String key = "after-" + fault;
		proxy.plan(FaultPlan.always("PutItem", fault));
		Throwable thrown = catchThrowable(() -> once.putItem((r) -> r.tableName(table).item(item(key))));
		assertThat(thrown).isInstanceOf(expected(fault));
		assertThat(direct.getItem((r) -> r.tableName(table).key(key(key)).consistentRead(true)).item())
			.isEqualTo(item(key));
	}

	@ParameterizedTest
	@EnumSource(value = Fault.class, names = { "RESET_BEFORE", "RESET_AFTER" })
	void theAsyncClientFailsAResetAttemptWithTheResetNotWithItsTimeout(Fault fault) {
		// The Netty client reports a reset connection to the attempt's future before its handler;
		// the handler must still hear of it, or the attempt waits for its timeout instead.
		try (DynamoDbAsyncClient onceAsync = ReliabilitySupport.faultyAsyncClient(proxy.endpoint(), 1,
				ReliabilitySupport.faultyNetty())) {
			proxy.plan(FaultPlan.always("PutItem", fault));
			Throwable thrown = catchThrowable(
					() -> onceAsync.putItem((r) -> r.tableName(table).item(item("reset-" + fault))).join());
			assertThat(thrown).isInstanceOf(CompletionException.class)
				.cause()
				.isInstanceOf(SdkClientException.class)
				.isNotInstanceOf(ApiCallAttemptTimeoutException.class)
				.hasRootCauseInstanceOf(IOException.class);
		}
	}

	@Test
	void theSdkRetriesInjectedThrottlingAndServerErrors() {
		AttemptCounter attempts = new AttemptCounter();
		try (DynamoDbClient retrying = ReliabilitySupport.faultyClient(proxy.endpoint(), 3, attempts)) {
			proxy.plan(FaultPlan.script()
				.next("PutItem", Fault.THROUGHPUT_EXCEEDED, Fault.RESET_BEFORE)
				.next("GetItem", Fault.UNAVAILABLE, Fault.THROTTLING));
			retrying.putItem((r) -> r.tableName(table).item(item("retried")));
			assertThat(retrying.getItem((r) -> r.tableName(table).key(key("retried"))).item()).isEqualTo(item("retried"));
			assertThat(attempts.calls()).isEqualTo(2);
			assertThat(attempts.clientRetries()).isEqualTo(4);
		}
	}

	@Test
	void theAsyncClientRetriesAStalledAttemptAlsoWhenItsEventLoopIsLate() throws Exception {
		// A loaded machine, staged: the client's only event loop is busy from before the first
		// attempt times out until after the SDK prepared the retry, so the Netty client tears the
		// timed-out attempt down only then. That must not fail the retry.
		SdkEventLoopGroup loop = SdkEventLoopGroup.builder().numberOfThreads(1).build();
		try (DynamoDbAsyncClient retrying = ReliabilitySupport.faultyAsyncClient(proxy.endpoint(), 3,
				ReliabilitySupport.faultyNetty().eventLoopGroup(loop))) {
			retrying.getItem((r) -> r.tableName(table).key(key("warm-up"))).join();
			proxy.log().clear();
			proxy.plan(FaultPlan.script().next("PutItem", Fault.STALL_AFTER));
			long timeout = ReliabilitySupport.ATTEMPT_TIMEOUT.toMillis();
			loop.eventLoopGroup().schedule(() -> ReliabilitySupport.sleep(Duration.ofMillis(timeout / 2)),
					timeout * 3 / 4, TimeUnit.MILLISECONDS);
			retrying.putItem((r) -> r.tableName(table).item(item("late-loop"))).join();
			assertThat(proxy.log().entries("PutItem")).extracting(FaultLog.Entry::fault)
				.containsExactly(Fault.STALL_AFTER, Fault.NONE);
		}
		finally {
			loop.eventLoopGroup().shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
		}
	}

	@Test
	void partiallyUnprocessedBatchWriteReallyLeavesTheHeldBackItemsUnwritten() {
		List<WriteRequest> writes = new ArrayList<>();
		for (int i = 0; i < 25; i++) {
			String key = "batch-" + i;
			writes.add(WriteRequest.builder().putRequest((p) -> p.item(item(key))).build());
		}
		proxy.plan(FaultPlan.always("BatchWriteItem", Fault.PARTIALLY_UNPROCESSED));
		BatchWriteItemResponse response = once.batchWriteItem((r) -> r.requestItems(Map.of(table, writes)));
		Set<String> unprocessed = new HashSet<>();
		response.unprocessedItems().get(table).forEach((w) -> unprocessed.add(w.putRequest().item().get("k").s()));
		assertThat(unprocessed).isNotEmpty().hasSize(proxy.log().entries("BatchWriteItem").get(0).held());
		for (int i = 0; i < 25; i++) {
			String key = "batch-" + i;
			boolean stored = direct.getItem((r) -> r.tableName(table).key(key(key)).consistentRead(true)).hasItem();
			assertThat(stored).as(key).isEqualTo(!unprocessed.contains(key));
		}
	}

	@Test
	void partiallyUnprocessedBatchGetReturnsTheRestAsUnprocessedKeys() {
		List<Map<String, AttributeValue>> keys = new ArrayList<>();
		for (int i = 0; i < 10; i++) {
			String key = "get-" + i;
			direct.putItem((r) -> r.tableName(table).item(item(key)));
			keys.add(key(key));
		}
		proxy.plan(FaultPlan.always("BatchGetItem", Fault.PARTIALLY_UNPROCESSED));
		BatchGetItemResponse response = once
			.batchGetItem((r) -> r.requestItems(Map.of(table, KeysAndAttributes.builder().keys(keys).consistentRead(true).build())));
		List<Map<String, AttributeValue>> unprocessed = response.unprocessedKeys().get(table).keys();
		assertThat(unprocessed).isNotEmpty();
		assertThat(response.unprocessedKeys().get(table).consistentRead()).isTrue();
		List<Map<String, AttributeValue>> found = new ArrayList<>();
		response.responses().getOrDefault(table, List.of()).forEach((item) -> found.add(key(item.get("k").s())));
		assertThat(found).hasSize(10 - unprocessed.size()).doesNotContainAnyElementsOf(unprocessed);
		List<Map<String, AttributeValue>> all = new ArrayList<>(found);
		all.addAll(unprocessed);
		assertThat(all).containsExactlyInAnyOrderElementsOf(keys);
	}

	@Test
	void allUnprocessedForwardsNothing() {
		proxy.plan(FaultPlan.always("BatchWriteItem", Fault.ALL_UNPROCESSED));
		WriteRequest write = WriteRequest.builder().putRequest((p) -> p.item(item("never"))).build();
		BatchWriteItemResponse response = once.batchWriteItem((r) -> r.requestItems(Map.of(table, List.of(write))));
		assertThat(response.unprocessedItems().get(table)).containsExactly(write);
		assertThat(direct.getItem((r) -> r.tableName(table).key(key("never")).consistentRead(true)).hasItem()).isFalse();
	}

	@Test
	void aThrownFaultIsAProvisionedThroughputExceededExceptionForTheSdk() {
		proxy.plan(FaultPlan.always("GetItem", Fault.THROUGHPUT_EXCEEDED));
		assertThatExceptionOfType(ProvisionedThroughputExceededException.class)
			.isThrownBy(() -> once.getItem((r) -> r.tableName(table).key(key("x"))))
			.withMessageContaining("injected");
	}

	private static Class<? extends Throwable> expected(Fault fault) {
		return switch (fault) {
			case THROUGHPUT_EXCEEDED -> ProvisionedThroughputExceededException.class;
			case THROTTLING -> DynamoDbException.class;
			case INTERNAL_ERROR, INTERNAL_ERROR_AFTER -> InternalServerErrorException.class;
			case UNAVAILABLE -> DynamoDbException.class;
			case STALL_BEFORE, STALL_AFTER -> ApiCallAttemptTimeoutException.class;
			default -> SdkClientException.class;
		};
	}

	private static int status(Fault fault) {
		return switch (fault) {
			case THROUGHPUT_EXCEEDED, THROTTLING -> 400;
			case UNAVAILABLE -> 503;
			default -> 500;
		};
	}

	private static Map<String, AttributeValue> key(String key) {
		return Map.of("ns", AttributeValue.fromS("proxy"), "k", AttributeValue.fromS(key));
	}

	private static Map<String, AttributeValue> item(String key) {
		return Map.of("ns", AttributeValue.fromS("proxy"), "k", AttributeValue.fromS(key), "v",
				AttributeValue.fromS("value of " + key));
	}

}
