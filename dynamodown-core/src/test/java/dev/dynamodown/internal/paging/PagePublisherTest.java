package dev.dynamodown.internal.paging;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;
import java.util.stream.LongStream;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static dev.dynamodown.internal.paging.ScriptedPageSource.pagesOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

/**
 * {@link PagePublisher} over in-memory sources: laziness, demand-driven paging, cancellation,
 * bad requests, re-entrancy, pages completing on other threads, long chains of empty pages,
 * failures of pages, of the mapping and of the subscriber, and the end report. The Reactive
 * Streams TCK ({@link PagePublisherTckTest}) checks the rules once more, from the outside.
 */
class PagePublisherTest {

	private static final Duration HANG = Duration.ofSeconds(10);

	private static ExecutorService pool;

	@BeforeAll
	static void startPool() {
		pool = Executors.newFixedThreadPool(3);
	}

	@AfterAll
	static void stopPool() {
		pool.shutdownNow();
	}

	@Test
	void nothingIsReadBeforeTheFirstRequest() {
		ScriptedPageSource<Integer> source = ScriptedPageSource.of(pagesOf(2, 2));
		RecordingSubscriber<Integer> subscriber = subscribe(PagePublisher.of(() -> source), 0);
		assertThat(source.reads()).isZero();
		subscriber.request(1);
		assertThat(source.reads()).isOne();
		assertThat(subscriber.items()).containsExactly(0);
	}

	@Test
	void eachSubscriptionOpensItsOwnSource() {
		List<ScriptedPageSource<Integer>> opened = new CopyOnWriteArrayList<>();
		PagePublisher<Integer> publisher = PagePublisher.of(() -> {
			ScriptedPageSource<Integer> source = ScriptedPageSource.of(pagesOf(2, 1));
			opened.add(source);
			return source;
		});
		RecordingSubscriber<Integer> first = subscribe(publisher, Long.MAX_VALUE);
		RecordingSubscriber<Integer> second = subscribe(publisher, Long.MAX_VALUE);
		assertThat(opened).hasSize(2);
		assertThat(first.items()).containsExactly(0, 1, 2);
		assertThat(second.items()).containsExactly(0, 1, 2);
		assertThat(first.completed()).isTrue();
		assertThat(second.completed()).isTrue();
	}

	@Test
	void aPageIsAskedForOnlyWhenTheDemandExceedsTheBufferedItems() {
		QueuedExecutor arrivals = new QueuedExecutor();
		ScriptedPageSource<Integer> source = ScriptedPageSource.of(pagesOf(3, 3, 3), arrivals);
		RecordingSubscriber<Integer> subscriber = subscribe(PagePublisher.of(() -> source), 1);
		assertThat(source.reads()).as("the first request asks for a page").isOne();
		subscriber.request(4);
		assertThat(source.reads()).as("no second page while the first is on its way").isOne();
		arrivals.runQueued();
		assertThat(subscriber.items()).containsExactly(0, 1, 2);
		assertThat(source.reads()).as("demand left after the first page: the second is asked for").isEqualTo(2);
		arrivals.runQueued();
		assertThat(subscriber.items()).containsExactly(0, 1, 2, 3, 4);
		assertThat(source.reads()).as("demand met with an item buffered: no third page").isEqualTo(2);
		subscriber.request(1);
		assertThat(subscriber.items()).containsExactly(0, 1, 2, 3, 4, 5);
		assertThat(source.reads()).as("the buffered item met the demand").isEqualTo(2);
		subscriber.request(10);
		assertThat(source.reads()).isEqualTo(3);
		arrivals.runQueued();
		assertThat(subscriber.items()).hasSize(9);
		assertThat(subscriber.completed()).isTrue();
		assertThat(source.closed()).isTrue();
		assertThat(source.breaches()).isEmpty();
		assertThat(subscriber.breaches()).isEmpty();
	}

	@Test
	void completesAfterTheLastItemWithoutFurtherDemand() {
		ScriptedPageSource<Integer> source = ScriptedPageSource.of(pagesOf(2, 2));
		RecordingSubscriber<Integer> subscriber = subscribe(PagePublisher.of(() -> source), 4);
		assertThat(subscriber.items()).containsExactly(0, 1, 2, 3);
		assertThat(subscriber.completed()).isTrue();
		assertThat(source.reads()).isEqualTo(2);
	}

	@Test
	void demandAccumulatesUpToLongMaxValue() {
		ScriptedPageSource<Long> source = ScriptedPageSource.counting(50, 7, Runnable::run);
		RecordingSubscriber<Long> subscriber = subscribe(PagePublisher.of(() -> source), 0)
			.onNext((self, item) -> {
				if (item == 10) {
					self.request(Long.MAX_VALUE);
				}
			});
		subscriber.request(Long.MAX_VALUE - 1);
		subscriber.request(Long.MAX_VALUE);
		assertThat(subscriber.items()).containsExactlyElementsOf(LongStream.range(0, 50).boxed().toList());
		assertThat(subscriber.completed()).isTrue();
		assertThat(subscriber.error()).isNull();
	}

	@ParameterizedTest
	@ValueSource(longs = { 0, -1, Long.MIN_VALUE })
	void aNonPositiveRequestSignalsIllegalArgumentAndClosesTheSource(long n) {
		ScriptedPageSource<Integer> source = ScriptedPageSource.of(pagesOf(2, 2));
		List<@Nullable Throwable> finishes = new CopyOnWriteArrayList<>();
		RecordingSubscriber<Integer> subscriber = subscribe(PagePublisher.of(() -> source, () -> finishes::add), 1);
		subscriber.subscription().request(n);
		assertThat(subscriber.error()).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("3.9");
		assertThat(source.closed()).isTrue();
		assertThat(finishes).containsExactly(subscriber.error());
		subscriber.subscription().request(5);
		assertThat(subscriber.items()).containsExactly(0);
		assertThat(subscriber.breaches()).isEmpty();
	}

	@Test
	void cancelClosesTheSourceAndStopsSignalsEvenWithAPageOnItsWay() {
		QueuedExecutor arrivals = new QueuedExecutor();
		ScriptedPageSource<Integer> source = ScriptedPageSource.of(pagesOf(3, 3), arrivals);
		List<@Nullable Throwable> finishes = new CopyOnWriteArrayList<>();
		RecordingSubscriber<Integer> subscriber = subscribe(PagePublisher.of(() -> source, () -> finishes::add), 2);
		assertThat(source.outstanding()).isTrue();
		subscriber.cancel();
		assertThat(source.closed()).as("closed at once").isTrue();
		assertThat(finishes).containsExactly((Throwable) null);
		arrivals.runQueued();
		subscriber.request(5);
		subscriber.cancel();
		assertThat(subscriber.items()).isEmpty();
		assertThat(subscriber.terminated()).isFalse();
		assertThat(source.reads()).isOne();
		assertThat(source.nextAfterClose()).isZero();
		assertThat(finishes).hasSize(1);
	}

	@Test
	void cancelFromOnNextStopsTheItemsAtOnce() {
		ScriptedPageSource<Integer> source = ScriptedPageSource.of(pagesOf(5, 5));
		RecordingSubscriber<Integer> subscriber = subscribe(PagePublisher.of(() -> source), 0)
			.onNext((self, item) -> {
				if (item == 1) {
					self.cancel();
				}
			});
		subscriber.request(10);
		assertThat(subscriber.items()).containsExactly(0, 1);
		assertThat(source.closed()).isTrue();
		assertThat(source.reads()).isOne();
		assertThat(subscriber.terminated()).isFalse();
	}

	@Test
	void requestFromOnNextDoesNotRecurse() {
		int count = 5_000;
		ScriptedPageSource<Long> source = ScriptedPageSource.counting(count, 1, Runnable::run);
		List<Integer> depths = new ArrayList<>();
		RecordingSubscriber<Long> subscriber = subscribe(PagePublisher.of(() -> source), 0)
			.onNext((self, item) -> {
				depths.add(Thread.currentThread().getStackTrace().length);
				self.request(1);
			});
		subscriber.request(1);
		assertThat(subscriber.items()).hasSize(count);
		assertThat(subscriber.completed()).isTrue();
		assertThat(depths).as("onNext runs at the same stack depth each time").containsOnly(depths.get(0));
		assertThat(subscriber.breaches()).isEmpty();
	}

	@Test
	void aRequestInsideOnSubscribeIsServedAfterItReturns() {
		ScriptedPageSource<Integer> source = ScriptedPageSource.of(pagesOf(3));
		RecordingSubscriber<Integer> subscriber = subscribe(PagePublisher.of(() -> source), 2);
		assertThat(subscriber.items()).containsExactly(0, 1);
		assertThat(subscriber.breaches()).as("no onNext nested in onSubscribe").isEmpty();
	}

	@Test
	void aLongChainOfEmptyPagesCompletingInlineDoesNotGrowTheStack() {
		int empty = 100_000;
		ScriptedPageSource<String> source = ScriptedPageSource.emptyPagesThen(empty, "end");
		RecordingSubscriber<String> subscriber = subscribe(PagePublisher.of(() -> source), 1);
		assertThat(subscriber.items()).containsExactly("end");
		assertThat(subscriber.completed()).isTrue();
		assertThat(source.reads()).isEqualTo(empty + 1);
	}

	@Test
	void pagesCompletingOnOtherThreadsWhileTheSubscriberRequestsFromItsOwn() throws Exception {
		Random random = new Random(42);
		for (int run = 0; run < 20; run++) {
			int count = 500 + random.nextInt(1500);
			ScriptedPageSource<Long> source = ScriptedPageSource.counting(count, 1 + random.nextInt(40), pool);
			RecordingSubscriber<Long> subscriber = subscribe(PagePublisher.of(() -> source), 0);
			while (!subscriber.terminated()) {
				subscriber.request(1 + random.nextInt(50));
				Thread.yield();
			}
			subscriber.awaitTermination(HANG);
			assertThat(subscriber.items()).containsExactlyElementsOf(LongStream.range(0, count).boxed().toList());
			assertThat(subscriber.completed()).isTrue();
			assertThat(subscriber.breaches()).isEmpty();
			assertThat(source.breaches()).isEmpty();
			assertThat(source.closed()).isTrue();
		}
	}

	@Test
	void requestsAndCancelsFromManyThreadsKeepSignalsSerial() throws Exception {
		for (int run = 0; run < 20; run++) {
			ScriptedPageSource<Long> source = ScriptedPageSource.counting(100_000, 13, pool);
			RecordingSubscriber<Long> subscriber = subscribe(PagePublisher.of(() -> source), 0);
			int threads = 3;
			CompletableFuture<?>[] requesters = IntStream.range(0, threads)
				.mapToObj((thread) -> CompletableFuture.runAsync(() -> {
					for (int i = 0; i < 200; i++) {
						subscriber.request(7);
					}
				}, pool))
				.toArray(CompletableFuture[]::new);
			CompletableFuture.allOf(requesters).get(HANG.toSeconds(), TimeUnit.SECONDS);
			subscriber.cancel();
			// The thread delivering an item when cancel() came closes the source right after it.
			awaitTrue("the source closed", source::closed);
			assertThat(subscriber.breaches()).isEmpty();
			assertThat(source.breaches()).isEmpty();
			List<Long> items = subscriber.items();
			assertThat(items).hasSizeLessThanOrEqualTo(threads * 200 * 7);
			assertThat(items).containsExactlyElementsOf(LongStream.range(0, items.size()).boxed().toList());
		}
	}

	@Test
	void aFailedPageSignalsItsUnwrappedFailureAfterTheItemsBeforeIt() {
		IllegalStateException failure = new IllegalStateException("page 2 failed");
		List<@Nullable Throwable> finishes = new CopyOnWriteArrayList<>();
		AtomicInteger reads = new AtomicInteger();
		AtomicBoolean closed = new AtomicBoolean();
		PageSource<Integer> source = new PageSource<>() {

			@Override
			public CompletableFuture<Page<Integer>> next() {
				if (reads.getAndIncrement() == 0) {
					return CompletableFuture.completedFuture(new Page<>(List.of(1, 2), false));
				}
				// As a dependent stage fails: wrapped.
				return CompletableFuture.failedFuture(new CompletionException(failure));
			}

			@Override
			public void close() {
				closed.set(true);
			}

		};
		RecordingSubscriber<Integer> subscriber = subscribe(PagePublisher.of(() -> source, () -> finishes::add), 10);
		assertThat(subscriber.items()).containsExactly(1, 2);
		assertThat(subscriber.error()).isSameAs(failure);
		assertThat(closed).isTrue();
		assertThat(finishes).containsExactly(failure);
	}

	@Test
	void aMappingThatThrowsSignalsOnErrorAndClosesTheSource() {
		ScriptedPageSource<Integer> source = ScriptedPageSource.of(pagesOf(3, 3));
		List<@Nullable Throwable> finishes = new CopyOnWriteArrayList<>();
		IllegalArgumentException failure = new IllegalArgumentException("cannot decode 4");
		PagePublisher<String> publisher = PagePublisher.of(() -> source, () -> finishes::add).map((item) -> {
			if (item == 4) {
				throw failure;
			}
			return "v" + item;
		});
		RecordingSubscriber<String> subscriber = subscribe(publisher, 10);
		assertThat(subscriber.items()).containsExactly("v0", "v1", "v2", "v3");
		assertThat(subscriber.error()).isSameAs(failure);
		assertThat(source.closed()).isTrue();
		assertThat(finishes).containsExactly(failure);
	}

	@Test
	void aMappingThatReturnsNullSignalsNullPointerException() {
		ScriptedPageSource<Integer> source = ScriptedPageSource.of(pagesOf(3));
		RecordingSubscriber<@Nullable String> subscriber = subscribe(
				PagePublisher.of(() -> source).map((item) -> (item == 1) ? null : "v" + item), 10);
		assertThat(subscriber.items()).containsExactly("v0");
		assertThat(subscriber.error()).isInstanceOf(NullPointerException.class);
		assertThat(source.closed()).isTrue();
	}

	@Test
	void mappingsCompose() {
		PagePublisher<String> publisher = PagePublisher.of(() -> ScriptedPageSource.of(pagesOf(2, 1)))
			.map((item) -> item * 10)
			.map((item) -> "#" + item);
		assertThat(subscribe(publisher, 5).items()).containsExactly("#0", "#10", "#20");
	}

	@Test
	void aSupplierThatThrowsSignalsOnSubscribeThenOnError() {
		IllegalStateException failure = new IllegalStateException("no table");
		List<@Nullable Throwable> finishes = new CopyOnWriteArrayList<>();
		RecordingSubscriber<Integer> subscriber = subscribe(PagePublisher.<Integer>of(() -> {
			throw failure;
		}, () -> finishes::add), 0);
		assertThat(subscriber.error()).isSameAs(failure);
		assertThat(finishes).containsExactly(failure);
		subscriber.request(1);
		subscriber.cancel();
		assertThat(subscriber.items()).isEmpty();
		assertThat(subscriber.breaches()).isEmpty();
	}

	@Test
	void aSubscriberThatThrowsFromOnNextIsConsideredToHaveCancelled() {
		ScriptedPageSource<Integer> source = ScriptedPageSource.of(pagesOf(3, 3));
		List<@Nullable Throwable> finishes = new CopyOnWriteArrayList<>();
		IllegalStateException failure = new IllegalStateException("subscriber bug");
		RecordingSubscriber<Integer> subscriber = subscribe(PagePublisher.of(() -> source, () -> finishes::add), 0)
			.onNext((self, item) -> {
				if (item == 1) {
					throw failure;
				}
			});
		subscriber.request(10);
		assertThat(subscriber.items()).containsExactly(0, 1);
		assertThat(subscriber.terminated()).as("no onError or onComplete after the breach").isFalse();
		assertThat(source.closed()).isTrue();
		assertThat(source.reads()).isOne();
		assertThat(finishes).containsExactly(failure);
	}

	@Test
	void theEndIsReportedOnceBeforeOnComplete() {
		List<@Nullable Throwable> finishes = new CopyOnWriteArrayList<>();
		AtomicInteger asked = new AtomicInteger();
		PagePublisher<Integer> publisher = PagePublisher.of(() -> ScriptedPageSource.of(pagesOf(1, 1)), () -> {
			asked.incrementAndGet();
			return finishes::add;
		});
		List<Integer> reportsSeenAtOnComplete = new ArrayList<>();
		publisher.subscribe(new RecordingSubscriber<Integer>(5) {

			@Override
			public void onComplete() {
				reportsSeenAtOnComplete.add(finishes.size());
				super.onComplete();
			}

		});
		RecordingSubscriber<Integer> second = subscribe(publisher, 5);
		second.cancel();
		assertThat(asked).as("one report callback per subscription").hasValue(2);
		assertThat(reportsSeenAtOnComplete).containsExactly(1);
		assertThat(finishes).containsExactly(null, null);
	}

	@Test
	void aNullSubscriberIsRefused() {
		PagePublisher<Integer> publisher = PagePublisher.of(() -> ScriptedPageSource.of(pagesOf(1)));
		assertThatNullPointerException().isThrownBy(() -> publisher.subscribe(null));
	}

	private static <T> RecordingSubscriber<T> subscribe(Flow.Publisher<T> publisher,
			long initialRequest) {
		RecordingSubscriber<T> subscriber = new RecordingSubscriber<>(initialRequest);
		publisher.subscribe(subscriber);
		return subscriber;
	}

	/** Waits until {@code condition} holds; fails the test after {@link #HANG} (a hang, not a speed). */
	private static void awaitTrue(String what, BooleanSupplier condition) throws InterruptedException {
		long deadline = System.nanoTime() + HANG.toNanos();
		while (!condition.getAsBoolean()) {
			assertThat(System.nanoTime() < deadline).as("%s within %s", what, HANG).isTrue();
			Thread.sleep(1);
		}
	}

}
