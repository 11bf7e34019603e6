package dev.dynamodown.internal.paging;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;
import reactor.adapter.JdkFlowAdapter;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Project Reactor consumes a {@link PagePublisher} through {@link JdkFlowAdapter} with
 * backpressure: pages are read only as Reactor's demand needs them, and Reactor's cancellation
 * ({@code take}, {@code thenCancel}) closes the source.
 */
class PagePublisherReactorTest {

	private static final Duration HANG = Duration.ofSeconds(10);

	@Test
	void stepVerifierDemandReadsPagesOnlyAsNeeded() {
		ScriptedPageSource<Long> source = ScriptedPageSource.counting(100, 10, Runnable::run);
		Flux<Long> flux = JdkFlowAdapter.flowPublisherToFlux(PagePublisher.of(() -> source));
		StepVerifier.create(flux, 0)
			.expectSubscription()
			.then(() -> assertThat(source.reads()).as("nothing read before a request").isZero())
			.thenRequest(5)
			.expectNext(0L, 1L, 2L, 3L, 4L)
			.then(() -> assertThat(source.reads()).isOne())
			.thenRequest(5)
			.expectNextCount(5)
			.then(() -> assertThat(source.reads()).as("the first page met the demand exactly").isOne())
			.thenRequest(1)
			.expectNext(10L)
			.then(() -> assertThat(source.reads()).isEqualTo(2))
			.thenCancel()
			.verify(HANG);
		assertThat(source.closed()).isTrue();
		assertThat(source.reads()).isEqualTo(2);
		assertThat(source.breaches()).isEmpty();
	}

	@Test
	void limitRateAndTakeReadOnlyThePagesTheyNeedThenCloseTheSource() {
		ScriptedPageSource<Long> source = ScriptedPageSource.counting(1_000, 10, Runnable::run);
		Flux<Long> flux = JdkFlowAdapter.flowPublisherToFlux(PagePublisher.of(() -> source))
			.limitRate(10)
			.take(25);
		StepVerifier.create(flux)
			.expectNextSequence(LongStream.range(0, 25).boxed().toList())
			.expectComplete()
			.verify(HANG);
		assertThat(source.reads()).as("items 0-29 cover the 25 taken: three pages of ten").isEqualTo(3);
		assertThat(source.closed()).as("take cancels upstream").isTrue();
	}

	@Test
	void aMappedPublisherOnAnotherSchedulerDeliversEverythingInOrder() {
		AtomicInteger opened = new AtomicInteger();
		PagePublisher<String> publisher = PagePublisher.of(() -> {
			opened.incrementAndGet();
			return ScriptedPageSource.counting(20_000, 100, Schedulers.parallel()::schedule);
		}).map((item) -> "k" + item);
		List<String> items = JdkFlowAdapter.flowPublisherToFlux(publisher)
			.publishOn(Schedulers.boundedElastic(), 32)
			.collectList()
			.block(HANG);
		assertThat(items).containsExactlyElementsOf(LongStream.range(0, 20_000).mapToObj((i) -> "k" + i).toList());
		assertThat(opened).hasValue(1);
	}

	@Test
	void aFailedPageReachesReactorAsOnError() {
		IllegalStateException failure = new IllegalStateException("throttled");
		ScriptedPageSource<Long> source = new ScriptedPageSource<>((index) -> {
			if (index == 1) {
				throw failure;
			}
			return new Page<>(List.of(0L, 1L), false);
		}, Runnable::run);
		StepVerifier.create(JdkFlowAdapter.flowPublisherToFlux(PagePublisher.of(() -> source)))
			.expectNext(0L, 1L)
			.expectErrorMatches((error) -> error == failure)
			.verify(HANG);
		assertThat(source.closed()).isTrue();
	}

}
