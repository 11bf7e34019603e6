package dev.dynamodown.internal.batch;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import dev.dynamodown.Batch;
import dev.dynamodown.BatchOperation;
import dev.dynamodown.ValueCodec;
import dev.dynamodown.internal.Keys;
import dev.dynamodown.internal.schema.TableSchema;
import dev.dynamodown.internal.store.Store;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The {@link Batch} handed to the user's callback, which runs on the calling thread: validates and
 * encodes each write at once (key rules, codec), and keeps only the last write per key (keys keep
 * the position of their first write, the content is that of their last). Sends nothing; refuses
 * writes once the callback has returned.
 * <p>
 * The rules that depend on the table's key attribute names (a value field named like a key
 * attribute, the item size) are checked at once when the table's layout is known already;
 * otherwise (the store's first use) every write, superseded ones included, is checked by
 * {@link #writes(TableSchema)} once the layout is known, before anything is sent. Either way, one
 * invalid write means nothing of the batch is written.
 *
 * @param <V> the value type
 */
public final class WriteCollector<V> implements Batch<V> {

	private final Store store;

	private final ValueCodec<V> codec;

	private final @Nullable TableSchema schema;

	private final Map<String, WriteOp> writes = new LinkedHashMap<>();

	/** Every write in order, while the table's layout is unknown: checked when it is known. */
	private final List<Unchecked> unchecked = new ArrayList<>();

	private boolean sealed;

	public WriteCollector(Store store, ValueCodec<V> codec) {
		this.store = store;
		this.codec = codec;
		this.schema = store.knownSchema();
	}

	@Override
	public Batch<V> put(String key, V value) {
		return addPut(key, value, null);
	}

	@Override
	public Batch<V> put(String key, V value, Duration ttl) {
		Objects.requireNonNull(ttl, "'ttl' must not be null");
		return addPut(key, value, ttl);
	}

	@Override
	public Batch<V> delete(String key) {
		ensureOpen();
		Keys.requireValid(key, "key");
		add(new Unchecked(BatchOperation.Kind.DELETE, key, null, null));
		return this;
	}

	/** A put; {@code ttl} {@code null} for an entry that does not expire. */
	private Batch<V> addPut(String key, V value, @Nullable Duration ttl) {
		ensureOpen();
		Keys.requireValid(key, "key");
		Objects.requireNonNull(value, "'value' must not be null");
		AttributeValue expiresAt = (ttl != null) ? this.store.expiry().expiresAt(ttl) : null;
		add(new Unchecked(BatchOperation.Kind.PUT, key, this.codec.encode(value), expiresAt));
		return this;
	}

	/**
	 * Seals the batch: no more writes.
	 * @return how many distinct keys it writes
	 */
	public int seal() {
		this.sealed = true;
		return this.schema != null ? this.writes.size()
				: (int) this.unchecked.stream().map(Unchecked::key).distinct().count();
	}

	/**
	 * The writes of a sealed batch, one per key, in order of each key's first write.
	 * @param schema the table's key layout
	 * @return the writes
	 * @throws IllegalArgumentException if a write breaks a rule of the item
	 */
	public List<WriteOp> writes(TableSchema schema) {
		for (Unchecked write : this.unchecked) {
			this.writes.put(write.key(), write.check(this.store, schema));
		}
		this.unchecked.clear();
		return List.copyOf(this.writes.values());
	}

	private void add(Unchecked write) {
		if (this.schema != null) {
			this.writes.put(write.key(), write.check(this.store, this.schema));
		}
		else {
			this.unchecked.add(write);
		}
	}

	private void ensureOpen() {
		if (this.sealed) {
			throw new IllegalStateException("This batch has already been submitted; write inside the callback only");
		}
	}

	/** A write whose item is not built yet. */
	private record Unchecked(BatchOperation.Kind kind, String key, @Nullable Map<String, AttributeValue> value,
			@Nullable AttributeValue expiresAt) {

		WriteOp check(Store store, TableSchema schema) {
			return (this.value != null) ? WriteOp.put(this.key, store.item(schema, this.key, this.value, this.expiresAt))
					: WriteOp.delete(this.key, store.key(schema, this.key));
		}

	}

}
