package dev.dynamodown;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The blocking API's one wait is interruptible: an interrupted caller stops its operation (nothing
 * more is sent), gets its failure at once (a batch: a {@link BatchWriteException} listing what is
 * not confirmed applied) and keeps its interrupt flag; it never waits for other chunks' backoff.
 * (The asynchronous API has no wait: a cancelled future stops its operation, see
 * {@link AsyncOnlyTest}.)
 */
class InterruptTest {

	private static final Unprocessed unprocessed = new Unprocessed("k");

	@RegisterExtension
	static final DynamoDownFixture fixture = DynamoDownFixture.table("interrupt").interceptors(unprocessed);

	@Test
	void anInterruptedCallerGetsTheUnappliedOperationsAtOnceAndKeepsItsInterrupt() throws Exception {
		// three chunks in flight; the last two keep some items unprocessed, and back off for seconds
		DynamoDown slow = DynamoDown.create(fixture.client(), DynamoDownOptions.builder()
			.batchConcurrency(3)
			.maxBatchAttempts(20)
			.retryBaseDelay(Duration.ofSeconds(10))
			.retryMaxDelay(Duration.ofSeconds(10))
			.build());
		SortedKeyValueTemplate<String> store = slow.template(fixture.table(), "interrupted", ValueCodec.string());
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
		Set<String> stored = new HashSet<>(fixture.template("interrupted").keys(KeyRange.all()).toList());
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

}
