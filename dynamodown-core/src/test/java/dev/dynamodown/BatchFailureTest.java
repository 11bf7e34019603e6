package dev.dynamodown;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.RegisterExtension;
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
 * cannot read, an interrupted caller), it ends in a {@link BatchWriteException} whose
 * {@code unapplied()} lists exactly the operations not confirmed applied, with the original
 * failure as its cause.
 */
class BatchFailureTest {

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

	private SortedKeyValueTemplate<String> store;

	@BeforeEach
	void fresh(TestInfo test) {
		this.store = fixture.template(test);
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

	@Test
	void anInterruptedCallerGetsTheUnappliedOperationsAtOnceAndKeepsItsInterrupt() throws Exception {
		// three chunks in flight; the last two keep some items unprocessed, and back off for seconds
		DynamoDown slow = DynamoDown.create(fixture.client(), DynamoDownOptions.builder()
			.batchConcurrency(3)
			.maxBatchAttempts(20)
			.retryBaseDelay(Duration.ofSeconds(10))
			.retryMaxDelay(Duration.ofSeconds(10))
			.build());
		SortedKeyValueTemplate<String> store = slow.template(fixture.table(), this.store.namespace(), ValueCodec.string());
		List<String> keys = keys(60);
		unprocessed.always(Set.of("k0033", "k0053"));
		AtomicBoolean interruptKept = new AtomicBoolean();
		CompletableFuture<Thread> caller = new CompletableFuture<>();
		CompletableFuture<BatchWriteException> outcome = CompletableFuture.supplyAsync(() -> {
			caller.complete(Thread.currentThread());
			try {
				store.batch((batch) -> keys.forEach((key) -> batch.put(key, "v")));
				return null;
			}
			catch (BatchWriteException ex) {
				interruptKept.set(Thread.currentThread().isInterrupted());
				return ex;
			}
		});
		Thread.sleep(700);
		long interrupted = System.nanoTime();
		caller.get(5, TimeUnit.SECONDS).interrupt();
		BatchWriteException failure = within(outcome, Duration.ofSeconds(2));
		assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - interrupted)).as("ms to return").isLessThan(2000);
		assertThat(interruptKept).as("interrupt flag restored").isTrue();
		Set<String> unapplied = new HashSet<>();
		failure.unapplied().forEach((operation) -> unapplied.add(operation.key()));
		assertThat(unapplied).contains("k0033", "k0053");
		Set<String> stored = new HashSet<>(this.store.keys(KeyRange.all()).toList());
		assertThat(keys).filteredOn((key) -> !unapplied.contains(key)).allMatch(stored::contains);
		assertThat(failure.applied()).isEqualTo(60 - unapplied.size());
		assertThat(failure).hasMessageContaining("interrupted");
		slow.close();
	}

	private static <T> T within(CompletableFuture<T> future, Duration bound) throws Exception {
		try {
			return future.get(bound.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (ExecutionException ex) {
			throw new AssertionError("failed otherwise", ex.getCause());
		}
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
