package dev.dynamodown;

import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * {@code putIf} and {@code deleteIf} of either template, blocking: they are on
 * {@link SortedKeyValueTemplate} and {@link AsyncSortedKeyValueTemplate}, not on the interfaces a
 * parameterised test holds.
 *
 * @param <V> the value type
 */
public final class ConditionalWrites<V> {

	private final SortedKeyValueOperations<V> store;

	private ConditionalWrites(SortedKeyValueOperations<V> store) {
		this.store = store;
	}

	/** The conditional writes of a template, or of the asynchronous template behind a {@link BlockingView}. */
	public static <V> ConditionalWrites<V> of(SortedKeyValueOperations<V> store) {
		return new ConditionalWrites<>(store);
	}

	public boolean putIf(String key, V value, WriteCondition condition) {
		return call((blocking) -> blocking.putIf(key, value, condition), (async) -> async.putIf(key, value, condition));
	}

	public boolean deleteIf(String key, WriteCondition condition) {
		return call((blocking) -> blocking.deleteIf(key, condition), (async) -> async.deleteIf(key, condition));
	}

	private boolean call(Function<SortedKeyValueTemplate<V>, Boolean> blocking,
			Function<AsyncSortedKeyValueTemplate<V>, CompletableFuture<Boolean>> async) {
		if (this.store instanceof SortedKeyValueTemplate<V> template) {
			return blocking.apply(template);
		}
		AsyncSortedKeyValueTemplate<V> template = (AsyncSortedKeyValueTemplate<V>) ((BlockingView<V>) this.store).async();
		Supplier<CompletableFuture<Boolean>> sent = () -> async.apply(template);
		CompletableFuture<Boolean> future;
		try {
			future = sent.get();
		}
		catch (RuntimeException ex) {
			throw new AssertionError("An asynchronous method threw instead of failing its future", ex);
		}
		return BlockingView.await(future);
	}

}
