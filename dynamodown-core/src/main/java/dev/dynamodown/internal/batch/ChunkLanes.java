package dev.dynamodown.internal.batch;

import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

import dev.dynamodown.DynamoDownOptions;
import dev.dynamodown.internal.Futures;
import dev.dynamodown.internal.store.Store;
import org.jspecify.annotations.Nullable;

/**
 * Works through the chunks of one many-key operation ({@code batch}, {@code getAll},
 * {@code clear}) with at most {@link DynamoDownOptions#batchConcurrency()} requests in flight and
 * no thread per chunk: that many lanes, each taking the next chunk when its last one is done.
 * <ul>
 * <li>A chunk is sent until nothing of it is left unprocessed, at most
 * {@link DynamoDownOptions#maxBatchAttempts()} requests; before each retry the lane waits a
 * backoff with full jitter, which the runtime's scheduler times (nothing sleeps, and a lane that
 * waits holds no thread).</li>
 * <li>A request that fails, or anything else going wrong with a chunk, stops the lanes: no
 * further chunk is started, no further retry sent; requests in flight finish. {@link #stop} does
 * the same from outside.</li>
 * <li>One lane starts on the calling thread, the others where the edge forks work (pool threads
 * for the blocking edge). A lane is a {@link Futures#repeat} of attempts: one whose requests
 * complete at once goes on in a loop, never by recursion.</li>
 * </ul>
 * What an attempt did to its items (applied, read) is the {@link Sender}'s business; the lanes
 * count requests, retries, items left unprocessed after the last attempt, and failures.
 *
 * @param <T> the type of the chunks' items
 */
final class ChunkLanes<T> {

	/** Sends one request for some items of a chunk. */
	@FunctionalInterface
	interface Sender<T> {

		/**
		 * Sends the items.
		 * @param items the items still to process
		 * @return those the answer left unprocessed, or a failure
		 */
		CompletableFuture<List<T>> send(List<T> items);

	}

	private final Store store;

	private final List<List<T>> chunks;

	private final Sender<T> sender;

	private final Backoff backoff;

	private final int maxAttempts;

	private final AtomicInteger next = new AtomicInteger();

	private final AtomicInteger running = new AtomicInteger();

	private final AtomicInteger requests = new AtomicInteger();

	private final AtomicInteger retries = new AtomicInteger();

	private final AtomicInteger exhausted = new AtomicInteger();

	private final Queue<Throwable> failures = new ConcurrentLinkedQueue<>();

	private final CompletableFuture<Void> done = new CompletableFuture<>();

	private volatile boolean stopped;

	ChunkLanes(Store store, List<List<T>> chunks, Sender<T> sender) {
		DynamoDownOptions options = store.runtime().options();
		this.store = store;
		this.chunks = chunks;
		this.sender = sender;
		this.backoff = new Backoff(options.retryBaseDelay(), options.retryMaxDelay());
		this.maxAttempts = options.maxBatchAttempts();
	}

	/**
	 * Starts the lanes.
	 * @return completes (never exceptionally) when every lane has ended
	 */
	CompletableFuture<Void> run() {
		int lanes = Math.min(this.store.runtime().options().batchConcurrency(), this.chunks.size());
		if (lanes == 0) {
			this.done.complete(null);
			return this.done;
		}
		this.running.set(lanes);
		for (int i = 1; i < lanes; i++) {
			this.store.calls().fork(new Lane()::start);
		}
		new Lane().start();
		return this.done;
	}

	/** No further chunk or retry is sent; the lanes end once their requests in flight are answered. */
	void stop() {
		this.stopped = true;
	}

	/** Requests sent, retries included. */
	int requests() {
		return this.requests.get();
	}

	/** Requests that re-sent unprocessed items. */
	int retries() {
		return this.retries.get();
	}

	/** Items still unprocessed after the last attempt of their chunk. */
	int exhausted() {
		return this.exhausted.get();
	}

	/** What failed, first failure first. */
	List<Throwable> failures() {
		return List.copyOf(this.failures);
	}

	int maxAttempts() {
		return this.maxAttempts;
	}

	/** One lane: its current chunk's items still to send, and how often they were sent. */
	private final class Lane {

		private @Nullable List<T> pending;

		private int attempts;

		/** Runs the lane until it has nothing left to send. */
		void start() {
			Futures.repeat(this::step).whenComplete((ended, failure) -> {
				if (failure != null) {
					ChunkLanes.this.failures.add(Futures.unwrap(failure));
					ChunkLanes.this.stopped = true;
				}
				if (ChunkLanes.this.running.decrementAndGet() == 0) {
					ChunkLanes.this.done.complete(null);
				}
			});
		}

		/** Sends one attempt, then waits the backoff if a retry is due; {@code false} when done. */
		private CompletableFuture<Boolean> step() {
			List<T> items = this.pending;
			if (items != null && ChunkLanes.this.stopped) {
				// The operation is ending: what is pending stays unapplied, not retried.
				items = null;
			}
			if (items == null) {
				items = nextChunk();
				if (items == null) {
					return CompletableFuture.completedFuture(false);
				}
			}
			else {
				ChunkLanes.this.store.batchRetried(items.size());
				ChunkLanes.this.retries.incrementAndGet();
			}
			this.attempts++;
			ChunkLanes.this.requests.incrementAndGet();
			CompletableFuture<List<T>> answer;
			try {
				answer = ChunkLanes.this.sender.send(items);
			}
			catch (RuntimeException | Error ex) {
				answer = CompletableFuture.failedFuture(ex);
			}
			return answer.handle(this::settle).thenCompose((next) -> next);
		}

		private @Nullable List<T> nextChunk() {
			this.pending = null;
			this.attempts = 0;
			if (ChunkLanes.this.stopped) {
				return null;
			}
			int index = ChunkLanes.this.next.getAndIncrement();
			return (index < ChunkLanes.this.chunks.size()) ? ChunkLanes.this.chunks.get(index) : null;
		}

		/** Takes an attempt's outcome: goes on at once, or after the backoff before a retry. */
		private CompletableFuture<Boolean> settle(@Nullable List<T> left, @Nullable Throwable failure) {
			this.pending = null;
			if (failure != null || left == null) {
				ChunkLanes.this.failures.add((failure != null) ? Futures.unwrap(failure)
						: new IllegalStateException("A batch request answered nothing"));
				ChunkLanes.this.stopped = true;
			}
			else if (this.attempts >= ChunkLanes.this.maxAttempts) {
				ChunkLanes.this.exhausted.addAndGet(left.size());
			}
			else if (!left.isEmpty()) {
				this.pending = left;
				return ChunkLanes.this.store.runtime()
					.delay(ChunkLanes.this.backoff.delay(this.attempts))
					.thenApply((elapsed) -> true);
			}
			return CompletableFuture.completedFuture(true);
		}

	}

}
