package dev.dynamodown.internal.query;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import dev.dynamodown.internal.io.DynamoCalls;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * One page requested ahead of need, where the edge forks work. Whoever comes first sends the
 * request: the forked work, or the consumer if the fork has not started yet (with the blocking
 * edge, the pool is shared with batches and may be busy), so a consumer never waits for a queue
 * and a page is never requested twice.
 */
final class PageFetch {

	private final Supplier<CompletableFuture<QueryResponse>> request;

	private final AtomicBoolean claimed = new AtomicBoolean();

	private final CompletableFuture<QueryResponse> result = new CompletableFuture<>();

	private PageFetch(Supplier<CompletableFuture<QueryResponse>> request) {
		this.request = request;
	}

	static PageFetch start(Supplier<CompletableFuture<QueryResponse>> request, DynamoCalls calls) {
		PageFetch fetch = new PageFetch(request);
		calls.fork(fetch::sendIfUnclaimed);
		return fetch;
	}

	/** The page: sent now by the caller if the forked work has not started, else its answer. */
	CompletableFuture<QueryResponse> get() {
		return this.claimed.compareAndSet(false, true) ? this.request.get() : this.result;
	}

	/** The page will not be needed: do not send it if it has not been sent yet. */
	void abandon() {
		this.claimed.set(true);
	}

	private void sendIfUnclaimed() {
		if (!this.claimed.compareAndSet(false, true)) {
			return;
		}
		CompletableFuture<QueryResponse> sent;
		try {
			sent = this.request.get();
		}
		catch (RuntimeException | Error ex) {
			sent = CompletableFuture.failedFuture(ex);
		}
		sent.whenComplete((response, failure) -> {
			if (failure != null) {
				this.result.completeExceptionally(failure);
			}
			else {
				this.result.complete(response);
			}
		});
	}

}
