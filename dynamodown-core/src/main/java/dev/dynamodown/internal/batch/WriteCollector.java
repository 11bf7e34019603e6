package dev.dynamodown.internal.batch;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import dev.dynamodown.Batch;
import dev.dynamodown.ValueCodec;
import dev.dynamodown.internal.Keys;
import dev.dynamodown.internal.store.Store;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The {@link Batch} handed to the user's callback: validates and encodes each write at once
 * (key rules, codec, item rules), and keeps only the last write per key. Keys keep the position
 * of their first write; the content is that of their last. Sends nothing; refuses writes once
 * the callback has returned.
 *
 * @param <V> the value type
 */
public final class WriteCollector<V> implements Batch<V> {

	private final Store store;

	private final ValueCodec<V> codec;

	private final Map<String, WriteOp> writes = new LinkedHashMap<>();

	private boolean sealed;

	public WriteCollector(Store store, ValueCodec<V> codec) {
		this.store = store;
		this.codec = codec;
	}

	@Override
	public Batch<V> put(String key, V value) {
		ensureOpen();
		Keys.requireValid(key, "key");
		Objects.requireNonNull(value, "'value' must not be null");
		Map<String, AttributeValue> encoded = this.codec.encode(value);
		this.writes.put(key, WriteOp.put(key, this.store.item(key, encoded)));
		return this;
	}

	@Override
	public Batch<V> delete(String key) {
		ensureOpen();
		Keys.requireValid(key, "key");
		this.writes.put(key, WriteOp.delete(key, this.store.key(key)));
		return this;
	}

	/**
	 * Seals the batch and returns its writes, one per key.
	 * @return the writes in order of each key's first write
	 */
	public List<WriteOp> seal() {
		this.sealed = true;
		return List.copyOf(this.writes.values());
	}

	private void ensureOpen() {
		if (this.sealed) {
			throw new IllegalStateException("This batch has already been submitted; write inside the callback only");
		}
	}

}
