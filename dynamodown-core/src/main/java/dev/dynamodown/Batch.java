package dev.dynamodown;

import java.time.Duration;

/**
 * Collects the writes of one {@link SortedKeyValueOperations#batch batch} or
 * {@link SortedKeyValueOperations#atomicBatch atomic batch}. Nothing is sent while the
 * operations are collected; each call validates its arguments at once and throws
 * {@link NullPointerException} / {@link IllegalArgumentException} for a bad key or value,
 * so that a batch with one bad operation sends nothing.
 * <p>
 * Operations on the same key take effect in the order written: the last one wins.
 *
 * @param <V> the value type
 */
public interface Batch<V> {

	/**
	 * Puts {@code value} under {@code key}.
	 * @param key the key, non-empty, at most 1024 UTF-8 bytes
	 * @param value the value, not {@code null}
	 * @return this batch
	 */
	Batch<V> put(String key, V value);

	/**
	 * Puts {@code value} under {@code key}, to expire once {@code ttl} has elapsed (see
	 * {@link SortedKeyValueOperations#put(String, Object, Duration)}); the time to live counts from
	 * this call.
	 * @param key the key, non-empty, at most 1024 UTF-8 bytes
	 * @param value the value, not {@code null}
	 * @param ttl how long the entry lives, positive
	 * @return this batch
	 */
	Batch<V> put(String key, V value, Duration ttl);

	/**
	 * Deletes {@code key}; no error if it is absent.
	 * @param key the key, non-empty, at most 1024 UTF-8 bytes
	 * @return this batch
	 */
	Batch<V> delete(String key);

}
