package dev.dynamodown.internal.query;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * One page requested ahead of need on a pool thread. Whoever comes first runs the request: the
 * pool thread, or the consumer if the pool has not started it yet (the pool is shared with
 * batches and may be busy), so a consumer never waits for a queue and a page is never requested
 * twice.
 */
final class PageFetch {

	private final Supplier<QueryResponse> request;

	private final AtomicBoolean claimed = new AtomicBoolean();

	private final CompletableFuture<QueryResponse> result = new CompletableFuture<>();

	private PageFetch(Supplier<QueryResponse> request) {
		this.request = request;
	}

	static PageFetch start(Supplier<QueryResponse> request, Executor pool) {
		PageFetch fetch = new PageFetch(request);
		try {
			pool.execute(fetch::runIfUnclaimed);
		}
		catch (RejectedExecutionException ex) {
			// A closing pool: the consumer will run the request itself.
		}
		return fetch;
	}

	/** The page, fetched here if the pool has not started it; rethrows the request's failure. */
	QueryResponse get() {
		if (this.claimed.compareAndSet(false, true)) {
			return this.request.get();
		}
		try {
			return this.result.join();
		}
		catch (CompletionException ex) {
			if (ex.getCause() instanceof RuntimeException failure) {
				throw failure;
			}
			throw ex;
		}
	}

	/** The page will not be needed: do not start it if it has not started yet. */
	void abandon() {
		this.claimed.set(true);
	}

	private void runIfUnclaimed() {
		if (!this.claimed.compareAndSet(false, true)) {
			return;
		}
		try {
			this.result.complete(this.request.get());
		}
		catch (RuntimeException | Error ex) {
			this.result.completeExceptionally(ex);
		}
	}

}
