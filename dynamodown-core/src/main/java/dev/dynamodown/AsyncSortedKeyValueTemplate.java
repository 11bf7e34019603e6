package dev.dynamodown;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.function.Consumer;

import dev.dynamodown.internal.pipeline.StoreOperations;

/**
 * A sorted key-value store bound to one namespace of one table, with values mapped by a
 * {@link ValueCodec}: the asynchronous implementation of {@link AsyncSortedKeyValueOperations}.
 * Obtain one from {@link AsyncDynamoDown#template}. Immutable and thread-safe; cheap to create.
 * <p>
 * It runs the same pipeline as the blocking {@link SortedKeyValueTemplate} (validation, item
 * layout, query planning, batches, retries, listener reports); only the client that sends the
 * requests differs. Items written by one are read by the other.
 *
 * @param <V> the value type
 * @see SortedKeyValueOperations for the guarantees of each operation (what is atomic, what is
 * retried)
 */
public class AsyncSortedKeyValueTemplate<V> implements AsyncSortedKeyValueOperations<V> {

	private final StoreOperations<V> operations;

	AsyncSortedKeyValueTemplate(StoreOperations<V> operations) {
		this.operations = operations;
	}

	@Override
	public String table() {
		return this.operations.table();
	}

	@Override
	public String namespace() {
		return this.operations.namespace();
	}

	/** The codec mapping values to attributes. */
	public ValueCodec<V> codec() {
		return this.operations.codec();
	}

	@Override
	public CompletableFuture<Optional<V>> get(String key) {
		return this.operations.get(key).result();
	}

	@Override
	public CompletableFuture<Map<String, V>> getAll(Collection<String> keys) {
		return this.operations.getAll(keys).result();
	}

	@Override
	public CompletableFuture<Void> put(String key, V value) {
		return this.operations.put(key, value).result();
	}

	@Override
	public CompletableFuture<Boolean> putIfAbsent(String key, V value) {
		return this.operations.putIfAbsent(key, value).result();
	}

	/**
	 * Writes a value only if a condition holds when DynamoDB applies the write: one conditional
	 * {@code PutItem}, atomic for the key; see {@link SortedKeyValueTemplate#putIf}.
	 * @param key the key
	 * @param value the value
	 * @param condition what must hold, on a value attribute
	 * @return whether the value was written; fails with {@link IllegalArgumentException} before any
	 * write for a bad key, value or condition
	 */
	public CompletableFuture<Boolean> putIf(String key, V value, WriteCondition condition) {
		return this.operations.putIf(key, value, condition).result();
	}

	/**
	 * Deletes a key only if a condition holds when DynamoDB applies the delete: one conditional
	 * {@code DeleteItem}, atomic for the key; see {@link SortedKeyValueTemplate#deleteIf}.
	 * @param key the key
	 * @param condition what must hold, on a value attribute
	 * @return whether the item was deleted
	 */
	public CompletableFuture<Boolean> deleteIf(String key, WriteCondition condition) {
		return this.operations.deleteIf(key, condition).result();
	}

	@Override
	public CompletableFuture<Void> delete(String key) {
		return this.operations.delete(key).result();
	}

	@Override
	public Flow.Publisher<KeyValue<V>> range(KeyRange range) {
		return this.operations.publisher(range, false, this.operations::entry);
	}

	@Override
	public Flow.Publisher<String> keys(KeyRange range) {
		return this.operations.publisher(range, true, (schema, item) -> schema.rangeValue(item));
	}

	@Override
	public Flow.Publisher<V> values(KeyRange range) {
		return this.operations.publisher(range, false, this.operations::value);
	}

	@Override
	public CompletableFuture<List<KeyValue<V>>> list(KeyRange range) {
		return this.operations.list(range).result();
	}

	@Override
	public CompletableFuture<Long> count(KeyRange range) {
		return this.operations.count(range).result();
	}

	@Override
	public CompletableFuture<Long> clear(KeyRange range) {
		return this.operations.clear(range).result();
	}

	@Override
	public CompletableFuture<Void> destroy() {
		return this.operations.destroy().result();
	}

	@Override
	public CompletableFuture<BatchResult> batch(Consumer<Batch<V>> operations) {
		return this.operations.batch(operations).result();
	}

	@Override
	public CompletableFuture<Void> atomicBatch(Consumer<Batch<V>> operations) {
		return this.operations.atomicBatch(operations).result();
	}

	@Override
	public CompletableFuture<Boolean> exists(String key) {
		return this.operations.exists(key).result();
	}

	@Override
	public CompletableFuture<Void> put(String key, V value, Duration ttl) {
		return this.operations.put(key, value, ttl).result();
	}

	@Override
	public CompletableFuture<Boolean> putIfAbsent(String key, V value, Duration ttl) {
		return this.operations.putIfAbsent(key, value, ttl).result();
	}

	@Override
	public CompletableFuture<Optional<V>> getAndDelete(String key) {
		return this.operations.getAndDelete(key).result();
	}

	/**
	 * The same store and codec, read with another consistency: a new template over the same items
	 * (this one is unchanged).
	 * @param consistentReads {@code true} for strongly consistent reads (read-your-writes),
	 * {@code false} for eventually consistent ones, at half the read capacity, which may miss writes
	 * of about the last second
	 * @return the template
	 * @see DynamoDownOptions#consistentReads()
	 */
	public AsyncSortedKeyValueTemplate<V> withConsistentReads(boolean consistentReads) {
		return new AsyncSortedKeyValueTemplate<>(this.operations.withConsistentReads(consistentReads));
	}

	/**
	 * Whether {@code get}, {@code getAll}, {@code exists}, range reads and {@code count} are
	 * strongly consistent.
	 */
	public boolean consistentReads() {
		return this.operations.consistentReads();
	}

	@Override
	public String toString() {
		return "AsyncSortedKeyValueTemplate[" + table() + "/" + namespace() + "]";
	}

}
