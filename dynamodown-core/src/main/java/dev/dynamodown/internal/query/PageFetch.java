package dev.dynamodown.internal.query;

import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import dev.dynamodown.internal.Futures;
import dev.dynamodown.internal.io.DynamoCalls;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * One page requested ahead of need, where the edge forks work. Whoever comes first sends the
 * request: the forked work, or the consumer if the fork has not started yet (with the blocking
 * edge, the pool is shared with batches and may be busy), so a consumer never waits for a queue
 * and a page is never requested twice.
 */
final class PageFetch {

	private final Futures.Once<QueryResponse> request;

	private PageFetch(Supplier<CompletableFuture<QueryResponse>> request) {
		this.request = new Futures.Once<>(request);
	}

	static PageFetch start(Supplier<CompletableFuture<QueryResponse>> request, DynamoCalls calls) {
		PageFetch fetch = new PageFetch(request);
		calls.fork(fetch.request);
		return fetch;
	}

	/** The page: sent now by the caller if the forked work has not started, else its answer. */
	CompletableFuture<QueryResponse> get() {
		this.request.run();
		return this.request.outcome();
	}

	/** The page will not be needed: do not send it if it has not been sent yet. */
	void abandon() {
		this.request.abandon();
	}

}
