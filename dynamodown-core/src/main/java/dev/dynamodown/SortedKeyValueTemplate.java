package dev.dynamodown;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Stream;

import dev.dynamodown.internal.Keys;
import dev.dynamodown.internal.batch.BatchGetter;
import dev.dynamodown.internal.batch.BatchWriter;
import dev.dynamodown.internal.batch.RangeClearer;
import dev.dynamodown.internal.batch.TransactionWriter;
import dev.dynamodown.internal.batch.WriteCollector;
import dev.dynamodown.internal.batch.WriteOp;
import dev.dynamodown.internal.codec.Decoding;
import dev.dynamodown.internal.query.RangeCounter;
import dev.dynamodown.internal.query.RangeReader;
import dev.dynamodown.internal.store.ItemOperations;
import dev.dynamodown.internal.store.OperationTimer;
import dev.dynamodown.internal.store.Store;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A sorted key-value store bound to one namespace of one table, with values mapped by a
 * {@link ValueCodec}: the implementation of {@link SortedKeyValueOperations}. Obtain one from
 * {@link DynamoDown#template}. Immutable and thread-safe; cheap to create.
 * <p>
 * The table's key attribute names are discovered with one {@code DescribeTable} on first use and
 * cached by the {@link DynamoDown}; a table that cannot host stores raises
 * {@link TableSchemaException} then, not when the template is created. Arguments are checked
 * before any request. Every operation is reported to the {@link DynamoDownListener}.
 *
 * @param <V> the value type
 * @see SortedKeyValueOperations for the guarantees of each operation (what is atomic, what is
 * retried)
 */
public class SortedKeyValueTemplate<V> implements SortedKeyValueOperations<V> {

	private final Store store;

	private final ValueCodec<V> codec;

	private final ItemOperations items;

	SortedKeyValueTemplate(Store store, ValueCodec<V> codec) {
		this.store = store;
		this.codec = codec;
		this.items = new ItemOperations(store);
	}

	@Override
	public String table() {
		return this.store.table();
	}

	@Override
	public String namespace() {
		return this.store.namespace();
	}

	/** The codec mapping values to attributes. */
	public ValueCodec<V> codec() {
		return this.codec;
	}

	@Override
	public Optional<V> get(String key) {
		return this.store.call("get", () -> this.items.get(Keys.requireValid(key, "key"))
			.map((attributes) -> Decoding.decode(this.codec, key, attributes)));
	}

	@Override
	public Map<String, V> getAll(Collection<String> keys) {
		Objects.requireNonNull(keys, "'keys' must not be null");
		return this.store.call("getAll", () -> {
			Set<String> distinct = new LinkedHashSet<>();
			for (String key : keys) {
				distinct.add(Keys.requireValid(key, "keys element"));
			}
			Map<String, V> values = new TreeMap<>(Keys.UTF8_ORDER);
			new BatchGetter(this.store).get(List.copyOf(distinct))
				.forEach((key, attributes) -> values.put(key, Decoding.decode(this.codec, key, attributes)));
			return Collections.unmodifiableMap(values);
		});
	}

	@Override
	public void put(String key, V value) {
		this.store.run("put", () -> this.items.put(item(key, value)));
	}

	/**
	 * {@inheritDoc}
	 * <p>
	 * A retry is recognised by comparing the item that made the condition fail with the item
	 * this call writes. A different writer that wrote an identical item just before cannot be told
	 * apart from this call's own earlier attempt, and is also reported as {@code true}.
	 */
	@Override
	public boolean putIfAbsent(String key, V value) {
		return this.store.call("putIfAbsent", () -> this.items.putIfAbsent(key, item(key, value)));
	}

	/**
	 * Writes a value only if a condition holds when DynamoDB applies the write: one conditional
	 * {@code PutItem}, atomic for the key (for example, optimistic locking on a version attribute).
	 * Beyond the public contract ({@code API.md}).
	 * <p>
	 * {@code false} means the condition did not hold and nothing was written. A retry by the client
	 * that meets this call's own earlier attempt (applied, its answer lost) is recognised only when
	 * the client really made more than one attempt and the key holds exactly the item this call
	 * writes, and then reported as {@code true}; a different writer that wrote the identical item in
	 * between cannot be told apart from it.
	 * @param key the key
	 * @param value the value
	 * @param condition what must hold; an {@link WriteCondition#attributeEquals attribute} must be a
	 * value attribute, not a key attribute of the table
	 * @return whether the value was written
	 * @throws IllegalArgumentException before any write, for a bad key, value or condition
	 */
	public boolean putIf(String key, V value, WriteCondition condition) {
		Objects.requireNonNull(condition, "'condition' must not be null");
		return this.store.call("putIf", () -> this.items.putIf(key, item(key, value), checked(condition)));
	}

	/**
	 * Deletes a key only if a condition holds when DynamoDB applies the delete: one conditional
	 * {@code DeleteItem}, atomic for the key. Beyond the public contract ({@code API.md}).
	 * {@code false} means the condition did not hold and nothing was deleted; a retry by the client
	 * that finds the key absent after more than one attempt is this call's own earlier attempt, and
	 * reported as {@code true}.
	 * @param key the key
	 * @param condition what must hold (see {@link #putIf})
	 * @return whether the item was deleted
	 * @throws IllegalArgumentException before any request, for a bad key or condition
	 */
	public boolean deleteIf(String key, WriteCondition condition) {
		Objects.requireNonNull(condition, "'condition' must not be null");
		return this.store.call("deleteIf",
				() -> this.items.deleteIf(Keys.requireValid(key, "key"), checked(condition)));
	}

	@Override
	public void delete(String key) {
		this.store.run("delete", () -> this.items.delete(Keys.requireValid(key, "key")));
	}

	@Override
	public Stream<KeyValue<V>> range(KeyRange range) {
		return items(range, false).map(this::entry);
	}

	@Override
	public Stream<String> keys(KeyRange range) {
		return items(range, true).map((item) -> this.store.schema().rangeValue(item));
	}

	@Override
	public Stream<V> values(KeyRange range) {
		return items(range, false).map((item) -> entry(item).value());
	}

	@Override
	public List<KeyValue<V>> list(KeyRange range) {
		try (Stream<KeyValue<V>> entries = range(range)) {
			return entries.toList();
		}
	}

	@Override
	public long count(KeyRange range) {
		Objects.requireNonNull(range, "'range' must not be null");
		return this.store.call("count", () -> new RangeCounter(this.store).count(range));
	}

	/**
	 * {@inheritDoc}
	 * <p>
	 * Keys are read (keys only) and deleted in blocks, so a huge range is never held in memory.
	 * On failure, the {@link BatchWriteException} lists the deletes of the failing block that may
	 * not have been applied; keys after that block were not read, and its
	 * {@link BatchWriteException#applied()} counts every delete applied so far.
	 */
	@Override
	public long clear(KeyRange range) {
		Objects.requireNonNull(range, "'range' must not be null");
		return this.store.call("clear", () -> new RangeClearer(this.store).clear(range));
	}

	@Override
	public void destroy() {
		clear(KeyRange.all());
	}

	@Override
	public BatchResult batch(Consumer<Batch<V>> operations) {
		Objects.requireNonNull(operations, "'operations' must not be null");
		return this.store.call("batch", () -> new BatchWriter(this.store, "batch").write(collect(operations)));
	}

	@Override
	public void atomicBatch(Consumer<Batch<V>> operations) {
		Objects.requireNonNull(operations, "'operations' must not be null");
		this.store.run("atomicBatch", () -> new TransactionWriter(this.store).write(collect(operations)));
	}

	@Override
	public String toString() {
		return "SortedKeyValueTemplate[" + table() + "/" + namespace() + "]";
	}

	private Map<String, AttributeValue> item(String key, V value) {
		Keys.requireValid(key, "key");
		Objects.requireNonNull(value, "'value' must not be null");
		return this.store.item(key, this.codec.encode(value));
	}

	private WriteCondition checked(WriteCondition condition) {
		condition.attribute().ifPresent((attribute) -> {
			if (attribute.equals(this.store.schema().hashName()) || attribute.equals(this.store.schema().rangeName())) {
				throw new IllegalArgumentException("A WriteCondition on '" + attribute + "', a key attribute of table '"
						+ table() + "', is not a condition on the item's value");
			}
		});
		return condition;
	}

	private List<WriteOp> collect(Consumer<Batch<V>> operations) {
		WriteCollector<V> batch = new WriteCollector<>(this.store, this.codec);
		operations.accept(batch);
		return batch.seal();
	}

	private Stream<Map<String, AttributeValue>> items(KeyRange range, boolean keysOnly) {
		Objects.requireNonNull(range, "'range' must not be null");
		OperationTimer timer = this.store.start("range");
		try {
			return new RangeReader(this.store).stream(range, keysOnly, "range", timer::finish);
		}
		catch (RuntimeException ex) {
			timer.finish(ex);
			throw ex;
		}
	}

	private KeyValue<V> entry(Map<String, AttributeValue> item) {
		String key = this.store.schema().rangeValue(item);
		return new KeyValue<>(key, Decoding.decode(this.codec, key, this.store.schema().valueAttributes(item)));
	}

}
