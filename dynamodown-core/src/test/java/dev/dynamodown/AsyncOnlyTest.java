package dev.dynamodown;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.stream.IntStream;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.adapter.JdkFlowAdapter;
import reactor.core.publisher.Flux;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * What the asynchronous API promises beyond the shared behaviour (which every parameterised test
 * checks through {@link BlockingView}): bad input fails the future or the publisher and is never
 * thrown; no call waits for an answer; publishers are lazy and demand-driven; a Reactor
 * {@code Flux} consumes them with backpressure; cancelling stops the work.
 */
class AsyncOnlyTest {

	private static final RequestRecorder requests = new RequestRecorder();

	private static final Unprocessed unprocessed = new Unprocessed("k");

	private static final HeldAnswers held = new HeldAnswers();

	private static final List<String> KEYS = IntStream.range(0, 50).mapToObj((i) -> String.format("k%03d", i)).toList();

	@RegisterExtension
	static final DynamoDownFixture fixture = DynamoDownFixture.table("async")
		.interceptors(requests, unprocessed, held)
		.options(DynamoDownOptions.builder()
			.batchConcurrency(2)
			.maxBatchAttempts(50)
			.retryBaseDelay(Duration.ofMillis(200))
			.retryMaxDelay(Duration.ofMillis(400))
			.build());

	private AsyncSortedKeyValueOperations<String> store;

	@BeforeAll
	static void fill() {
		fixture.template("filled").batch((batch) -> KEYS.forEach((key) -> batch.put(key, "value of " + key)));
	}

	@BeforeEach
	void open() {
		this.store = ((BlockingView<String>) fixture.template(Api.ASYNC, "filled")).async();
		BlockingView.await(this.store.get("warm-up"));
		unprocessed.reset();
		held.release();
		requests.reset();
	}

	@Test
	void badArgumentsFailTheFutureBeforeAnyRequestAndAreNeverThrown() {
		List<Supplier<CompletableFuture<?>>> calls = List.of(() -> this.store.get(null), () -> this.store.get(""),
				() -> this.store.put("k", null), () -> this.store.put("x".repeat(1025), "v"),
				() -> this.store.putIfAbsent("\uD800", "v"), () -> this.store.delete(null),
				() -> this.store.getAll(Arrays.asList("a", null)), () -> this.store.count(null),
				() -> this.store.clear(null), () -> this.store.list(null), () -> this.store.batch(null),
				() -> this.store.batch((batch) -> batch.put("ok", "v").delete("")),
				() -> this.store.atomicBatch((batch) -> IntStream.rangeClosed(0, 100).forEach((i) -> batch.put("k" + i, "v"))));
		for (Supplier<CompletableFuture<?>> call : calls) {
			AtomicReference<CompletableFuture<?>> future = new AtomicReference<>();
			assertThatNoException().isThrownBy(() -> future.set(call.get()));
			assertThat(future.get()).isCompletedExceptionally();
			assertThatExceptionOfType(RuntimeException.class).isThrownBy(() -> BlockingView.await(future.get()))
				.isInstanceOfAny(NullPointerException.class, IllegalArgumentException.class);
		}
		Recorder<String> subscriber = new Recorder<>();
		assertThatNoException().isThrownBy(() -> this.store.keys(null).subscribe(subscriber));
		assertThat(subscriber.failure()).isInstanceOf(NullPointerException.class);
		assertThat(requests.total()).isZero();
	}

	@Test
	void callsReturnBeforeTheirAnswers() {
		// Held on the thread that completes the SDK's future. Under load the answer may arrive before the
		// SDK attaches that stage, which then runs on the calling thread: the call found its answer ready
		// rather than waited for it, and proves nothing. Try again then, a few times.
		CompletableFuture<?> get = null;
		for (int attempt = 0; attempt < 5 && (get == null || held.answeredOnCaller()); attempt++) {
			held.release();
			held.hold("GetItem", Thread.currentThread());
			get = this.store.get("k001");
			if (!held.answeredOnCaller()) {
				assertThat(get).as("returned while the answer is held back").isNotDone();
			}
		}
		assertThat(held.answeredOnCaller()).as("an attempt whose answer was held back").isFalse();
		held.release();
		assertThat(BlockingView.await(get)).isNotNull();
		unprocessed.always(java.util.Set.of("k000"));
		CompletableFuture<BatchResult> batch = this.store.batch((b) -> b.put("k000", "v"));
		assertThat(batch).as("returned while a retry waits for its backoff").isNotDone();
		batch.cancel(false);
	}

	@Test
	void cancellingABatchStopsItsRetries() throws InterruptedException {
		unprocessed.always(java.util.Set.of("k010"));
		CompletableFuture<BatchResult> batch = this.store.batch((b) -> KEYS.forEach((key) -> b.put(key, "again")));
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
		while (requests.count("BatchWriteItem") < 3 && System.nanoTime() < deadline) {
			Thread.sleep(10);
		}
		assertThat(batch.cancel(false)).isTrue();
		assertThatExceptionOfType(CancellationException.class).isThrownBy(() -> BlockingView.await(batch));
		Thread.sleep(500);
		int sent = requests.count("BatchWriteItem");
		Thread.sleep(800);
		assertThat(requests.count("BatchWriteItem")).as("no retry after the cancel").isEqualTo(sent);
	}

	@Test
	void aPublisherReadsNothingBeforeDemandAndAPagePerDemandThenStopsOnCancel() throws InterruptedException {
		// pages of 10 keys (see HeldAnswers): a request of 3 needs one page, of 15 two
		held.pagesOf(10);
		Recorder<String> subscriber = new Recorder<>();
		this.store.keys(KeyRange.all()).subscribe(subscriber);
		assertThat(requests.count("Query")).as("subscribed, nothing requested").isZero();
		subscriber.request(3);
		subscriber.awaitItems(3);
		assertThat(subscriber.items()).containsExactly("k000", "k001", "k002");
		assertThat(requests.count("Query")).isEqualTo(1);
		subscriber.request(12);
		subscriber.awaitItems(15);
		assertThat(requests.count("Query")).as("the second page, and the third read ahead").isBetween(2, 3);
		subscriber.cancel();
		int sent = requests.count("Query");
		Thread.sleep(200);
		assertThat(requests.count("Query")).isEqualTo(sent);
		assertThat(subscriber.items()).hasSize(15);
	}

	@Test
	void requestOfZeroSignalsIllegalArgumentException() throws InterruptedException {
		Recorder<String> subscriber = new Recorder<>();
		this.store.keys(KeyRange.all()).subscribe(subscriber);
		subscriber.request(0);
		assertThat(subscriber.awaitFailure()).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void publishersAreColdAndReactorConsumesThemWithBackpressure() {
		held.pagesOf(10);
		Flow.Publisher<KeyValue<String>> range = this.store.range(KeyRange.all().gte("k010").lt("k040"));
		Flux<KeyValue<String>> entries = JdkFlowAdapter.flowPublisherToFlux(range);
		List<String> first = entries.limitRate(4).map(KeyValue::key).collectList().block(Duration.ofSeconds(30));
		List<String> again = entries.take(5).map(KeyValue::key).collectList().block(Duration.ofSeconds(30));
		assertThat(first).containsExactlyElementsOf(KEYS.subList(10, 40));
		assertThat(again).as("a second subscription reads anew").containsExactlyElementsOf(KEYS.subList(10, 15));
	}

	/** Holds back the answers of one operation until released; also makes Query pages small. */
	static final class HeldAnswers implements ExecutionInterceptor {

		private volatile String operation;

		private volatile CountDownLatch gate = new CountDownLatch(0);

		private volatile int pageSize;

		private volatile @Nullable Thread caller;

		private volatile boolean answeredOnCaller;

		/** Holds the answers of {@code operation} back until {@link #release}, except on {@code caller}'s thread. */
		void hold(String operation, Thread caller) {
			this.gate = new CountDownLatch(1);
			this.caller = caller;
			this.answeredOnCaller = false;
			this.operation = operation;
		}

		/** Whether an answer to hold was handled on the calling thread (and so not held). */
		boolean answeredOnCaller() {
			return this.answeredOnCaller;
		}

		void pagesOf(int size) {
			this.pageSize = size;
		}

		void release() {
			this.pageSize = 0;
			this.operation = null;
			this.gate.countDown();
		}

		@Override
		public software.amazon.awssdk.core.SdkRequest modifyRequest(Context.ModifyRequest context,
				ExecutionAttributes attributes) {
			if (context.request() instanceof QueryRequest query && this.pageSize > 0) {
				return query.toBuilder().limit(Math.min(this.pageSize, (query.limit() != null) ? query.limit() : Integer.MAX_VALUE)).build();
			}
			return context.request();
		}

		@Override
		public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
			if (context.request() instanceof GetItemRequest && "GetItem".equals(this.operation)) {
				if (Thread.currentThread() == this.caller) {
					this.answeredOnCaller = true;
					return;
				}
				try {
					this.gate.await(10, TimeUnit.SECONDS);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			}
		}

	}

	/** A subscriber that records what it is given and requests only when told. */
	static final class Recorder<T> implements Flow.Subscriber<T> {

		private final List<T> items = new CopyOnWriteArrayList<>();

		private final CompletableFuture<Flow.Subscription> subscription = new CompletableFuture<>();

		private final CompletableFuture<Throwable> failure = new CompletableFuture<>();

		@Override
		public void onSubscribe(Flow.Subscription subscription) {
			this.subscription.complete(subscription);
		}

		@Override
		public void onNext(T item) {
			this.items.add(item);
		}

		@Override
		public void onError(Throwable throwable) {
			this.failure.complete(throwable);
		}

		@Override
		public void onComplete() {
			this.failure.complete(null);
		}

		void request(long n) {
			this.subscription.getNow(null).request(n);
		}

		void cancel() {
			this.subscription.getNow(null).cancel();
		}

		List<T> items() {
			return new ArrayList<>(this.items);
		}

		Throwable failure() {
			return this.failure.getNow(null);
		}

		Throwable awaitFailure() {
			return BlockingView.await(this.failure);
		}

		void awaitItems(int count) throws InterruptedException {
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
			while (this.items.size() < count && System.nanoTime() < deadline) {
				Thread.sleep(5);
			}
			assertThat(this.items).hasSizeGreaterThanOrEqualTo(count);
		}

	}

}
