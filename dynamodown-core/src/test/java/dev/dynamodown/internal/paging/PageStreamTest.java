package dev.dynamodown.internal.paging;

import java.util.Iterator;
import java.util.List;
import java.util.Spliterator;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import static dev.dynamodown.internal.paging.ScriptedPageSource.pagesOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * {@link PageStream} over in-memory sources: laziness, one page at a time, close, interrupt,
 * failures (rethrown unwrapped, and again on every later attempt), and the end report.
 */
class PageStreamTest {

	/** What the pipeline's onInterrupt does: its own exception, with the interrupt as cause. */
	private static final Function<InterruptedException, RuntimeException> INTERRUPTED = (ex) -> new IllegalStateException(
			"interrupted while waiting for a page", ex);

	private final List<@Nullable Throwable> finishes = new CopyOnWriteArrayList<>();

	@Test
	void nothingIsReadBeforeTheFirstItemIsAskedFor() {
		ScriptedPageSource<Integer> source = ScriptedPageSource.of(pagesOf(2, 2));
		Stream<String> stream = stream(source).map((item) -> "v" + item).filter((item) -> !item.isEmpty());
		Iterator<String> items = stream.iterator();
		assertThat(source.reads()).isZero();
		assertThat(items.next()).isEqualTo("v0");
		assertThat(source.reads()).isOne();
	}

	@Test
	void readsOnePageAtATimeAndReportsTheEndOnce() {
		ScriptedPageSource<Integer> source = ScriptedPageSource.of(pagesOf(2, 0, 2));
		Iterator<Integer> items = stream(source).iterator();
		assertThat(items.next()).isZero();
		assertThat(items.next()).isOne();
		assertThat(source.reads()).as("the first page is not used up yet").isOne();
		assertThat(items.next()).isEqualTo(2);
		assertThat(source.reads()).as("the empty page was skipped").isEqualTo(3);
		assertThat(items.next()).isEqualTo(3);
		assertThat(items.hasNext()).isFalse();
		assertThat(items.hasNext()).isFalse();
		assertThat(source.closed()).isTrue();
		assertThat(this.finishes).containsExactly((Throwable) null);
		assertThat(source.breaches()).isEmpty();
	}

	@Test
	void closeClosesTheSourceAndReportsTheEndOnce() {
		ScriptedPageSource<Integer> source = ScriptedPageSource.of(pagesOf(3, 3));
		try (Stream<Integer> stream = stream(source)) {
			assertThat(stream.findFirst()).contains(0);
		}
		assertThat(source.closed()).isTrue();
		assertThat(source.reads()).isOne();
		assertThat(this.finishes).containsExactly((Throwable) null);
	}

	@Test
	void aPageArrivingOnAnotherThreadIsWaitedFor() {
		ScriptedPageSource<Long> source = ScriptedPageSource.counting(1_000, 7, ForkJoinPool.commonPool());
		try (Stream<Long> stream = PageStream.of(source, INTERRUPTED, this.finishes::add)) {
			assertThat(stream.toList()).containsExactlyElementsOf(LongStream.range(0, 1_000).boxed().toList());
		}
		assertThat(this.finishes).containsExactly((Throwable) null);
	}

	@Test
	void anInterruptEndsTheWaitClosesTheSourceAndKeepsTheFlag() throws Exception {
		ScriptedPageSource<Integer> source = ScriptedPageSource.of(pagesOf(1), ScriptedPageSource.NEVER);
		Stream<Integer> stream = stream(source);
		AtomicReference<@Nullable Throwable> thrown = new AtomicReference<>();
		AtomicBoolean flagSet = new AtomicBoolean();
		Thread consumer = new Thread(() -> {
			try {
				stream.findFirst();
			}
			catch (RuntimeException ex) {
				thrown.set(ex);
				flagSet.set(Thread.currentThread().isInterrupted());
			}
		});
		consumer.start();
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
		while (!source.outstanding() && System.nanoTime() < deadline) {
			Thread.sleep(1);
		}
		assertThat(source.outstanding()).as("the consumer waits for a page").isTrue();
		consumer.interrupt();
		consumer.join(TimeUnit.SECONDS.toMillis(10));
		assertThat(consumer.isAlive()).as("the wait ended").isFalse();
		assertThat(thrown.get()).isInstanceOf(IllegalStateException.class)
			.hasMessage("interrupted while waiting for a page")
			.hasCauseInstanceOf(InterruptedException.class);
		assertThat(flagSet).as("interrupt flag restored").isTrue();
		assertThat(source.closed()).isTrue();
		assertThat(this.finishes).containsExactly(thrown.get());
	}

	@Test
	void anAlreadyInterruptedThreadDoesNotWait() {
		ScriptedPageSource<Integer> source = ScriptedPageSource.of(pagesOf(1), ScriptedPageSource.NEVER);
		Thread.currentThread().interrupt();
		try {
			Throwable thrown = catchThrowable(() -> stream(source).toList());
			assertThat(thrown).hasMessage("interrupted while waiting for a page");
			assertThat(Thread.currentThread().isInterrupted()).isTrue();
			assertThat(source.closed()).isTrue();
		}
		finally {
			Thread.interrupted();
		}
	}

	@Test
	void aFailedPageIsRethrownUnwrappedNowAndOnEveryLaterAttempt() {
		IllegalStateException failure = new IllegalStateException("throttled");
		AtomicBoolean closed = new AtomicBoolean();
		PageSource<Integer> source = new PageSource<>() {

			private int reads;

			@Override
			public CompletableFuture<Page<Integer>> next() {
				return (this.reads++ == 0) ? CompletableFuture.completedFuture(new Page<>(List.of(1), false))
						: CompletableFuture.failedFuture(new CompletionException(failure));
			}

			@Override
			public void close() {
				closed.set(true);
			}

		};
		Iterator<Integer> items = PageStream.of(source, INTERRUPTED, this.finishes::add).iterator();
		assertThat(items.next()).isOne();
		assertThat(catchThrowable(items::hasNext)).isSameAs(failure);
		assertThat(catchThrowable(items::hasNext)).as("a failed stream never claims to be exhausted").isSameAs(failure);
		assertThat(closed).isTrue();
		assertThat(this.finishes).containsExactly(failure);
	}

	@Test
	void aMappingThatThrowsEndsTheStreamAndIsReported() {
		ScriptedPageSource<Integer> source = ScriptedPageSource.of(pagesOf(3, 3));
		IllegalStateException failure = new IllegalStateException("cannot decode 1");
		assertThatIllegalStateException().isThrownBy(() -> stream(source).map((item) -> {
			if (item == 1) {
				throw failure;
			}
			return item;
		}).toList()).isSameAs(failure);
		assertThat(source.closed()).isTrue();
		assertThat(source.reads()).isOne();
		assertThat(this.finishes).containsExactly(failure);
	}

	@Test
	void aLongChainOfEmptyPagesIsALoop() {
		int empty = 100_000;
		ScriptedPageSource<String> source = ScriptedPageSource.emptyPagesThen(empty, "end");
		assertThat(stream(source).toList()).containsExactly("end");
		assertThat(source.reads()).isEqualTo(empty + 1);
	}

	@Test
	void itsSpliteratorIsOrderedNonNullAndNeverSplits() {
		Spliterator<Integer> items = stream(ScriptedPageSource.of(pagesOf(2))).spliterator();
		assertThat(items.hasCharacteristics(Spliterator.ORDERED | Spliterator.NONNULL)).isTrue();
		assertThat(items.trySplit()).isNull();
	}

	private <T> Stream<T> stream(PageSource<T> source) {
		return PageStream.of(source, INTERRUPTED, this.finishes::add);
	}

}
