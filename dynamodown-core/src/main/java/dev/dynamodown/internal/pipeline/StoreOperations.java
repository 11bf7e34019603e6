package dev.dynamodown.internal.pipeline;

import java.math.BigDecimal;
import java.time.Duration;
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
import java.util.function.Supplier;
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
import dev.dynamodown.internal.io.AttemptLog;
import dev.dynamodown.internal.item.Expiry;
import dev.dynamodown.internal.paging.PagePublisher;
import dev.dynamodown.internal.paging.PageSource;
import dev.dynamodown.internal.paging.PageStream;
import dev.dynamodown.internal.query.RangeCounter;
import dev.dynamodown.internal.query.RangeRead;
import dev.dynamodown.internal.query.RangeSources;
import dev.dynamodown.internal.schema.TableSchema;
import dev.dynamodown.internal.store.Operation;
import dev.dynamodown.internal.store.OperationTimer;
import dev.dynamodown.internal.store.Store;
import dev.dynamodown.internal.store.StoreLocation;
import dev.dynamodown.internal.store.StoreRuntime;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

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

	/**
	 * The same store and codec, read with another consistency.
	 * @param consistentReads whether {@code get}, {@code getAll}, {@code exists}, range reads and
	 * {@code count} are strongly consistent
	 * @return the operations
	 */
	public StoreOperations<V> withConsistentReads(boolean consistentReads) {
		Store other = this.store.withConsistentReads(consistentReads);
		return (other == this.store) ? this : new StoreOperations<>(other, this.codec);
	}

	/** Whether the reads that answer the caller are strongly consistent. */
	public boolean consistentReads() {
		return this.store.consistentReads();
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

	/** {@code GetItem}; an expired item is absent. */
	public Operation<Optional<V>> get(String key) {
		return readItem("get", key, (schema, request) -> request, (schema, item) -> value(schema, key, item));
	}

	/** {@code GetItem} of the key attributes and the expiry time only; an expired item is absent. */
	public Operation<Boolean> exists(String key) {
		return readItem("exists", key, (schema, request) -> request.projectionExpression("#r, " + Expiry.NAME)
			.expressionAttributeNames(Map.of("#r", schema.rangeName(), Expiry.NAME, schema.expiryName())),
				(schema, item) -> item != null);
	}

	/**
	 * One {@code DeleteItem} returning the old item; an expired old item is absent. If the client
	 * retried after an attempt that may have been applied and the answer has no old item, the value
	 * is lost: that is an error, not an absent key.
	 */
	public Operation<Optional<V>> getAndDelete(String key) {
		return this.store.start("getAndDelete", (operation) -> {
			Keys.requireValid(key, "key");
			return this.store.schema().thenCompose((schema) -> this.store.whenWritable(schema, () -> {
				BigDecimal now = this.store.expiry().now();
				AttemptLog attempts = new AttemptLog();
				DeleteItemRequest request = attempts.attachTo(DeleteItemRequest.builder()
					.tableName(table())
					.key(this.store.key(schema, key))
					.returnValues(ReturnValue.ALL_OLD), this.store.calls()).build();
				return this.store.calls().deleteItem(request).thenApply((response) -> {
					boolean hadItem = response.hasAttributes() && !response.attributes().isEmpty();
					if (!hadItem && attempts.earlierAttemptMayHaveApplied()) {
						throw new DynamoDownException(this.store.describe("getAndDelete") + " of key '" + key
								+ "': the key is deleted, but its value is lost: an earlier attempt, whose answer was lost, "
								+ "may have deleted it");
					}
					return value(schema, key, live(hadItem, response.attributes(), now));
				});
			}));
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
		return write(key, value, () -> null);
	}

	/** {@code PutItem} of an entry that expires once {@code ttl} has elapsed. */
	public Operation<Void> put(String key, V value, Duration ttl) {
		return write(key, value, () -> this.store.expiry().expiresAt(ttl));
	}

	/** Conditional {@code PutItem} on the key's absence ({@link ConditionalWrite}). */
	public Operation<Boolean> putIfAbsent(String key, V value) {
		return writeIfAbsent(key, value, () -> null);
	}

	/** Conditional {@code PutItem} on the key's absence of an entry that expires once {@code ttl} has elapsed. */
	public Operation<Boolean> putIfAbsent(String key, V value, Duration ttl) {
		return writeIfAbsent(key, value, () -> this.store.expiry().expiresAt(ttl));
	}

	/** Conditional {@code PutItem} ({@link ConditionalWrite}). */
	public Operation<Boolean> putIf(String key, V value, WriteCondition condition) {
		return this.store.start("putIf", (operation) -> {
			Map<String, AttributeValue> encoded = encode(key, value);
			Objects.requireNonNull(condition, "'condition' must not be null");
			return this.store.schema().thenCompose((schema) -> {
				Map<String, AttributeValue> item = this.store.item(schema, key, encoded, null);
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
			PageSource<KeyValue<V>> source = source(range, RangeRead.ENTRIES, this::entry);
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
		PageSource<T> source = read(range, read(keysOnly), mapper);
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
		return PagePublisher.of(() -> read(range, read(keysOnly), mapper), () -> this.store.timer("range")::finish);
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
	private <T> PageSource<T> read(KeyRange range, RangeRead read,
			BiFunction<TableSchema, Map<String, AttributeValue>, T> mapper) {
		Objects.requireNonNull(range, "'range' must not be null");
		this.store.runtime().ensureOpen();
		return source(range, read, mapper);
	}

	private <T> PageSource<T> source(KeyRange range, RangeRead read,
			BiFunction<TableSchema, Map<String, AttributeValue>, T> mapper) {
		return RangeSources.of(this.store, range, read, "range", mapper);
	}

	private static RangeRead read(boolean keysOnly) {
		return keysOnly ? RangeRead.KEYS : RangeRead.ENTRIES;
	}

	/**
	 * {@code PutItem}.
	 * @param expiry the entry's expiry time ({@link Expiry#expiresAt}), {@code null} if it does
	 * not expire; asked for after the key and value are checked, on the calling thread
	 */
	private Operation<Void> write(String key, V value, Supplier<@Nullable AttributeValue> expiry) {
		return this.store.start("put", (operation) -> {
			Map<String, AttributeValue> encoded = encode(key, value);
			AttributeValue expiresAt = expiry.get();
			return this.store.schema().thenCompose((schema) -> {
				PutItemRequest request = PutItemRequest.builder()
					.tableName(table())
					.item(this.store.item(schema, key, encoded, expiresAt))
					.build();
				return this.store.whenWritable(schema, () -> this.store.calls().putItem(request));
			}).thenApply((response) -> null);
		});
	}

	/** Conditional {@code PutItem} on the key's absence; {@code expiry} as for {@link #write}. */
	private Operation<Boolean> writeIfAbsent(String key, V value, Supplier<@Nullable AttributeValue> expiry) {
		return this.store.start("putIfAbsent", (operation) -> {
			Map<String, AttributeValue> encoded = encode(key, value);
			AttributeValue expiresAt = expiry.get();
			return this.store.schema().thenCompose((schema) -> {
				Map<String, AttributeValue> item = this.store.item(schema, key, encoded, expiresAt);
				return this.store.whenWritable(schema,
						() -> this.conditional.put(schema, key, item, WriteCondition.itemAbsent()));
			});
		});
	}

	/**
	 * One {@code GetItem} of a key, read as the store reads (consistency, expiry), once the store's
	 * shard count is checked.
	 * @param operation the public operation
	 * @param key the key, checked here
	 * @param shape adds what the operation asks for to the request
	 * @param result the operation's result from the item, {@code null} if absent or expired
	 * @param <T> the result type
	 * @return the operation
	 */
	private <T> Operation<T> readItem(String operation, String key,
			BiFunction<TableSchema, GetItemRequest.Builder, GetItemRequest.Builder> shape,
			BiFunction<TableSchema, @Nullable Map<String, AttributeValue>, T> result) {
		return this.store.start(operation, (started) -> {
			Keys.requireValid(key, "key");
			return this.store.schema().thenCompose((schema) -> this.store.whenReadable(schema, () -> {
				BigDecimal now = this.store.expiry().now();
				GetItemRequest.Builder request = GetItemRequest.builder()
					.tableName(table())
					.key(this.store.key(schema, key))
					.consistentRead(this.store.consistentReads());
				return this.store.calls()
					.getItem(shape.apply(schema, request).build())
					.thenApply((response) -> result.apply(schema, live(response.hasItem(), response.item(), now)));
			}));
		});
	}

	/**
	 * An item read, unless it is absent or expired.
	 * @param found whether the answer holds an item
	 * @param item the item of the answer
	 * @param now the present when the read was sent
	 * @return the item, or {@code null}
	 */
	private @Nullable Map<String, AttributeValue> live(boolean found, Map<String, AttributeValue> item, BigDecimal now) {
		return (found && !item.isEmpty() && !this.store.expiry().expired(item, now)) ? item : null;
	}

	private Optional<V> value(TableSchema schema, String key, @Nullable Map<String, AttributeValue> item) {
		return (item != null) ? Optional.of(Decoding.decode(this.codec, key, schema.valueAttributes(item))) : Optional.empty();
	}

	/** A condition on a value attribute: a key attribute of the table, or the expiry attribute, is refused. */
	private WriteCondition checked(WriteCondition condition, TableSchema schema) {
		condition.attribute().ifPresent((attribute) -> {
			if (attribute.equals(schema.hashName()) || attribute.equals(schema.rangeName())) {
				throw new IllegalArgumentException("A WriteCondition on '" + attribute + "', a key attribute of table '"
						+ table() + "', is not a condition on the item's value");
			}
			if (attribute.equals(schema.expiryName())) {
				throw new IllegalArgumentException("A WriteCondition on '" + attribute
						+ "', the expiry attribute, is not a condition on the item's value");
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
