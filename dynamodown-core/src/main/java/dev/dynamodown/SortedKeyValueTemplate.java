package dev.dynamodown;

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
		clear(KeyRange.all());
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
	public String toString() {
		return "SortedKeyValueTemplate[" + table() + "/" + namespace() + "]";
	}

}
