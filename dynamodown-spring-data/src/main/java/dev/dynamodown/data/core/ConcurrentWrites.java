package dev.dynamodown.data.core;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import org.springframework.data.keyvalue.core.UncategorizedKeyValueException;

/**
 * Runs independent single-item requests (conditional writes, which {@code BatchWriteItem} cannot
 * send) at most {@value #CONCURRENCY} at a time, on threads of its own that live only as long as
 * the call, and waits for every one: each outcome is known when it returns. If the calling thread
 * is interrupted, the requests in flight are interrupted too, the interrupt is kept, and the call
 * fails saying that they may or may not have been applied.
 */
final class ConcurrentWrites {

	/** Requests in flight at once, as many as the core's default batch concurrency. */
	static final int CONCURRENCY = 8;

	private static final AtomicInteger threads = new AtomicInteger();

	private ConcurrentWrites() {
	}

	/**
	 * Runs the requests and waits for all of them.
	 * @param requests the requests
	 * @return the outcome of each, in order
	 */
	static <R> List<Outcome<R>> run(List<Supplier<R>> requests) {
		if (requests.size() == 1) {
			return List.of(outcome(requests.get(0)));
		}
		ExecutorService pool = Executors.newFixedThreadPool(Math.min(CONCURRENCY, requests.size()), (task) -> {
			Thread thread = new Thread(task, "dynamodown-conditional-write-" + threads.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		});
		try {
			List<Future<Outcome<R>>> futures = new ArrayList<>();
			requests.forEach((request) -> futures.add(pool.submit(() -> outcome(request))));
			List<Outcome<R>> outcomes = new ArrayList<>();
			for (Future<Outcome<R>> future : futures) {
				outcomes.add(future.get());
			}
			return outcomes;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new UncategorizedKeyValueException("Interrupted while " + requests.size()
					+ " conditional writes were in flight: each may or may not have been applied", ex);
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException("A write failed outside its outcome", ex.getCause());
		}
		finally {
			pool.shutdownNow();
		}
	}

	private static <R> Outcome<R> outcome(Supplier<R> request) {
		try {
			return new Outcome<>(request.get(), null);
		}
		catch (RuntimeException ex) {
			return new Outcome<>(null, ex);
		}
	}

	/**
	 * What one request did.
	 * @param result its result, unless it failed
	 * @param failure what it threw, or {@code null}
	 */
	record Outcome<R>(@Nullable R result, @Nullable RuntimeException failure) {
	}

}
