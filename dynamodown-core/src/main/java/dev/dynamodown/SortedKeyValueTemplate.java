package dev.dynamodown;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

import dev.dynamodown.internal.pipeline.StoreOperations;
import dev.dynamodown.internal.store.Await;

/**
 * A sorted key-value store bound to one namespace of one table, with values mapped by a
 * {@link ValueCodec}: the blocking implementation of {@link SortedKeyValueOperations}. Obtain one
 * from {@link DynamoDown#template}. Immutable and thread-safe; cheap to create.
 * <p>
 * The table's key attribute names are discovered with one {@code DescribeTable} on first use and
 * cached by the {@link DynamoDown}; a table that cannot host stores raises
 * {@link TableSchemaException} then, not when the template is created. Arguments are checked
 * before any request. Every operation is reported to the {@link DynamoDownListener}.
 * <p>
 * Each call runs the same pipeline as the {@link AsyncSortedKeyValueTemplate} and waits for it:
 * single-key requests are sent on the calling thread, the concurrent requests of batches,
 * {@code getAll} and {@code clear} partly on the {@link DynamoDown}'s threads. The wait is
 * interruptible: an interrupted caller stops the operation (nothing more is sent), gets its
 * failure at once (a {@link BatchWriteException} listing what is not confirmed applied, for a
 * batch), and keeps its interrupt flag.
 *
 * @param <V> the value type
 * @see SortedKeyValueOperations for the guarantees of each operation (what is atomic, what is
 * retried)
 */
public class SortedKeyValueTemplate<V> implements SortedKeyValueOperations<V> {

	private final StoreOperations<V> operations;

	SortedKeyValueTemplate(StoreOperations<V> operations) {
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
	public Optional<V> get(String key) {
		return Await.result(this.operations.get(key));
	}

	@Override
	public Map<String, V> getAll(Collection<String> keys) {
		return Await.result(this.operations.getAll(keys));
	}

	@Override
	public void put(String key, V value) {
		Await.result(this.operations.put(key, value));
	}

	@Override
	public boolean putIfAbsent(String key, V value) {
		return Await.result(this.operations.putIfAbsent(key, value));
	}

	/**
	 * Writes a value only if a condition holds when DynamoDB applies the write: one conditional
	 * {@code PutItem}, atomic for the key (for example, optimistic locking on a version attribute).
	 * <p>
	 * {@code false} means the condition did not hold and nothing was written. A retry by the client
	 * that meets this call's own earlier attempt (applied, its answer lost) is recognised only when
	 * an earlier attempt of this call may have been applied (it failed otherwise than by throttling)
	 * and the key holds exactly the item this call writes, and then reported as {@code true}; a
	 * different writer that wrote the identical item in between cannot be told apart from it.
	 * @param key the key
	 * @param value the value
	 * @param condition what must hold; an {@link WriteCondition#attributeEquals attribute} must be a
	 * value attribute, not a key attribute of the table
	 * @return whether the value was written
	 * @throws IllegalArgumentException before any write, for a bad key, value or condition
	 */
	public boolean putIf(String key, V value, WriteCondition condition) {
		return Await.result(this.operations.putIf(key, value, condition));
	}

	/**
	 * Deletes a key only if a condition holds when DynamoDB applies the delete: one conditional
	 * {@code DeleteItem}, atomic for the key.
	 * {@code false} means the condition did not hold and nothing was deleted; a retry by the client
	 * that finds the key absent after an earlier attempt of this call that may have been applied
	 * (it failed otherwise than by throttling) is this call's own earlier attempt, and reported as
	 * {@code true}.
	 * @param key the key
	 * @param condition what must hold (see {@link #putIf})
	 * @return whether the item was deleted
	 * @throws IllegalArgumentException before any request, for a bad key or condition
	 */
	public boolean deleteIf(String key, WriteCondition condition) {
		return Await.result(this.operations.deleteIf(key, condition));
	}

	@Override
	public void delete(String key) {
		Await.result(this.operations.delete(key));
	}

	@Override
	public Stream<KeyValue<V>> range(KeyRange range) {
		return this.operations.stream(range, false, this.operations::entry);
	}

	@Override
	public Stream<String> keys(KeyRange range) {
		return this.operations.stream(range, true, (schema, item) -> schema.rangeValue(item));
	}

	@Override
	public Stream<V> values(KeyRange range) {
		return this.operations.stream(range, false, this.operations::value);
	}

	@Override
	public List<KeyValue<V>> list(KeyRange range) {
		return Await.result(this.operations.list(range));
	}

	@Override
	public long count(KeyRange range) {
		return Await.result(this.operations.count(range));
	}

	@Override
	public long clear(KeyRange range) {
		return Await.result(this.operations.clear(range));
	}

	@Override
	public void destroy() {
		Await.result(this.operations.destroy());
	}

	@Override
	public BatchResult batch(Consumer<Batch<V>> operations) {
		return Await.result(this.operations.batch(operations));
	}

	@Override
	public void atomicBatch(Consumer<Batch<V>> operations) {
		Await.result(this.operations.atomicBatch(operations));
	}

	@Override
	public boolean exists(String key) {
		return Await.result(this.operations.exists(key));
	}

	@Override
	public void put(String key, V value, Duration ttl) {
		Await.result(this.operations.put(key, value, ttl));
	}

	@Override
	public boolean putIfAbsent(String key, V value, Duration ttl) {
		return Await.result(this.operations.putIfAbsent(key, value, ttl));
	}

	@Override
	public Optional<V> getAndDelete(String key) {
		return Await.result(this.operations.getAndDelete(key));
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
	public SortedKeyValueTemplate<V> withConsistentReads(boolean consistentReads) {
		return new SortedKeyValueTemplate<>(this.operations.withConsistentReads(consistentReads));
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
		return "SortedKeyValueTemplate[" + table() + "/" + namespace() + "]";
	}

}
