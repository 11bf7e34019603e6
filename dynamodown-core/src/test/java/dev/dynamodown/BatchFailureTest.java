package dev.dynamodown;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whatever ends a batch once a chunk was sent (not only a failed request: an answer the library
 * cannot read; a close and an interrupt in {@link CloseTest} and {@link InterruptTest}), it ends in
 * a {@link BatchWriteException} whose
 * {@code unapplied()} lists exactly the operations not confirmed applied, with the original
 * failure as its cause.
 */
@ParameterizedClass
@EnumSource(Api.class)
class BatchFailureTest {

	@Parameter
	Api api;

	private static final Unprocessed unprocessed = new Unprocessed("k");

	private static final UnreadableAnswer unreadable = new UnreadableAnswer();

	@RegisterExtension
	static final DynamoDownFixture fixture = DynamoDownFixture.table("batch-failure")
		.interceptors(unprocessed, unreadable)
		.options(DynamoDownOptions.builder()
			.batchConcurrency(1)
			.maxBatchAttempts(20)
			.retryBaseDelay(Duration.ofMillis(400))
			.retryMaxDelay(Duration.ofSeconds(2))
			.build());

	private SortedKeyValueOperations<String> store;

	@BeforeEach
	void fresh(TestInfo test) {
		this.store = fixture.template(this.api, test);
		this.store.get("warm-up");
		unprocessed.reset();
		unreadable.armFor(0);
	}

	@Test
	void anAnswerThatCannotBeReadEndsTheBatchWithItsChunkUnapplied() {
		unreadable.armFor(2);
		List<String> keys = keys(75);
		BatchWriteException failure = catchBatchWriteException(() -> this.store.batch((batch) -> keys.forEach((key) -> batch.put(key, "v"))));
		assertThat(failure.unapplied()).extracting(BatchOperation::key)
			.as("the chunk whose answer was unreadable, and the one never sent")
			.containsExactlyElementsOf(keys.subList(25, 75));
		assertThat(failure.applied()).isEqualTo(25);
		assertThat(failure).hasRootCauseInstanceOf(IllegalStateException.class);
		assertThat(this.store.keys(KeyRange.all()).toList()).containsAll(keys.subList(0, 25));
	}

	private static List<String> keys(int count) {
		return IntStream.range(0, count).mapToObj((i) -> String.format("k%04d", i)).toList();
	}

	private static BatchWriteException catchBatchWriteException(Runnable batch) {
		try {
			batch.run();
		}
		catch (BatchWriteException ex) {
			return ex;
		}
		catch (RuntimeException ex) {
			throw new AssertionError("not a BatchWriteException", ex);
		}
		throw new AssertionError("no failure");
	}

	/**
	 * Makes the n-th {@code BatchWriteItem} answer unreadable: it reports an unprocessed item without
	 * the key attributes (the request itself was applied).
	 */
	static final class UnreadableAnswer implements ExecutionInterceptor {

		private final AtomicInteger calls = new AtomicInteger();

		private volatile int armed;

		void armFor(int n) {
			this.calls.set(0);
			this.armed = n;
		}

		@Override
		public SdkResponse modifyResponse(Context.ModifyResponse context, ExecutionAttributes attributes) {
			if (context.response() instanceof BatchWriteItemResponse response && this.armed > 0
					&& this.calls.incrementAndGet() == this.armed) {
				String table = ((software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest) context.request())
					.requestItems().keySet().iterator().next();
				WriteRequest broken = WriteRequest.builder()
					.putRequest((put) -> put.item(Map.of("value", AttributeValue.fromS("no keys"))))
					.build();
				return response.toBuilder().unprocessedItems(Map.of(table, List.of(broken))).build();
			}
			return context.response();
		}

	}

}
