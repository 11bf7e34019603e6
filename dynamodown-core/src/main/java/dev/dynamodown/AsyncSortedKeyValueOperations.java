package dev.dynamodown;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.function.Consumer;

/**
 * The asynchronous twin of {@link SortedKeyValueOperations}: the same store, the same operations
 * with the same names, meanings and guarantees (what is atomic, what is retried, what a failure
 * says), on a {@code DynamoDbAsyncClient}. Read the guarantees of each operation on
 * {@link SortedKeyValueOperations}; what differs is how results arrive.
 * <p>
 * <b>No method blocks the calling thread</b>, and none throws: every result is a
 * {@link CompletableFuture}, completed on the client's threads (or the library's scheduler after
 * a backoff), except {@link #range}, {@link #keys} and {@link #values}, which return a
 * {@link Flow.Publisher}. A bad argument or value fails the future with the exception the blocking
 * API throws ({@link NullPointerException}, {@link IllegalArgumentException}), before any
 * request; a publisher signals it with {@code onError}. Service-side failures fail the future with
 * a {@link DynamoDownException} (a {@link BatchWriteException} for a batch, with its
 * {@code unapplied()} exact).
 * <p>
 * <b>Cancelling</b> a returned future stops its operation: no further request is sent (a request
 * already sent may have been applied). Batches keep at most {@code batchConcurrency} requests in
 * flight and time their retries' backoff on the library's scheduler: no thread is parked, none is
 * used per chunk.
 * <p>
 * <b>Publishers</b> are cold (each subscription reads anew) and follow the Reactive Streams rules:
 * nothing is read before the first {@code request(n)}; pages are read as demand needs them, with at
 * most one page read ahead; {@code cancel()} stops paging; signals are serial; {@code request(n <= 0)}
 * signals {@code onError(IllegalArgumentException)}. Adapt them with
 * {@code org.reactivestreams.FlowAdapters} or Reactor's {@code JdkFlowAdapter}.
 *
 * @param <V> the value type
 */
public interface AsyncSortedKeyValueOperations<V> {

	/** The table this store lives in. */
	String table();

	/** The hash-key value shared by every item of this store. */
	String namespace();

	/**
	 * See {@link SortedKeyValueOperations#get}.
	 * @param key the key
	 * @return the value, or empty if the key is absent
	 */
	CompletableFuture<Optional<V>> get(String key);

	/**
	 * See {@link SortedKeyValueOperations#exists}.
	 * @param key the key
	 * @return {@code true} if the key has an entry that has not expired
	 */
	CompletableFuture<Boolean> exists(String key);

	/**
	 * See {@link SortedKeyValueOperations#getAll}.
	 * @param keys the keys; duplicates are read once
	 * @return the keys that exist with their values; the map iterates in key order
	 */
	CompletableFuture<Map<String, V>> getAll(Collection<String> keys);

	/**
	 * See {@link SortedKeyValueOperations#put}.
	 * @param key the key
	 * @param value the value
	 * @return completes when the write is applied
	 */
	CompletableFuture<Void> put(String key, V value);

	/**
	 * See {@link SortedKeyValueOperations#put(String, Object, Duration)}.
	 * @param key the key
	 * @param value the value
	 * @param ttl how long the entry lives, positive
	 * @return completes when the write is applied
	 */
	CompletableFuture<Void> put(String key, V value, Duration ttl);

	/**
	 * See {@link SortedKeyValueOperations#putIfAbsent}, also for when {@code true} may be trusted.
	 * @param key the key
	 * @param value the value
	 * @return {@code true} if this call wrote the value, {@code false} if another write had the key
	 */
	CompletableFuture<Boolean> putIfAbsent(String key, V value);

	/**
	 * See {@link SortedKeyValueOperations#putIfAbsent(String, Object, Duration)}.
	 * @param key the key
	 * @param value the value
	 * @param ttl how long the entry lives, positive
	 * @return {@code true} if this call wrote the value, {@code false} if another write had the key
	 */
	CompletableFuture<Boolean> putIfAbsent(String key, V value, Duration ttl);

	/**
	 * See {@link SortedKeyValueOperations#delete}.
	 * @param key the key
	 * @return completes when the delete is applied
	 */
	CompletableFuture<Void> delete(String key);

	/**
	 * See {@link SortedKeyValueOperations#getAndDelete}.
	 * @param key the key
	 * @return the value deleted, or empty if the key was absent or its entry had expired
	 */
	CompletableFuture<Optional<V>> getAndDelete(String key);

	/**
	 * The entries of a range, in key order (descending if reversed): see
	 * {@link SortedKeyValueOperations#range}.
	 * @param range the keys to read
	 * @return a cold publisher of the entries
	 */
	Flow.Publisher<KeyValue<V>> range(KeyRange range);

	/**
	 * Like {@link #range(KeyRange)} but reads only the key attributes.
	 * @param range the keys to read
	 * @return a cold publisher of the keys in order
	 */
	Flow.Publisher<String> keys(KeyRange range);

	/**
	 * Like {@link #range(KeyRange)} but yields only the values.
	 * @param range the keys to read
	 * @return a cold publisher of the values in key order
	 */
	Flow.Publisher<V> values(KeyRange range);

	/**
	 * A whole range, collected: see {@link SortedKeyValueOperations#list}.
	 * @param range the keys to read
	 * @return the entries in order
	 */
	CompletableFuture<List<KeyValue<V>>> list(KeyRange range);

	/**
	 * See {@link SortedKeyValueOperations#count}.
	 * @param range the keys to count
	 * @return the number of keys
	 */
	CompletableFuture<Long> count(KeyRange range);

	/**
	 * See {@link SortedKeyValueOperations#clear}. NOT atomic.
	 * @param range the keys to delete
	 * @return how many keys were deleted
	 */
	CompletableFuture<Long> clear(KeyRange range);

	/**
	 * See {@link SortedKeyValueOperations#destroy}: {@code clear(KeyRange.all())}, and for a sharded
	 * store the record of its shard count once its shards are empty. NOT atomic.
	 * @return completes when every key read was deleted
	 */
	CompletableFuture<Void> destroy();

	/**
	 * See {@link SortedKeyValueOperations#batch}. <b>NOT atomic.</b> The callback runs on the
	 * calling thread, before this method returns.
	 * @param operations collects the writes
	 * @return what was applied and how many requests it took, or a {@link BatchWriteException}
	 */
	CompletableFuture<BatchResult> batch(Consumer<Batch<V>> operations);

	/**
	 * See {@link SortedKeyValueOperations#atomicBatch}: all or nothing. The callback runs on the
	 * calling thread, before this method returns.
	 * @param operations collects the writes
	 * @return completes when applied; fails with {@link AtomicBatchException} if nothing was
	 * written, {@link AtomicBatchOutcomeUnknownException} if it is not known
	 */
	CompletableFuture<Void> atomicBatch(Consumer<Batch<V>> operations);

}
