package dev.dynamodown.internal.paging;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;

import org.jspecify.annotations.Nullable;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Records what a publisher signals, and every breach of the rules it can see from here: a signal
 * while another is running (on another thread, or nested), a signal after a terminal one, an
 * {@code onNext} beyond the demand, a signal before {@code onSubscribe}. {@code onNext} can be
 * given something to do (request more, cancel, throw).
 */
class RecordingSubscriber<T> implements Flow.Subscriber<T> {

	private final long initialRequest;

	private final List<T> items = Collections.synchronizedList(new ArrayList<>());

	private final List<String> breaches = Collections.synchronizedList(new ArrayList<>());

	private final AtomicBoolean inSignal = new AtomicBoolean();

	private final CountDownLatch terminated = new CountDownLatch(1);

	private volatile BiConsumer<RecordingSubscriber<T>, T> onNext = (subscriber, item) -> {
	};

	private volatile Flow.@Nullable Subscription subscription;

	private volatile @Nullable Throwable error;

	private volatile boolean completed;

	/** Demand requested so far minus items received. Guarded by {@code this}. */
	private long demand;

	RecordingSubscriber(long initialRequest) {
		this.initialRequest = initialRequest;
	}

	/** What to do on each item, after recording it. */
	RecordingSubscriber<T> onNext(BiConsumer<RecordingSubscriber<T>, T> action) {
		this.onNext = action;
		return this;
	}

	@Override
	public void onSubscribe(Flow.Subscription subscription) {
		enter("onSubscribe");
		try {
			if (this.subscription != null) {
				this.breaches.add("onSubscribe twice");
			}
			this.subscription = subscription;
			if (this.initialRequest > 0) {
				request(this.initialRequest);
			}
		}
		finally {
			leave();
		}
	}

	@Override
	public void onNext(T item) {
		enter("onNext");
		try {
			synchronized (this) {
				if (this.demand-- <= 0) {
					this.breaches.add("onNext beyond demand: " + item);
				}
			}
			this.items.add(item);
			this.onNext.accept(this, item);
		}
		finally {
			leave();
		}
	}

	@Override
	public void onError(Throwable failure) {
		enter("onError");
		this.error = failure;
		leave();
		this.terminated.countDown();
	}

	@Override
	public void onComplete() {
		enter("onComplete");
		this.completed = true;
		leave();
		this.terminated.countDown();
	}

	/** Requests {@code n} more; the demand bookkeeping assumes n > 0 and no overflow. */
	void request(long n) {
		synchronized (this) {
			this.demand = (this.demand + n < 0) ? Long.MAX_VALUE : this.demand + n;
		}
		subscription().request(n);
	}

	void cancel() {
		subscription().cancel();
	}

	Flow.Subscription subscription() {
		Flow.Subscription current = this.subscription;
		assertThat(current).as("onSubscribe was signalled").isNotNull();
		return current;
	}

	List<T> items() {
		return List.copyOf(this.items);
	}

	@Nullable Throwable error() {
		return this.error;
	}

	boolean completed() {
		return this.completed;
	}

	boolean terminated() {
		return this.terminated.getCount() == 0;
	}

	/** Waits for onComplete or onError; fails the test after {@code timeout} (a hang, not a speed). */
	RecordingSubscriber<T> awaitTermination(Duration timeout) throws InterruptedException {
		assertThat(this.terminated.await(timeout.toMillis(), TimeUnit.MILLISECONDS))
			.as("terminated within %s", timeout).isTrue();
		return this;
	}

	List<String> breaches() {
		return List.copyOf(this.breaches);
	}

	private void enter(String signal) {
		if (!this.inSignal.compareAndSet(false, true)) {
			this.breaches.add(signal + " while another signal was running");
		}
		if (this.terminated.getCount() == 0) {
			this.breaches.add(signal + " after a terminal signal");
		}
		if (this.subscription == null && !signal.equals("onSubscribe")) {
			this.breaches.add(signal + " before onSubscribe");
		}
	}

	private void leave() {
		this.inSignal.set(false);
	}

}
