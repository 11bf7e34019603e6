package dev.dynamodown;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * A sorted key-value store living in one partition of a DynamoDB table: every item whose
 * hash-key attribute equals {@link #namespace()}; the item's range-key attribute is the key.
 * <p>
 * <b>Keys</b> are non-empty strings of at most 1024 UTF-8 bytes, without lone surrogates, and
 * sort in UTF-8 byte order (DynamoDB's order, which is Unicode code point order, not
 * {@link String#compareTo}). <b>Values</b> are mapped to the item's other attributes by a
 * {@link ValueCodec}.
 * <p>
 * <b>Atomicity.</b> Each single-key call ({@link #get}, {@link #put}, {@link #putIfAbsent},
 * {@link #delete}) is one DynamoDB request and atomic for that key. {@link #atomicBatch} is
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
	 * Reads one value with a strongly consistent {@code GetItem}.
	 * @param key the key
	 * @return the value, or empty if the key is absent
	 */
	Optional<V> get(String key);

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
	 * Writes a value only if the key is absent (a conditional {@code PutItem}).
	 * If the client retried the request after its first attempt had in fact been applied,
	 * the condition fails on this call's own write; that case is recognised and reported as
	 * {@code true}, never as "the key existed".
	 * @param key the key
	 * @param value the value
	 * @return {@code true} if this call wrote the value, {@code false} if another write had
	 * the key already
	 */
	boolean putIfAbsent(String key, V value);

	/**
	 * Deletes a key with {@code DeleteItem}; no error if it is absent.
	 * @param key the key
	 */
	void delete(String key);

	/**
	 * Streams the entries of a range, lazily and page by page, in key order (descending if the
	 * range is {@linkplain KeyRange#reverse() reversed}). Nothing is read before the first entry
	 * is asked for, and the second page not before the first is consumed; from then on the next
	 * page is requested in the background while the current one is consumed, so at most two pages
	 * are held in memory and a stream closed mid-scan may have read one page more than it
	 * returned. No page is read that the range's {@linkplain KeyRange#limit(int) limit} does not
	 * need. Close the stream (try-with-resources) when it is not consumed to the end.
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
	 * Counts the keys of a range with {@code Select.COUNT} queries (no values are transferred).
	 * The range's limit, if any, caps the count.
	 * @param range the keys to count
	 * @return the number of keys
	 */
	long count(KeyRange range);

	/**
	 * Deletes every key of a range: reads the keys only and deletes them in concurrent
	 * {@code BatchWriteItem} requests. NOT atomic: on failure a {@link BatchWriteException}
	 * says which deletes may not have been applied; keys written concurrently may survive.
	 * @param range the keys to delete
	 * @return how many keys were deleted
	 */
	long clear(KeyRange range);

	/** Deletes every key of this store: {@code clear(KeyRange.all())}. NOT atomic. */
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
	 * that may not have been.</li>
	 * </ul>
	 * @param operations collects the writes
	 * @return what was applied and how many requests it took
	 */
	BatchResult batch(Consumer<Batch<V>> operations);

	/**
	 * Applies writes all-or-nothing with one {@code TransactWriteItems} request. At most 100
	 * distinct keys (else {@link IllegalArgumentException} before anything is sent); the last
	 * operation per key wins. Never falls back to non-atomic writes: if the transaction is
	 * cancelled or the endpoint does not support transactions (dynalite does not), an
	 * {@link AtomicBatchException} is thrown and nothing was written.
	 * @param operations collects the writes
	 */
	void atomicBatch(Consumer<Batch<V>> operations);

}
