package dev.dynamodown.internal.query;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiFunction;
import java.util.function.Function;

import dev.dynamodown.KeyRange;
import dev.dynamodown.internal.Keys;
import dev.dynamodown.internal.paging.MergedPageSource;
import dev.dynamodown.internal.paging.Page;
import dev.dynamodown.internal.paging.PageSource;
import dev.dynamodown.internal.schema.TableSchema;
import dev.dynamodown.internal.store.Store;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The {@link PageSource} of a range of a store, whatever its shards: the range streams and
 * publishers, {@code list} and {@code clear} all read through it.
 * <ul>
 * <li>One partition (an unsharded store): its {@link QueryPageSource}.</li>
 * <li>Several: one {@link QueryPageSource} per partition, each with the range's bounds, direction
 * and limit (so no shard is asked for more than the limit) and its own lazy paging with one page
 * read ahead, merged by {@link MergedPageSource} in UTF-8 key order (descending for a reverse
 * range) up to the limit. The store's shard count is checked once for the whole read, before the
 * first {@code Query}. The merge asks every shard for its first page at once, the reads of all
 * but one starting where the edge forks work, so the first page comes after about one
 * {@code Query}'s latency; afterwards it asks only the shards whose buffered page ran dry. A read
 * holds at most two pages per shard.</li>
 * </ul>
 * The shards of a namespace never hold the same key, so the merge neither drops nor repeats one.
 * Either way the read is tracked as work in flight while a page is awaited ({@link TrackedPageSource}):
 * closing the runtime answers its consumer at once, also while pool threads still send shards' requests.
 */
public final class RangeSources {

	private RangeSources() {
	}

	/**
	 * A new, unread source for a range of a store.
	 * @param store the store
	 * @param range the keys to read
	 * @param read what to read; not {@link RangeRead#COUNT}
	 * @param operation the public operation, for failure messages
	 * @param mapper makes an item of the sequence from an item read
	 * @param <T> the item type
	 * @return the source
	 */
	public static <T> PageSource<T> of(Store store, KeyRange range, RangeRead read, String operation,
			BiFunction<TableSchema, Map<String, AttributeValue>, T> mapper) {
		List<String> partitions = store.partitioning().partitions();
		if (partitions.size() == 1) {
			return new TrackedPageSource<>(store, operation,
					new QueryPageSource<>(store, partitions.get(0), range, read, mapper, store::readable));
		}
		Function<TableSchema, CompletableFuture<Void>> readable = once(store);
		List<QueryPageSource<Keyed<T>>> shards = partitions.stream()
			.map((partition) -> new QueryPageSource<>(store, partition, range, read,
					(schema, item) -> new Keyed<>(schema.rangeValue(item), mapper.apply(schema, item)), readable))
			.toList();
		Comparator<String> keys = range.isReverse() ? Keys.UTF8_ORDER.reversed() : Keys.UTF8_ORDER;
		Comparator<Keyed<T>> order = Comparator.comparing(Keyed::key, keys);
		MergedPageSource<Keyed<T>> merged = range.hasLimit()
				? MergedPageSource.of(shards, order, range.limitValue(), store.calls()::fork)
				: MergedPageSource.of(shards, order, store.calls()::fork);
		return new TrackedPageSource<>(store, operation, new Unkeyed<>(merged));
	}

	/**
	 * The check of the store's shard count for one read of every shard, sent once: the first shard
	 * to ask runs it, the others join it (going on where the edge forks work). A failed check fails
	 * every shard's first page alike, and is not sent again by the others.
	 */
	private static Function<TableSchema, CompletableFuture<Void>> once(Store store) {
		AtomicReference<CompletableFuture<Void>> checked = new AtomicReference<>();
		return (schema) -> {
			CompletableFuture<Void> started = new CompletableFuture<>();
			CompletableFuture<Void> running = checked.compareAndExchange(null, started);
			if (running != null) {
				return store.joined(running);
			}
			store.readable(schema).whenComplete((done, failure) -> {
				if (failure != null) {
					started.completeExceptionally(failure);
				}
				else {
					started.complete(null);
				}
			});
			return started;
		};
	}

	/** An item with the key it was read under, for the merge's order. */
	private record Keyed<T>(String key, T value) {
	}

	/** The merged items without their keys. */
	private static final class Unkeyed<T> implements PageSource<T> {

		private final PageSource<Keyed<T>> merged;

		Unkeyed(PageSource<Keyed<T>> merged) {
			this.merged = merged;
		}

		@Override
		public CompletableFuture<Page<T>> next() {
			return this.merged.next()
				.thenApply((page) -> new Page<>(page.items().stream().map(Keyed::value).toList(), page.last()));
		}

		@Override
		public void close() {
			this.merged.close();
		}

	}

}
