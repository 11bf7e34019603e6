package dev.dynamodown;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * A sorted key-value store living in one partition of a DynamoDB table: every item whose
 * hash-key attribute equals {@link #namespace()}; the item's range-key attribute is the key. A
 * {@link Sharding sharded} namespace spreads the same store over several partition-key values
 * and merges them back in key order: the contract below holds alike.
 * <p>
 * <b>Keys</b> are non-empty strings of at most 1024 UTF-8 bytes, without lone surrogates, and
 * sort in UTF-8 byte order (DynamoDB's order, which is Unicode code point order, not
 * {@link String#compareTo}). <b>Values</b> are mapped to the item's other attributes by a
 * {@link ValueCodec}.
 * <p>
 * <b>Atomicity.</b> Each single-key call ({@link #get}, {@link #exists}, {@link #put},
 * {@link #putIfAbsent}, {@link #delete}, {@link #getAndDelete}) is one DynamoDB request and atomic
 * for that key. {@link #atomicBatch} is
 * all-or-nothing. Nothing else is atomic: {@link #batch}, {@link #getAll}, {@link #clear} and
 * {@link #destroy} send many requests, and range reads page through the partition, so they
 * may observe concurrent writes made while they run (each page is a consistent read).
 * <p>
 * <b>Retries.</b> Throttling and 5xx on single requests are retried by the
 * {@code DynamoDbClient}'s own retry policy, which the library never switches off. On top of
 * that, unprocessed items of {@code BatchWriteItem} and unprocessed keys of
 * {@code BatchGetItem} are retried with exponential backoff and jitter.
 * <p>
 * <b>Errors.</b> A {@code null} argument raises {@link NullPointerException}; a bad key,
 * range bound or value raises {@link IllegalArgumentException} naming what is wrong; both
 * before any request. Service-side failures raise a {@link DynamoDownException}.
 * <p>
 * <b>Expiry.</b> An entry written with a time to live ({@link #put(String, Object, Duration)},
 * {@link #putIfAbsent(String, Object, Duration)}, {@link Batch#put(String, Object, Duration)})
 * carries its expiry time, in whole epoch seconds rounded down, in the table's TTL attribute
 * ({@link DynamoDownOptions#expiryAttribute()}). DynamoDB deletes expired items only eventually, so
 * every read skips them itself: once its time has passed, by the
 * {@linkplain DynamoDownOptions#clock() clock} when a read's request is sent, an entry is absent
 * for {@code get}, {@code getAll}, {@code exists}, {@code getAndDelete}, range reads and
 * {@code count}, and {@code putIfAbsent} replaces it. Only {@link #clear} still deletes expired
 * items (and counts them). A write without a time to live replaces the item with one that never
 * expires.
 * <p>
 * <b>Read consistency.</b> Reads are strongly consistent unless the
 * {@linkplain DynamoDownOptions#consistentReads() options} or the template say otherwise.
 * <p>
 * <b>Waiting.</b> A call waits only for its own requests, bounded by the client's timeouts and
 * the retry options. The wait is interruptible: an interrupted call stops sending, throws at once
 * (a batch: a {@link BatchWriteException} listing what is not confirmed applied) and keeps the
 * thread's interrupt flag. Closing the {@link DynamoDown} ends every call in flight the same way.
 * {@link AsyncSortedKeyValueOperations} is the same store without any wait.
 *
 * @param <V> the value type
 * @see <a href="https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_Query.html">Query</a>
 */
public interface SortedKeyValueOperations<V> {

	/** The table this store lives in. */
	String table();

	/** The hash-key value shared by every item of this store. */
	String namespace();

	/**
	 * Reads one value with a {@code GetItem}.
	 * @param key the key
	 * @return the value, or empty if the key is absent or its entry has expired
	 */
	Optional<V> get(String key);

	/**
	 * Whether a key is present: one {@code GetItem} that reads the key attributes and the expiry
	 * time only.
	 * @param key the key
	 * @return {@code true} if the key has an entry that has not expired
	 */
	boolean exists(String key);

	/**
	 * Reads many values with {@code BatchGetItem} (100 keys per request, strongly consistent),
	 * retrying unprocessed keys. Not atomic: each request is a separate read.
	 * @param keys the keys; duplicates are read once
	 * @return the keys that exist with their values; the map iterates in key order
	 */
	Map<String, V> getAll(Collection<String> keys);

	/**
	 * Writes a value with {@code PutItem}, replacing any previous value of the key entirely.
	 * @param key the key
	 * @param value the value
	 */
	void put(String key, V value);

	/**
	 * Writes a value that expires once {@code ttl} has elapsed (like Redis {@code SET key value EX}),
	 * with {@code PutItem}, replacing any previous value of the key entirely. The expiry time is
	 * this call's clock time plus {@code ttl}, rounded down to a whole second: the entry is never
	 * read after {@code ttl} has elapsed, and may expire up to a second earlier.
	 * @param key the key
	 * @param value the value
	 * @param ttl how long the entry lives, positive
	 * @throws IllegalArgumentException if {@code ttl} is zero or negative
	 */
	void put(String key, V value, Duration ttl);

	/**
	 * Writes a value only if the key is absent (a conditional {@code PutItem}); safe to use as a
	 * lock or an idempotency marker: of several callers racing for an absent key, exactly one is
	 * told {@code true}, whatever values they write.
	 * <p>
	 * If the client retried the request after an earlier attempt of this call had in fact been
	 * applied (its answer lost: a reset, a timeout, a 5xx), the condition fails on this call's own
	 * write; that case is recognised, by comparing the item that made the condition fail with the
	 * one written, and reported as {@code true}. Only then: a call whose only attempt met an item,
	 * or whose earlier attempts were all refused by throttling, reports {@code false}, however alike
	 * the item is. The ambiguity left: after an attempt whose answer was lost and that was in fact
	 * not applied, an identical item written by another caller before the retry is taken for this
	 * call's own. A call that throws may or may not have written its value; a later call that meets
	 * it answers {@code false}.
	 * @param key the key
	 * @param value the value
	 * @return {@code true} if this call wrote the value, {@code false} if another write had
	 * the key already
	 */
	boolean putIfAbsent(String key, V value);

	/**
	 * {@link #putIfAbsent(String, Object)} of a value that expires once {@code ttl} has elapsed
	 * (like Redis {@code SET key value NX EX}), with the expiry time of
	 * {@link #put(String, Object, Duration)}. One conditional {@code PutItem}: an entry whose
	 * expiry time has passed counts as absent, in the same condition, so a lock or an idempotency
	 * marker written with a time to live can be taken again once it expired.
	 * @param key the key
	 * @param value the value
	 * @param ttl how long the entry lives, positive
	 * @return {@code true} if this call wrote the value, {@code false} if another write had the key
	 * @throws IllegalArgumentException if {@code ttl} is zero or negative
	 */
	boolean putIfAbsent(String key, V value, Duration ttl);

	/**
	 * Deletes a key with {@code DeleteItem}; no error if it is absent.
	 * @param key the key
	 */
	void delete(String key);

	/**
	 * Deletes a key and returns the value it had (like Redis {@code GETDEL}): one {@code DeleteItem}
	 * that returns the old item, atomic for the key. An expired entry is deleted too, and reported
	 * as absent. If the client retried the request after an attempt whose answer was lost (a reset,
	 * a timeout, a 5xx), the retry finds the key gone and cannot know the value: then the call
	 * throws a {@link DynamoDownException} instead of answering empty. A value the codec cannot read
	 * is deleted all the same, and the call throws.
	 * @param key the key
	 * @return the value deleted, or empty if the key was absent or its entry had expired
	 */
	Optional<V> getAndDelete(String key);

	/**
	 * Streams the entries of a range, lazily and page by page, in key order (descending if the
	 * range is {@linkplain KeyRange#reverse() reversed}). Nothing is read before the first entry
	 * is asked for, not even the table's layout, and the second page not before the first is
	 * consumed; from then on the next page is requested in the background while the current one
	 * is consumed, so at most two pages are held in memory and a stream closed mid-scan may have
	 * read one page more than it returned. No page is read that the range's
	 * {@linkplain KeyRange#limit(int) limit} does not need, and no key outside the range is read.
	 * A value that cannot be decoded fails its page. Waiting for a page is interruptible. Close
	 * the stream (try-with-resources) when it is not consumed to the end.
	 * @param range the keys to read
	 * @return the entries
	 */
	Stream<KeyValue<V>> range(KeyRange range);

	/**
	 * Like {@link #range(KeyRange)} but reads only the key attributes.
	 * @param range the keys to read
	 * @return the keys in order
	 */
	Stream<String> keys(KeyRange range);

	/**
	 * Like {@link #range(KeyRange)} but yields only the values.
	 * @param range the keys to read
	 * @return the values in key order
	 */
	Stream<V> values(KeyRange range);

	/**
	 * Reads a whole range into a list: {@link #range(KeyRange)}, collected.
	 * @param range the keys to read
	 * @return the entries in order
	 */
	List<KeyValue<V>> list(KeyRange range);

	/**
	 * Counts the entries of a range that have not expired, with {@code Select.COUNT} queries (no
	 * values are transferred; a filter expression leaves expired entries out).
	 * The range's limit, if any, caps the count. The queries' key condition is exactly the range
	 * (an exclusive bound is sent as the neighbouring valid key), so the count never includes a key
	 * outside it and is never negative, also while keys at its ends are written concurrently. NOT
	 * atomic: pages are counted one after the other, each seeing the writes made before it.
	 * @param range the keys to count
	 * @return the number of keys
	 */
	long count(KeyRange range);

	/**
	 * Deletes every key of a range: reads the keys only and deletes them in concurrent
	 * {@code BatchWriteItem} requests, in blocks (a huge range is never held in memory). Expired
	 * entries that DynamoDB has not deleted yet are deleted too, and counted, so that a cleared
	 * range holds no item at all (a limit counts them as well). NOT atomic: keys written
	 * concurrently may survive. On failure (or a close, or an interrupt while
	 * deleting) a {@link BatchWriteException} lists the deletes of the failing block that may not
	 * have been applied; keys after that block were not read, and its
	 * {@link BatchWriteException#applied()} counts every delete applied so far.
	 * @param range the keys to delete
	 * @return how many items were deleted, expired ones included
	 */
	long clear(KeyRange range);

	/**
	 * Deletes every key of this store: {@code clear(KeyRange.all())}; for a {@link Sharding sharded}
	 * store, then also the record of its shard count if its shards are empty (the name may then be
	 * used with any count; see {@link Sharding}). NOT atomic.
	 */
	void destroy();

	/**
	 * Applies many writes with {@code BatchWriteItem}. <b>NOT atomic.</b> The promise:
	 * <ul>
	 * <li>every operation is validated before anything is sent: one invalid operation means
	 * nothing is written;</li>
	 * <li>operations on the same key take effect in the order written (only the last one per
	 * key is sent);</li>
	 * <li>chunks of 25 are sent concurrently (bounded); unprocessed items are retried with
	 * exponential backoff and jitter;</li>
	 * <li>every operation is applied, or a {@link BatchWriteException} lists exactly those
	 * that may not have been: whatever ends the batch once a chunk was sent (a request that failed
	 * after the client's retries, items still unprocessed after the last attempt, an answer that
	 * cannot be read, a close, an interrupt), the exception lists every operation not confirmed
	 * applied by an answer, in batch order, and carries the first failure as its cause.</li>
	 * </ul>
	 * @param operations collects the writes
	 * @return what was applied and how many requests it took
	 */
	BatchResult batch(Consumer<Batch<V>> operations);

	/**
	 * Applies writes all-or-nothing with one {@code TransactWriteItems} call (its retries carry the
	 * same {@code ClientRequestToken}, so it applies at most once). At most 100 distinct keys (else
	 * {@link IllegalArgumentException} before anything is sent); the last operation per key wins.
	 * Never falls back to non-atomic writes. If it throws {@link AtomicBatchException}, nothing was
	 * written: the transaction was cancelled or refused (or the endpoint does not support
	 * transactions; dynalite does not), and no earlier attempt of the call may have been applied.
	 * If an earlier attempt's answer was lost and a later one failed, or no answer came at all, it
	 * throws {@link AtomicBatchOutcomeUnknownException}: applied entirely or not at all, unknown
	 * which.
	 * @param operations collects the writes
	 */
	void atomicBatch(Consumer<Batch<V>> operations);

}
