package dev.dynamodown.internal.paging;

import java.util.Objects;
import java.util.concurrent.Flow;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

/**
 * A cold {@link Flow.Publisher} over an ordered sequence read page by page: each
 * {@link #subscribe} opens its own {@link PageSource} and delivers its items, optionally
 * {@linkplain #map mapped}, following the Reactive Streams rules.
 * <p>
 * Guarantees, per subscription:
 * <ul>
 * <li>Nothing is read before the first {@code request(n)}. A page is asked for only when the
 * outstanding demand exceeds the items already buffered and no page is on its way, so at most
 * one page is held, plus the one the source may read ahead; the publisher never reads ahead.</li>
 * <li>Signals are serial and never re-entrant: {@code onNext} is never called from inside
 * {@code onSubscribe} or from inside another {@code onNext}, whichever thread calls
 * {@code request} or completes a page. An empty page that is not the last just asks for the
 * next one, in a loop (no recursion however many such pages complete at once).</li>
 * <li>{@code cancel()} closes the source (at once if no signal is being delivered, otherwise
 * right after it), releases the buffered page and the subscriber, and stops all signals.</li>
 * <li>{@code request(n <= 0)} signals {@code onError(IllegalArgumentException)} (rule 3.9) and
 * closes the source. Demand accumulates up to {@code Long.MAX_VALUE}, which means unbounded.</li>
 * <li>A failed page signals {@code onError} with what it failed with (never a
 * {@code CompletionException} wrapper); so does a mapping function that throws or returns
 * {@code null}. The source is closed before the signal.</li>
 * <li>A subscriber that throws from {@code onSubscribe} or {@code onNext} (breaking rule 2.13)
 * is considered to have cancelled: the source is closed and no further signal is sent.</li>
 * <li>{@code onComplete} follows the last item of the last page, without waiting for demand.</li>
 * <li>If the source cannot be opened (the supplier throws), the subscriber gets
 * {@code onSubscribe} and then {@code onError} with that failure.</li>
 * </ul>
 * Optionally, each subscription tells a callback once how it ended (the failure, or
 * {@code null} after completion or cancellation), before the terminal signal.
 *
 * @param <T> the type of the items delivered
 */
public final class PagePublisher<T> implements Flow.Publisher<T> {

	private final Recipe<?, T> recipe;

	private PagePublisher(Recipe<?, T> recipe) {
		this.recipe = recipe;
	}

	/**
	 * A publisher of the items of the sources {@code sources} opens.
	 * @param sources called once per subscription for a new, unread source
	 * @param <T> the item type
	 * @return the publisher
	 */
	public static <T> PagePublisher<T> of(Supplier<? extends PageSource<? extends T>> sources) {
		return of(sources, () -> (failure) -> {
		});
	}

	/**
	 * A publisher of the items of the sources {@code sources} opens, whose subscriptions report
	 * how they ended.
	 * @param sources called once per subscription for a new, unread source
	 * @param onFinish called once per subscription, before the source is opened, for the callback
	 * that is told once how that subscription ended: with the failure signalled by
	 * {@code onError} (or thrown by the subscriber), or {@code null} after {@code onComplete} or
	 * {@code cancel()}. It is called before the terminal signal, on whichever thread ends the
	 * subscription, and must not throw. A per-subscription callback lets its creator start a
	 * timer when the subscription starts.
	 * @param <T> the item type
	 * @return the publisher
	 */
	public static <T> PagePublisher<T> of(Supplier<? extends PageSource<? extends T>> sources,
			Supplier<? extends Consumer<@Nullable Throwable>> onFinish) {
		Objects.requireNonNull(sources, "'sources' must not be null");
		Objects.requireNonNull(onFinish, "'onFinish' must not be null");
		return new PagePublisher<T>(new Recipe<T, T>(sources, Function.identity(), onFinish));
	}

	/**
	 * A publisher of the same items mapped by {@code mapper}, applied to each item just before it
	 * is delivered. A mapper that throws or returns {@code null} fails the subscription
	 * ({@code onError} with its exception, source closed).
	 * @param mapper the mapping
	 * @param <R> the type of the mapped items
	 * @return the new publisher; this one is unchanged
	 */
	public <R> PagePublisher<R> map(Function<? super T, ? extends R> mapper) {
		Objects.requireNonNull(mapper, "'mapper' must not be null");
		return new PagePublisher<>(this.recipe.map(mapper));
	}

	@Override
	public void subscribe(Flow.Subscriber<? super T> subscriber) {
		Objects.requireNonNull(subscriber, "'subscriber' must not be null");
		this.recipe.subscribe(subscriber);
	}

	/**
	 * How to open a subscription: the source type {@code S} stays captured here, so that the
	 * mapping from {@code S} to {@code T} is type-checked without the publisher naming {@code S}.
	 */
	private record Recipe<S, T>(Supplier<? extends PageSource<? extends S>> sources,
			Function<? super S, ? extends T> mapper, Supplier<? extends Consumer<@Nullable Throwable>> onFinish) {

		<R> Recipe<S, R> map(Function<? super T, ? extends R> next) {
			Function<? super S, ? extends T> first = this.mapper;
			return new Recipe<>(this.sources, (item) -> next.apply(first.apply(item)), this.onFinish);
		}

		void subscribe(Flow.Subscriber<? super T> subscriber) {
			FinishOnce finish;
			PageSource<? extends S> source;
			try {
				finish = new FinishOnce(this.onFinish.get());
			}
			catch (RuntimeException ex) {
				PageSubscription.refuse(subscriber, ex);
				return;
			}
			try {
				source = Objects.requireNonNull(this.sources.get(), "'sources' supplied null");
			}
			catch (RuntimeException ex) {
				finish.report(ex);
				PageSubscription.refuse(subscriber, ex);
				return;
			}
			new PageSubscription<S, T>(source, this.mapper, subscriber, finish).start();
		}

	}

}
