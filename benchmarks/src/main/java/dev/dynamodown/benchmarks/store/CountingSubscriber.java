package dev.dynamodown.benchmarks.store;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.function.Predicate;

/**
 * Counts the items of a publisher that pass a check, asking for all of them at once ({@code request(Long.MAX_VALUE)},
 * as {@code Flux.count()} does), so that the publisher alone paces the pages. Keeps no item.
 */
final class CountingSubscriber<T> implements Flow.Subscriber<T> {

	private final Predicate<T> counted;

	private final CompletableFuture<Long> count = new CompletableFuture<>();

	/** Written by the publisher's serial signals only. */
	private long passed;

	private CountingSubscriber(Predicate<T> counted) {
		this.counted = counted;
	}

	/**
	 * Subscribes to {@code publisher}.
	 * @return completes with the number of items for which {@code counted} held, or with the publisher's error
	 */
	static <T> CompletableFuture<Long> count(Flow.Publisher<T> publisher, Predicate<T> counted) {
		CountingSubscriber<T> subscriber = new CountingSubscriber<>(counted);
		publisher.subscribe(subscriber);
		return subscriber.count;
	}

	@Override
	public void onSubscribe(Flow.Subscription subscription) {
		subscription.request(Long.MAX_VALUE);
	}

	@Override
	public void onNext(T item) {
		if (this.counted.test(item)) {
			this.passed++;
		}
	}

	@Override
	public void onError(Throwable failure) {
		this.count.completeExceptionally(failure);
	}

	@Override
	public void onComplete() {
		this.count.complete(this.passed);
	}

}
