package dev.dynamodown.benchmarks.store;

import java.util.concurrent.CompletableFuture;

/** Ordered reads of the whole namespace through a publisher of an asynchronous client. */
public interface AsyncRangeStore {

	/**
	 * Subscribes to every item in key order (descending if {@code reverse}), decoding each value, without
	 * keeping them, as {@code Flux.count()} would: all the demand at once, the publisher pacing the pages.
	 * @return completes with the number of items read
	 */
	CompletableFuture<Long> scan(boolean reverse);

}
