package dev.dynamodown.internal.query;

import java.util.concurrent.CompletableFuture;

import dev.dynamodown.DynamoDownException;
import dev.dynamodown.internal.Futures;
import dev.dynamodown.internal.paging.Page;
import dev.dynamodown.internal.paging.PageSource;
import dev.dynamodown.internal.store.Operation;
import dev.dynamodown.internal.store.Stoppable;
import dev.dynamodown.internal.store.Store;
import org.jspecify.annotations.Nullable;

/**
 * A range read of a store as work in flight of its runtime: while a page is awaited it is tracked,
 * so that closing the runtime (or interrupting a blocking caller) answers the waiter at once with a
 * failure saying the read was stopped, and closes the read; whatever the read's requests fail with
 * is translated for the operation ({@link Store#translate}). It answers at once also when the page
 * depends on requests still held elsewhere: the shards of a merged read that pool threads are
 * sending, a page read ahead.
 *
 * @param <T> the item type
 */
final class TrackedPageSource<T> implements PageSource<T> {

	private final Store store;

	private final String operation;

	private final PageSource<T> read;

	/**
	 * @param store the store read
	 * @param operation the public operation, for messages
	 * @param read the read; this source owns it
	 */
	TrackedPageSource(Store store, String operation, PageSource<T> read) {
		this.store = store;
		this.operation = operation;
		this.read = read;
	}

	@Override
	public CompletableFuture<Page<T>> next() {
		if (this.store.runtime().isClosed()) {
			return CompletableFuture.failedFuture(this.store.runtime().closedException());
		}
		Awaited awaited = new Awaited();
		this.store.runtime().track(awaited);
		CompletableFuture<Page<T>> page;
		try {
			page = this.read.next();
		}
		catch (RuntimeException | Error ex) {
			page = CompletableFuture.failedFuture(ex);
		}
		page.whenComplete(awaited::arrived);
		return awaited.delivery;
	}

	@Override
	public void close() {
		this.read.close();
	}

	/** One page being waited for: answered by the page, or at once when the runtime stops it. */
	private final class Awaited implements Stoppable {

		final CompletableFuture<Page<T>> delivery = new CompletableFuture<>();

		void arrived(@Nullable Page<T> page, @Nullable Throwable failure) {
			TrackedPageSource.this.store.runtime().untrack(this);
			if (failure != null) {
				this.delivery.completeExceptionally(
						TrackedPageSource.this.store.translate(TrackedPageSource.this.operation, Futures.unwrap(failure)));
			}
			else {
				this.delivery.complete(page);
			}
		}

		@Override
		public void stop(Throwable reason) {
			close();
			this.delivery.completeExceptionally(new DynamoDownException(
					TrackedPageSource.this.store.describe(TrackedPageSource.this.operation) + " was "
							+ Operation.stopped(reason),
					reason));
		}

	}

}
