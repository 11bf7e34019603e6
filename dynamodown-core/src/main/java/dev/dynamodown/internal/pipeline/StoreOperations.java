package dev.dynamodown.internal.pipeline;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.stream.Stream;

import dev.dynamodown.Batch;
import dev.dynamodown.BatchResult;
import dev.dynamodown.DynamoDownException;
import dev.dynamodown.KeyRange;
import dev.dynamodown.KeyValue;
import dev.dynamodown.ValueCodec;
import dev.dynamodown.WriteCondition;
import dev.dynamodown.internal.Futures;
import dev.dynamodown.internal.Keys;
import dev.dynamodown.internal.batch.BatchGetter;
import dev.dynamodown.internal.batch.BatchWriter;
import dev.dynamodown.internal.batch.RangeClearer;
import dev.dynamodown.internal.batch.TransactionWriter;
import dev.dynamodown.internal.batch.WriteCollector;
import dev.dynamodown.internal.batch.WriteOp;
import dev.dynamodown.internal.codec.Decoding;
import dev.dynamodown.internal.paging.PagePublisher;
import dev.dynamodown.internal.paging.PageSource;
import dev.dynamodown.internal.paging.PageStream;
import dev.dynamodown.internal.query.RangeCounter;
import dev.dynamodown.internal.query.RangeSources;
import dev.dynamodown.internal.schema.TableSchema;
import dev.dynamodown.internal.store.Operation;
import dev.dynamodown.internal.store.OperationTimer;
import dev.dynamodown.internal.store.Store;
import dev.dynamodown.internal.store.StoreLocation;
import dev.dynamodown.internal.store.StoreRuntime;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;

/**
 * The pipeline of one store: every public operation of {@code SortedKeyValueOperations}, written
 * once on futures, for the blocking template (which waits for them) and the asynchronous one
 * (which returns them). Each method validates its arguments and encodes values on the calling
 * thread before any request (a bad argument fails the operation, never sends anything), discovers
 * the table's layout, builds items ({@link Store#item}), has the store's shard count checked
 * ({@link Store#whenReadable}, {@link Store#whenWritable}: once per store, after the items are
 * built and before the first request that reads or writes them), sends its requests through the
 * store's edge, decodes, and reports to the listener through its {@link Operation}.
 *
 * @param <V> the value type
 */
public final class StoreOperations<V> {

	private final Store store;

	private final ValueCodec<V> codec;

	private final ConditionalWrite conditional;

	public StoreOperations(Store store, ValueCodec<V> codec) {
		this.store = store;
		this.codec = codec;
		this.conditional = new ConditionalWrite(store);
	}

	public String table() {
		return this.store.table();
	}

	public String namespace() {
		return this.store.namespace();
	}

	public ValueCodec<V> codec() {
		return this.codec;
	}

	/** {@code GetItem}, strongly consistent. */
	public Operation<Optional<V>> get(String key) {
		return this.store.start("get", (operation) -> {
			Keys.requireValid(key, "key");
			return this.store.schema().thenCompose((schema) -> this.store.whenReadable(schema, () -> this.store.calls()
				.getItem(GetItemRequest.builder()
					.tableName(table())
					.key(this.store.key(schema, key))
					.consistentRead(true)
					.build()))
				.thenApply((response) -> (!response.hasItem() || response.item().isEmpty()) ? Optional.<V>empty()
						: Optional.of(Decoding.decode(this.codec, key, schema.valueAttributes(response.item())))));
		});
	}

	/** {@code BatchGetItem} of the distinct keys; the map iterates in key order. */
	public Operation<Map<String, V>> getAll(Collection<String> keys) {
		return this.store.start("getAll", (operation) -> {
			Objects.requireNonNull(keys, "'keys' must not be null");
			Set<String> distinct = new LinkedHashSet<>();
			for (String key : keys) {
				distinct.add(Keys.requireValid(key, "keys element"));
			}
			if (distinct.isEmpty()) {
				return CompletableFuture.completedFuture(Map.of());
			}
			return this.store.schema().thenCompose((schema) -> this.store.whenReadable(schema, () -> {
				BatchGetter.Run read = new BatchGetter(this.store, schema).prepare(List.copyOf(distinct));
				operation.onStop(read::stop);
				read.start();
				return read.result();
			})).thenApply((found) -> {
				Map<String, V> values = new TreeMap<>(Keys.UTF8_ORDER);
				found.forEach((key, attributes) -> values.put(key, Decoding.decode(this.codec, key, attributes)));
				return Collections.unmodifiableMap(values);
			});
		});
	}

	/** {@code PutItem}. */
	public Operation<Void> put(String key, V value) {
		return this.store.start("put", (operation) -> {
			Map<String, AttributeValue> encoded = encode(key, value);
			return this.store.schema().thenCompose((schema) -> {
				PutItemRequest request = PutItemRequest.builder()
					.tableName(table())
					.item(this.store.item(schema, key, encoded))
					.build();
				return this.store.whenWritable(schema, () -> this.store.calls().putItem(request));
			}).thenApply((response) -> null);
		});
	}

	/** Conditional {@code PutItem} on the key's absence ({@link ConditionalWrite}). */
	public Operation<Boolean> putIfAbsent(String key, V value) {
		return this.store.start("putIfAbsent", (operation) -> {
			Map<String, AttributeValue> encoded = encode(key, value);
			return this.store.schema().thenCompose((schema) -> {
				Map<String, AttributeValue> item = this.store.item(schema, key, encoded);
				return this.store.whenWritable(schema,
						() -> this.conditional.put(schema, key, item, WriteCondition.itemAbsent()));
			});
		});
	}

	/** Conditional {@code PutItem} ({@link ConditionalWrite}). */
	public Operation<Boolean> putIf(String key, V value, WriteCondition condition) {
		return this.store.start("putIf", (operation) -> {
			Map<String, AttributeValue> encoded = encode(key, value);
			Objects.requireNonNull(condition, "'condition' must not be null");
			return this.store.schema().thenCompose((schema) -> {
				Map<String, AttributeValue> item = this.store.item(schema, key, encoded);
				WriteCondition checked = checked(condition, schema);
				return this.store.whenWritable(schema, () -> this.conditional.put(schema, key, item, checked));
			});
		});
	}

	/** Conditional {@code DeleteItem} ({@link ConditionalWrite}). */
	public Operation<Boolean> deleteIf(String key, WriteCondition condition) {
		return this.store.start("deleteIf", (operation) -> {
			Keys.requireValid(key, "key");
			Objects.requireNonNull(condition, "'condition' must not be null");
			return this.store.schema().thenCompose((schema) -> {
				WriteCondition checked = checked(condition, schema);
				return this.store.whenWritable(schema, () -> this.conditional.delete(schema, key, checked));
			});
		});
	}

	/** {@code DeleteItem}. */
	public Operation<Void> delete(String key) {
		return this.store.start("delete", (operation) -> {
			Keys.requireValid(key, "key");
			return this.store.schema().thenCompose((schema) -> {
				DeleteItemRequest request = DeleteItemRequest.builder()
					.tableName(table())
					.key(this.store.key(schema, key))
					.build();
				return this.store.whenWritable(schema, () -> this.store.calls().deleteItem(request));
			}).thenApply((response) -> null);
		});
	}

	/** A whole range, collected. Reported as {@code range}. */
	public Operation<List<KeyValue<V>>> list(KeyRange range) {
		return this.store.start("range", (operation) -> {
			Objects.requireNonNull(range, "'range' must not be null");
			PageSource<KeyValue<V>> source = source(range, false, this::entry);
			operation.onStop((reason) -> source.close());
			List<KeyValue<V>> entries = new ArrayList<>();
			return Futures.repeat(() -> source.next().thenApply((page) -> {
				entries.addAll(page.items());
				return !page.last();
			})).whenComplete((done, failure) -> source.close()).thenApply((done) -> Collections.unmodifiableList(entries));
		});
	}

	/** {@code Select.COUNT} queries ({@link RangeCounter}). */
	public Operation<Long> count(KeyRange range) {
		return this.store.start("count", (operation) -> {
			Objects.requireNonNull(range, "'range' must not be null");
			return new RangeCounter(this.store).count(range);
		});
	}

	/** Keys read and deleted in blocks ({@link RangeClearer}). */
	public Operation<Long> clear(KeyRange range) {
		return this.store.start("clear", (operation) -> {
			Objects.requireNonNull(range, "'range' must not be null");
			return new RangeClearer(this.store).clear(range, operation);
		});
	}

	/**
	 * {@code clear(KeyRange.all())}, then, for a sharded store, the record of its shard count
	 * ({@link NamespaceDestroyer}). Reported as {@code clear}.
	 */
	public Operation<Void> destroy() {
		return this.store.start("clear", (operation) -> NamespaceDestroyer.destroy(this.store, operation));
	}

	/**
	 * Destroys the namespace at a location over the shard count recorded for it
	 * ({@link NamespaceDestroyer}). Reported as {@code clear}.
	 * @param runtime the runtime to send with
	 * @param location the namespace
	 * @return the operation
	 */
	public static Operation<Void> destroy(StoreRuntime runtime, StoreLocation location) {
		return NamespaceDestroyer.destroy(runtime, location);
	}

	/** {@code BatchWriteItem} ({@link BatchWriter}). NOT atomic. */
	public Operation<BatchResult> batch(Consumer<Batch<V>> operations) {
		return this.store.start("batch", (operation) -> {
			WriteCollector<V> batch = collect(operations);
			return this.store.schema().thenCompose((schema) -> {
				List<WriteOp> writes = batch.writes(schema);
				if (writes.isEmpty()) {
					return CompletableFuture.completedFuture(new BatchResult(0, 0, 0));
				}
				return this.store.whenWritable(schema, () -> {
					BatchWriter.Run run = new BatchWriter(this.store, schema, "batch").prepare(writes);
					operation.onStop(run::stop);
					run.start();
					return run.result();
				});
			});
		});
	}

	/** One {@code TransactWriteItems} ({@link TransactionWriter}): all or nothing. */
	public Operation<Void> atomicBatch(Consumer<Batch<V>> operations) {
		return this.store.start("atomicBatch", (operation) -> {
			WriteCollector<V> batch = collect(operations);
			TransactionWriter.checkSize(batch.seal());
			return this.store.schema().thenCompose((schema) -> {
				List<WriteOp> writes = batch.writes(schema);
				if (writes.isEmpty()) {
					return CompletableFuture.completedFuture(null);
				}
				return this.store.whenWritable(schema, () -> new TransactionWriter(this.store).write(writes));
			});
		});
	}

	/**
	 * A blocking stream of a range (see {@link #read}); the read is reported as {@code range} when
	 * the stream ends.
	 * @param range the keys to read
	 * @param keysOnly whether to read only the key attributes
	 * @param mapper makes an element from an item read
	 * @param <T> the element type
	 * @return the stream, to be closed by its consumer
	 * @throws NullPointerException if the range is {@code null}
	 * @throws IllegalStateException if the runtime is closed
	 */
	public <T> Stream<T> stream(KeyRange range, boolean keysOnly, BiFunction<TableSchema, Map<String, AttributeValue>, T> mapper) {
		PageSource<T> source = read(range, keysOnly, mapper);
		OperationTimer timer = this.store.timer("range");
		return PageStream.of(source, (interrupted) -> new DynamoDownException(
				this.store.describe("range") + " was interrupted", interrupted), timer::finish);
	}

	/**
	 * A cold publisher of a range: each subscription reads anew, and is reported as {@code range}
	 * when it ends. A bad argument or a closed runtime is signalled with {@code onError} before any
	 * request.
	 * @param range the keys to read
	 * @param keysOnly whether to read only the key attributes
	 * @param mapper makes an element from an item read
	 * @param <T> the element type
	 * @return the publisher
	 */
	public <T> Flow.Publisher<T> publisher(KeyRange range, boolean keysOnly,
			BiFunction<TableSchema, Map<String, AttributeValue>, T> mapper) {
		return PagePublisher.of(() -> read(range, keysOnly, mapper), () -> this.store.timer("range")::finish);
	}

	/** An entry of a store from an item read. */
	public KeyValue<V> entry(TableSchema schema, Map<String, AttributeValue> item) {
		String key = schema.rangeValue(item);
		return new KeyValue<>(key, Decoding.decode(this.codec, key, schema.valueAttributes(item)));
	}

	/** A value of a store from an item read. */
	public V value(TableSchema schema, Map<String, AttributeValue> item) {
		return entry(schema, item).value();
	}

	/** Opens a new, unread source for a range, after checking the arguments. */
	private <T> PageSource<T> read(KeyRange range, boolean keysOnly,
			BiFunction<TableSchema, Map<String, AttributeValue>, T> mapper) {
		Objects.requireNonNull(range, "'range' must not be null");
		this.store.runtime().ensureOpen();
		return source(range, keysOnly, mapper);
	}

	private <T> PageSource<T> source(KeyRange range, boolean keysOnly,
			BiFunction<TableSchema, Map<String, AttributeValue>, T> mapper) {
		return RangeSources.of(this.store, range, keysOnly, "range", mapper);
	}

	/** A condition on a value attribute: a key attribute of the table is refused. */
	private WriteCondition checked(WriteCondition condition, TableSchema schema) {
		condition.attribute().ifPresent((attribute) -> {
			if (attribute.equals(schema.hashName()) || attribute.equals(schema.rangeName())) {
				throw new IllegalArgumentException("A WriteCondition on '" + attribute + "', a key attribute of table '"
						+ table() + "', is not a condition on the item's value");
			}
		});
		return condition;
	}

	private Map<String, AttributeValue> encode(String key, V value) {
		Keys.requireValid(key, "key");
		Objects.requireNonNull(value, "'value' must not be null");
		return this.codec.encode(value);
	}

	/** Runs the user's callback on the calling thread, collecting its writes. */
	private WriteCollector<V> collect(Consumer<Batch<V>> operations) {
		Objects.requireNonNull(operations, "'operations' must not be null");
		WriteCollector<V> batch = new WriteCollector<>(this.store, this.codec);
		operations.accept(batch);
		batch.seal();
		return batch;
	}

}
