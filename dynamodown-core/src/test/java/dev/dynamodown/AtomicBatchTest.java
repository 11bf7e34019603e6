package dev.dynamodown;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * atomicBatch: one TransactWriteItems request, at most 100 distinct keys, never a non-atomic
 * fallback. dynalite has no transactions, so on it every atomic batch fails and writes nothing.
 */
@ParameterizedClass
@EnumSource(Api.class)
class AtomicBatchTest {

	@Parameter
	Api api;

	private static final RequestRecorder requests = new RequestRecorder();

	private static final ServiceAnswer answers = new ServiceAnswer();

	@RegisterExtension
	static final DynamoDownFixture fixture = DynamoDownFixture.table("atomic")
		.maxAttempts(2)
		.interceptors(requests, answers);

	private SortedKeyValueOperations<String> store;

	@BeforeEach
	void fresh(TestInfo test) {
		this.store = fixture.template(this.api, test);
		this.store.put("existing", "before");
		this.store.put("doomed", "before");
		answers.reset();
		requests.reset();
	}

	@Test
	void endpointWithoutTransactionsWritesNothingAndNeverFallsBack() {
		assertThatExceptionOfType(AtomicBatchException.class)
			.isThrownBy(() -> this.store.atomicBatch((b) -> b.put("new", "x").put("existing", "after").delete("doomed")))
			.withMessageContaining("does not support TransactWriteItems")
			.withMessageContaining("nothing was written")
			.withMessageContaining(fixture.table())
			.havingCause()
			.isInstanceOf(DynamoDbException.class)
			.satisfies((cause) -> assertThat(((DynamoDbException) cause).awsErrorDetails().errorCode())
				.isEqualTo("UnknownOperationException"));
		assertThat(requests.sent()).extracting(RequestRecorder.Sent::operation).containsExactly("TransactWriteItems");
		assertThat(this.store.list(KeyRange.all())).containsExactly(new KeyValue<>("doomed", "before"),
				new KeyValue<>("existing", "before"));
	}

	@Test
	void sendsOneRequestWithTheLastOperationPerKey() {
		assertThatExceptionOfType(AtomicBatchException.class).isThrownBy(() -> this.store.atomicBatch((b) -> {
			for (int i = 0; i < 100; i++) {
				b.put("k" + i, "first");
			}
			for (int i = 0; i < 100; i += 2) {
				b.delete("k" + i);
			}
			b.put("k1", "last");
		}));
		TransactWriteItemsRequest sent = requests.requests("TransactWriteItems", TransactWriteItemsRequest.class).get(0);
		assertThat(requests.count("TransactWriteItems")).isEqualTo(1);
		assertThat(sent.clientRequestToken()).isNotBlank();
		List<TransactWriteItem> items = sent.transactItems();
		assertThat(items).hasSize(100);
		assertThat(items.get(0).delete().tableName()).isEqualTo(fixture.table());
		assertThat(items.get(0).delete().key()).isEqualTo(Map.of("ns", AttributeValue.fromS(this.store.namespace()),
				"k", AttributeValue.fromS("k0")));
		assertThat(items.get(1).put().tableName()).isEqualTo(fixture.table());
		assertThat(items.get(1).put().item()).isEqualTo(Map.of("ns", AttributeValue.fromS(this.store.namespace()),
				"k", AttributeValue.fromS("k1"), "value", AttributeValue.fromS("last")));
		assertThat(items.get(3).put().item()).containsEntry("value", AttributeValue.fromS("first"));
		assertThat(items).filteredOn((item) -> item.delete() != null).hasSize(50);
	}

	@Test
	void moreThanOneHundredDistinctKeysIsRefusedBeforeAnyRequest() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.store.atomicBatch((b) -> {
			for (int i = 0; i <= 100; i++) {
				b.put("k" + i, "v");
			}
		})).withMessageContaining("at most 100 distinct keys").withMessageContaining("101");
		assertThat(requests.total()).isZero();
	}

	@Test
	void invalidOperationSendsNothing() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.store.atomicBatch((b) -> b.put("ok", "v").delete("\uDC00 lone low surrogate")));
		assertThat(requests.total()).isZero();
	}

	@Test
	void emptyAtomicBatchSendsNothing() {
		this.store.atomicBatch((b) -> {
		});
		assertThat(requests.total()).isZero();
	}

	@Test
	void cancelledTransactionIsAnAtomicBatchException() {
		answers.answer("TransactWriteItems", 400, """
				{"__type":"com.amazonaws.dynamodb.v20120810#TransactionCanceledException",
				 "Message":"Transaction cancelled, please refer cancellation reasons for specific reasons [None, TransactionConflict]",
				 "CancellationReasons":[{"Code":"None"},{"Code":"TransactionConflict","Message":"Conflict"}]}""");
		assertThatExceptionOfType(AtomicBatchException.class)
			.isThrownBy(() -> this.store.atomicBatch((b) -> b.put("a", "x").put("b", "y")))
			.withMessageContaining("was cancelled, nothing was written (reasons: TransactionConflict)")
			.withCauseInstanceOf(TransactionCanceledException.class);
	}

	@Test
	void serverErrorLeavesTheOutcomeOpenAndRetriesWithTheSameToken() {
		answers.answer("TransactWriteItems", 500, """
				{"__type":"com.amazonaws.dynamodb.v20120810#InternalServerError","message":"try again"}""");
		assertThatExceptionOfType(DynamoDownException.class)
			.isThrownBy(() -> this.store.atomicBatch((b) -> b.put("a", "x")))
			.isNotInstanceOf(AtomicBatchException.class)
			.withMessageContaining("unknown outcome")
			.withMessageContaining("applied entirely or not at all");
		List<TransactWriteItemsRequest> attempts = requests.requests("TransactWriteItems",
				TransactWriteItemsRequest.class);
		assertThat(attempts).as("the client's own retries").hasSize(2);
		assertThat(attempts).extracting(TransactWriteItemsRequest::clientRequestToken).containsOnly(
				attempts.get(0).clientRequestToken());
	}

}
