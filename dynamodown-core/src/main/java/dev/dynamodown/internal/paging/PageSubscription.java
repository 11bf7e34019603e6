package dev.dynamodown.internal.paging;

import java.util.Collections;
import java.util.Iterator;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

/**
 * One subscription of a {@link PagePublisher}: delivers the items of one {@link PageSource} to
 * one subscriber as demand allows.
 * <p>
 * All work happens in a drain loop that one thread at a time runs: whoever finds the
 * work-in-progress counter at zero ({@code request}, {@code cancel}, a page completing, or
 * {@code subscribe} itself) runs the loop until no work was added meanwhile; the others only add
 * to the counter and return. So signals are serial, {@code request} called from {@code onNext}
 * returns at once (no recursion), and the fields read only in the loop need no locking: each
 * owner of the loop sees its predecessor's writes through the counter's atomic updates. The
 * source's {@code next()} and {@code close()} are both called only from the loop, so the source
 * is never asked for a page after it was closed.
 */
final class PageSubscription<S, T> implements Flow.Subscription {

	/** The subscription given to a subscriber whose source could not be opened. */
	private static final Flow.Subscription REFUSED = new Flow.Subscription() {

		@Override
		public void request(long n) {
		}

		@Override
		public void cancel() {
		}

	};

	private final Function<? super S, ? extends T> mapper;

	private final FinishOnce finish;

	/** Work added since the loop's owner last looked; starts held by {@link #start()}. */
	private final AtomicInteger work = new AtomicInteger(1);

	private final AtomicLong demand = new AtomicLong();

	private volatile boolean cancelled;

	private volatile @Nullable IllegalArgumentException badRequest;

	// Fields below: read and written only by the drain loop's owner.

	private Flow.@Nullable Subscriber<? super T> subscriber;

	private @Nullable PageSource<? extends S> source;

	private Iterator<? extends S> buffer = Collections.emptyIterator();

	private boolean lastPage;

	/** The page on its way, or {@code null}. */
	private @Nullable CompletableFuture<? extends Page<? extends S>> pending;

	private boolean done;

	PageSubscription(PageSource<? extends S> source, Function<? super S, ? extends T> mapper,
			Flow.Subscriber<? super T> subscriber, FinishOnce finish) {
		this.source = source;
		this.mapper = mapper;
		this.subscriber = subscriber;
		this.finish = finish;
	}

	/** Signals {@code onSubscribe} then {@code onError}: rule 1.9 wants the former first. */
	static void refuse(Flow.Subscriber<?> subscriber, Throwable failure) {
		subscriber.onSubscribe(REFUSED);
		subscriber.onError(failure);
	}

	/** Signals {@code onSubscribe}, then serves what it requested while it ran. */
	void start() {
		// The loop is held (work = 1) until onSubscribe returns: a request made inside it is
		// served after it, never as an onNext nested in onSubscribe.
		try {
			this.subscriber.onSubscribe(this);
		}
		catch (RuntimeException | Error ex) {
			// Rule 2.13 broken: the subscription is considered cancelled.
			end(ex, false);
			rethrowIfError(ex);
		}
		runLoop();
	}

	@Override
	public void request(long n) {
		if (n <= 0) {
			if (this.badRequest == null) {
				this.badRequest = new IllegalArgumentException(
						"Reactive Streams rule 3.9: request(n) needs n > 0, got " + n);
			}
		}
		else {
			addDemand(n);
		}
		drain();
	}

	@Override
	public void cancel() {
		this.cancelled = true;
		drain();
	}

	private void addDemand(long n) {
		long current;
		long updated;
		do {
			current = this.demand.get();
			if (current == Long.MAX_VALUE) {
				return;
			}
			updated = current + n;
			if (updated < 0) {
				updated = Long.MAX_VALUE;
			}
		}
		while (!this.demand.compareAndSet(current, updated));
	}

	private void drain() {
		if (this.work.getAndIncrement() == 0) {
			runLoop();
		}
	}

	/** Runs the loop while work is added; the caller owns the loop. */
	private void runLoop() {
		int seen = 1;
		while (true) {
			step();
			seen = this.work.addAndGet(-seen);
			if (seen == 0) {
				return;
			}
		}
	}

	/** Does everything that can be done now: ends, delivers, asks for a page. */
	private void step() {
		while (!this.done) {
			if (this.cancelled) {
				end(null, false);
				return;
			}
			IllegalArgumentException bad = this.badRequest;
			if (bad != null) {
				end(bad, true);
				return;
			}
			if (this.pending != null && !takePage(this.pending)) {
				return;
			}
			if (!deliver()) {
				return;
			}
			if (this.cancelled || this.badRequest != null) {
				continue;
			}
			if (this.buffer.hasNext()) {
				// No demand left: a request will run the loop again.
				return;
			}
			if (this.lastPage) {
				end(null, true);
				return;
			}
			if (this.demand.get() == 0) {
				return;
			}
			askForPage();
			// A page that completed inline is taken in the next round: a loop, not recursion.
		}
	}

	/**
	 * Moves the page on its way into the buffer if it has arrived.
	 * @return whether the loop can go on (false: the page has not arrived, or it failed)
	 */
	private boolean takePage(CompletableFuture<? extends Page<? extends S>> page) {
		if (!page.isDone()) {
			// Its completion runs the loop again.
			return false;
		}
		this.pending = null;
		Page<? extends S> arrived;
		try {
			arrived = Objects.requireNonNull(page.getNow(null), "The source completed a page with null");
		}
		catch (RuntimeException ex) {
			// CompletionException (unwrapped here), CancellationException, or the null page.
			end(Failures.unwrap(ex), true);
			return false;
		}
		this.buffer = arrived.items().iterator();
		this.lastPage = arrived.last();
		return true;
	}

	/**
	 * Delivers buffered items while there is demand.
	 * @return whether the subscription is still going on
	 */
	private boolean deliver() {
		long wanted = this.demand.get();
		long delivered = 0;
		while (delivered != wanted && this.buffer.hasNext() && !this.cancelled) {
			T item;
			try {
				item = this.mapper.apply(this.buffer.next());
				if (item == null) {
					throw new NullPointerException("The mapping function returned null; Flow forbids null items");
				}
			}
			catch (RuntimeException | Error ex) {
				end(ex, true);
				rethrowIfError(ex);
				return false;
			}
			try {
				this.subscriber.onNext(item);
			}
			catch (RuntimeException | Error ex) {
				// Rule 2.13 broken: the subscription is considered cancelled.
				end(ex, false);
				rethrowIfError(ex);
				return false;
			}
			delivered++;
		}
		if (delivered > 0 && wanted != Long.MAX_VALUE) {
			this.demand.addAndGet(-delivered);
		}
		return true;
	}

	private void askForPage() {
		CompletableFuture<? extends Page<? extends S>> page;
		try {
			page = this.source.next();
		}
		catch (RuntimeException ex) {
			page = CompletableFuture.failedFuture(ex);
		}
		this.pending = page;
		page.whenComplete((arrived, failure) -> drain());
	}

	/** Lets a fatal error go on once the subscription has ended; other failures were signalled. */
	private static void rethrowIfError(Throwable failure) {
		if (failure instanceof Error error) {
			throw error;
		}
	}

	/**
	 * Ends the subscription: closes the source, drops the buffer and the subscriber, reports the
	 * end, then (if {@code signal}) tells the subscriber: {@code onComplete} if {@code failure} is
	 * {@code null}, otherwise {@code onError}.
	 */
	private void end(@Nullable Throwable failure, boolean signal) {
		Flow.Subscriber<? super T> ended = this.subscriber;
		this.done = true;
		this.subscriber = null;
		this.buffer = Collections.emptyIterator();
		this.pending = null;
		PageSource<? extends S> closing = this.source;
		this.source = null;
		if (closing != null) {
			closing.close();
		}
		this.finish.report(failure);
		if (signal && ended != null) {
			if (failure == null) {
				ended.onComplete();
			}
			else {
				ended.onError(failure);
			}
		}
	}

}
