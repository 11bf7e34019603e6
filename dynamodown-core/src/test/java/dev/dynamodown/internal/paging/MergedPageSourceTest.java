package dev.dynamodown.internal.paging;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * {@link MergedPageSource}: the paging promises on hand-made sources, then a property test
 * against a sorted model on random sources (sizes, empty pages, sources finishing at different
 * times, inline and other-thread pages, both directions, limits, failures). The base seed is
 * printed; {@code -Ddynamodown.paging.seed=N} replays a run.
 */
class MergedPageSourceTest {

	private static final long SEED = Long.getLong("dynamodown.paging.seed", System.nanoTime());

	private static final Comparator<Integer> ASCENDING = Comparator.naturalOrder();

	private static ExecutorService pool;

	@BeforeAll
	static void start() {
		System.out.println("[merged page source] seed " + SEED + " (replay: -Ddynamodown.paging.seed=" + SEED + ")");
		pool = Executors.newFixedThreadPool(3);
	}

	@AfterAll
	static void stop() {
		pool.shutdownNow();
	}

	@Test
	void theFirstNextAsksEverySourceAtOnce() throws Exception {
		QueuedExecutor arrivals = new QueuedExecutor();
		List<ScriptedPageSource<Integer>> sources = IntStream.range(0, 4)
			.mapToObj((shard) -> ScriptedPageSource.of(List.of(new Page<>(List.of(shard), true)), arrivals))
			.toList();
		CompletableFuture<Page<Integer>> first = MergedPageSource.of(sources, ASCENDING).next();
		assertThat(sources).allSatisfy((source) -> assertThat(source.reads()).isOne());
		assertThat(first).isNotDone();
		arrivals.runQueued();
		assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo(new Page<>(List.of(0, 1, 2, 3), true));
		assertThat(sources).allSatisfy((source) -> assertThat(source.closed()).isTrue());
	}

	@Test
	void withAnExecutorSourcesThatBlockTheCallerAreReadConcurrently() throws Exception {
		// Each source's read blocks until all four are being read at once: read in turn, the first would wait in vain.
		CountDownLatch allReading = new CountDownLatch(4);
		Set<String> readers = ConcurrentHashMap.newKeySet();
		List<PageSource<Integer>> sources = IntStream.range(0, 4).<PageSource<Integer>>mapToObj((shard) -> new PageSource<>() {

			@Override
			public CompletableFuture<Page<Integer>> next() {
				readers.add(Thread.currentThread().getName());
				allReading.countDown();
				try {
					return allReading.await(10, TimeUnit.SECONDS) ? CompletableFuture.completedFuture(new Page<>(List.of(shard), true))
							: CompletableFuture.failedFuture(new IllegalStateException("read one after the other"));
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					return CompletableFuture.failedFuture(ex);
				}
			}

			@Override
			public void close() {
			}

		}).toList();
		Page<Integer> first = MergedPageSource.of(sources, ASCENDING, pool).next().get(20, TimeUnit.SECONDS);
		assertThat(first).isEqualTo(new Page<>(List.of(0, 1, 2, 3), true));
		assertThat(readers).as("the caller read one source, the pool the others").hasSize(4)
			.contains(Thread.currentThread().getName());
	}

	@Test
	void aBusyExecutorDelaysNoRead() throws Exception {
		QueuedExecutor busy = new QueuedExecutor();
		List<ScriptedPageSource<Integer>> sources = IntStream.range(0, 3)
			.mapToObj((shard) -> ScriptedPageSource.of(List.of(new Page<>(List.of(shard), true))))
			.toList();
		CompletableFuture<Page<Integer>> first = MergedPageSource.of(sources, ASCENDING, 5, busy).next();
		assertThat(first).as("every source read by the calling thread").isCompletedWithValue(new Page<>(List.of(0, 1, 2), true));
		assertThat(busy.queued()).isEqualTo(2);
		busy.runQueued();
		assertThat(sources).allSatisfy((source) -> {
			assertThat(source.reads()).as("read once").isOne();
			assertThat(source.breaches()).isEmpty();
		});
	}

	@Test
	void onlyDrySourcesAreAskedAndOnlyCertainItemsAreReturned() throws Exception {
		ScriptedPageSource<Integer> odd = ScriptedPageSource
			.of(List.of(new Page<>(List.of(1, 3, 5), false), new Page<>(List.of(7, 9), true)));
		ScriptedPageSource<Integer> even = ScriptedPageSource
			.of(List.of(new Page<>(List.of(2), false), new Page<>(List.of(4, 6, 8), true)));
		MergedPageSource<Integer> merged = MergedPageSource.of(List.of(odd, even), ASCENDING);
		assertThat(next(merged)).as("2 used up the even source: 3 may not come next").isEqualTo(page(false, 1, 2));
		assertThat(next(merged)).isEqualTo(page(false, 3, 4, 5));
		assertThat(odd.reads()).as("the odd source still had 3 and 5").isOne();
		assertThat(even.reads()).isEqualTo(2);
		assertThat(next(merged)).isEqualTo(page(true, 6, 7, 8, 9));
		assertThat(odd.reads()).isEqualTo(2);
		assertThat(odd.closed()).isTrue();
		assertThat(even.closed()).isTrue();
	}

	@Test
	void aLimitEndsTheMergeAndClosesEverySource() throws Exception {
		ScriptedPageSource<Integer> a = ScriptedPageSource
			.of(List.of(new Page<>(List.of(1, 4), false), new Page<>(List.of(6), true)));
		ScriptedPageSource<Integer> b = ScriptedPageSource
			.of(List.of(new Page<>(List.of(2, 3), false), new Page<>(List.of(5), true)));
		MergedPageSource<Integer> merged = MergedPageSource.of(List.of(a, b), ASCENDING, 3);
		assertThat(next(merged)).isEqualTo(page(true, 1, 2, 3));
		assertThat(a.closed()).isTrue();
		assertThat(b.closed()).isTrue();
		assertThat(a.reads() + b.reads()).isEqualTo(2);
	}

	@Test
	void aLimitOfZeroReadsNothing() throws Exception {
		ScriptedPageSource<Integer> source = ScriptedPageSource.of(List.of(new Page<>(List.of(1), true)));
		assertThat(next(MergedPageSource.of(List.of(source), ASCENDING, 0))).isEqualTo(Page.end());
		assertThat(source.reads()).isZero();
		assertThat(source.closed()).isTrue();
		assertThatIllegalArgumentException().isThrownBy(() -> MergedPageSource.of(List.of(source), ASCENDING, -1));
	}

	@Test
	void noSourcesMergeToTheEmptyLastPage() throws Exception {
		assertThat(next(MergedPageSource.of(List.<PageSource<Integer>>of(), ASCENDING))).isEqualTo(Page.end());
	}

	@Test
	void theFirstFailureClosesEverySourceAndFailsThePage() {
		QueuedExecutor arrivals = new QueuedExecutor();
		IllegalStateException failure = new IllegalStateException("shard 1 failed");
		ScriptedPageSource<Integer> slow = ScriptedPageSource.of(List.of(new Page<>(List.of(1), true)), arrivals);
		ScriptedPageSource<Integer> failing = new ScriptedPageSource<>((index) -> {
			throw failure;
		}, Runnable::run);
		CompletableFuture<Page<Integer>> page = MergedPageSource.of(List.of(slow, failing), ASCENDING).next();
		assertThat(page).as("failed without waiting for the other source").isCompletedExceptionally();
		assertThat(slow.closed()).isTrue();
		assertThat(failing.closed()).isTrue();
		assertThat(catchCause(page)).isSameAs(failure);
		arrivals.runQueued();
		assertThat(catchCause(page)).isSameAs(failure);
	}

	@Test
	void closeWithAPageOnItsWayFailsThatPageOnceItsReadsComplete() {
		QueuedExecutor arrivals = new QueuedExecutor();
		ScriptedPageSource<Integer> source = ScriptedPageSource.of(List.of(new Page<>(List.of(1), true)), arrivals);
		MergedPageSource<Integer> merged = MergedPageSource.of(List.of(source), ASCENDING);
		CompletableFuture<Page<Integer>> page = merged.next();
		merged.close();
		assertThat(source.closed()).isTrue();
		arrivals.runQueued();
		assertThat(catchCause(page)).isInstanceOf(CancellationException.class);
		assertThat(catchCause(merged.next())).as("no read after close").isInstanceOf(CancellationException.class);
		assertThat(source.reads()).isOne();
	}

	@Test
	void closeWhileTheSourcesAreBeingAskedStillCompletesThePage() {
		List<MergedPageSource<Integer>> merge = new ArrayList<>();
		PageSource<Integer> closing = new PageSource<>() {

			@Override
			public CompletableFuture<Page<Integer>> next() {
				// Another thread's close() lands between two sources being asked.
				merge.get(0).close();
				return CompletableFuture.completedFuture(new Page<>(List.of(1), true));
			}

			@Override
			public void close() {
			}

		};
		ScriptedPageSource<Integer> other = ScriptedPageSource.of(List.of(new Page<>(List.of(2), true)));
		merge.add(MergedPageSource.of(List.of(closing, other), ASCENDING));
		CompletableFuture<Page<Integer>> page = merge.get(0).next();
		assertThat(catchCause(page)).isInstanceOf(CancellationException.class);
		assertThat(other.reads()).as("not asked once closed").isZero();
		assertThat(other.closed()).isTrue();
	}

	static Stream<Long> seeds() {
		return LongStream.range(0, 150).mapToObj((i) -> SEED + i);
	}

	/**
	 * Random sources, each in order, merged and compared with the sorted model. Also checks, as it
	 * goes, that the first {@code next()} asked every source, that no source was asked for a page
	 * before all its previous page's items had been returned, that no source was asked twice at
	 * once or after its end, and that every source is closed at the end.
	 */
	@ParameterizedTest(name = "seed {0}")
	@MethodSource("seeds")
	void mergesLikeTheSortedModel(long seed) throws Exception {
		Random random = new Random(seed);
		boolean reverse = random.nextBoolean();
		Comparator<Integer> order = reverse ? ASCENDING.reversed() : ASCENDING;
		int sourceCount = 1 + random.nextInt(6);
		List<Integer> keys = distinctKeys(random, random.nextInt(60));
		List<List<Integer>> perSource = new ArrayList<>();
		IntStream.range(0, sourceCount).forEach((i) -> perSource.add(new ArrayList<>()));
		keys.forEach((key) -> perSource.get(random.nextInt(sourceCount)).add(key));
		long limit = (random.nextInt(3) == 0) ? random.nextInt(keys.size() + 3) : -1;
		int failingSource = (random.nextInt(4) == 0) ? random.nextInt(sourceCount) : -1;

		Set<Integer> returned = ConcurrentHashMap.newKeySet();
		List<String> earlyReads = new ArrayList<>();
		AtomicBoolean failureRead = new AtomicBoolean();
		IllegalStateException failure = new IllegalStateException("injected");
		List<ScriptedPageSource<Integer>> sources = new ArrayList<>();
		for (int s = 0; s < sourceCount; s++) {
			perSource.get(s).sort(order);
			List<Page<Integer>> pages = randomPages(random, perSource.get(s));
			int failAt = (s == failingSource) ? random.nextInt(pages.size()) : -1;
			int shard = s;
			sources.add(new ScriptedPageSource<>((index) -> {
				if (index > 0 && !returned.containsAll(pages.get((int) index - 1).items())) {
					synchronized (earlyReads) {
						earlyReads.add("source " + shard + " page " + index);
					}
				}
				if (index == failAt) {
					failureRead.set(true);
					throw failure;
				}
				return pages.get((int) index);
			}, completer(random)));
		}
		// Sources asked in turn, or all but the first on the pool (as a sharded store's reads are).
		Executor readers = random.nextBoolean() ? pool : null;
		MergedPageSource<Integer> merged;
		if (readers != null) {
			merged = (limit >= 0) ? MergedPageSource.of(sources, order, limit, readers) : MergedPageSource.of(sources, order, readers);
		}
		else {
			merged = (limit >= 0) ? MergedPageSource.of(sources, order, limit) : MergedPageSource.of(sources, order);
		}
		List<Integer> model = keys.stream().sorted(order).limit((limit >= 0) ? limit : Long.MAX_VALUE).toList();

		List<Integer> output = new ArrayList<>();
		Throwable failed = null;
		boolean first = true;
		while (true) {
			CompletableFuture<Page<Integer>> next = merged.next();
			Page<Integer> page;
			try {
				page = next.get(10, TimeUnit.SECONDS);
			}
			catch (ExecutionException ex) {
				failed = ex.getCause();
				break;
			}
			if (first && limit != 0) {
				// Checked once the page is complete: the pool may still be starting its reads when next() returns.
				assertThat(sources).as("seed %d: the first next() asks every source", seed)
					.allSatisfy((source) -> assertThat(source.reads()).isOne());
			}
			first = false;
			output.addAll(page.items());
			returned.addAll(page.items());
			if (page.last()) {
				break;
			}
		}

		String context = "seed " + seed + ", " + sourceCount + " sources, limit " + limit + ", reverse " + reverse
				+ ", failing source " + failingSource;
		if (failureRead.get()) {
			assertThat(failed).as(context).isSameAs(failure);
			assertThat(output.size()).as(context).isLessThanOrEqualTo(model.size());
			assertThat(output).as(context + ": what came before the failure")
				.containsExactlyElementsOf(model.subList(0, output.size()));
		}
		else {
			assertThat(failed).as(context).isNull();
			assertThat(output).as(context).containsExactlyElementsOf(model);
		}
		assertThat(earlyReads).as(context + ": pages asked for while the previous one was buffered").isEmpty();
		for (ScriptedPageSource<Integer> source : sources) {
			assertThat(source.closed()).as(context + ": closed").isTrue();
			assertThat(source.breaches()).as(context).isEmpty();
		}
	}

	private static List<Integer> distinctKeys(Random random, int count) {
		Set<Integer> keys = new HashSet<>();
		while (keys.size() < count) {
			keys.add(random.nextInt(count * 3 + 1));
		}
		return new ArrayList<>(keys);
	}

	/** The items cut into pages of 0 to 5, the last page maybe empty. */
	private static List<Page<Integer>> randomPages(Random random, List<Integer> items) {
		List<Page<Integer>> pages = new ArrayList<>();
		int position = 0;
		while (true) {
			int size = Math.min(random.nextInt(6), items.size() - position);
			boolean last = position + size == items.size() && random.nextInt(3) != 0;
			pages.add(new Page<>(items.subList(position, position + size), last));
			position += size;
			if (last) {
				return pages;
			}
		}
	}

	/** Pages complete inline, on other threads, or either, page by page. */
	private static Executor completer(Random random) {
		return switch (random.nextInt(3)) {
			case 0 -> Runnable::run;
			case 1 -> pool;
			default -> {
				Random perPage = new Random(random.nextLong());
				yield (task) -> {
					if (perPage.nextBoolean()) {
						task.run();
					}
					else {
						pool.execute(task);
					}
				};
			}
		};
	}

	private static Page<Integer> next(MergedPageSource<Integer> merged) throws Exception {
		return merged.next().get(10, TimeUnit.SECONDS);
	}

	private static Page<Integer> page(boolean last, Integer... items) {
		return new Page<>(List.of(items), last);
	}

	private static Throwable catchCause(CompletableFuture<?> future) {
		try {
			future.getNow(null);
		}
		catch (RuntimeException ex) {
			return Failures.unwrap(ex);
		}
		throw new AssertionError("the future has not failed");
	}

}
