package dev.dynamodown.internal.store;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Supplier;

import dev.dynamodown.DynamoDownException;
import dev.dynamodown.DynamoDownListener;
import dev.dynamodown.TableSchemaException;
import dev.dynamodown.internal.AwsErrors;
import dev.dynamodown.internal.io.DynamoCalls;
import dev.dynamodown.internal.item.Expiry;
import dev.dynamodown.internal.item.ItemRules;
import dev.dynamodown.internal.schema.TableSchema;
import dev.dynamodown.internal.shard.ShardLayout;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

/**
 * One store as the machinery sees it: its location and partitioning, its table's key layout
 * (discovered on first use), the check of its shard count against the table's record (before its
 * first request that reads or writes items: {@link #whenReadable}, {@link #whenWritable}), how its
 * items are built, how it reads (consistency, expiry), and the frame every public operation runs in
 * ({@link #start}): refused after close, reported to the {@link DynamoDownListener}, tracked as in
 * flight, AWS SDK failures turned into {@link DynamoDownException}s that name the table, namespace
 * and operation.
 */
public final class Store {

	private final StoreRuntime runtime;

	private final StoreLocation location;

	private final Partitioning partitioning;

	private final ShardCountCheck shardCount;

	private final boolean consistentReads;

	/**
	 * A store of a namespace laid out over some shards.
	 * @param runtime what it shares with the other stores of its {@code DynamoDown}
	 * @param location its table and namespace
	 * @param layout the namespace's layout, of {@code location}'s namespace
	 */
	public Store(StoreRuntime runtime, StoreLocation location, ShardLayout layout) {
		if (!layout.namespace().equals(location.namespace())) {
			throw new IllegalArgumentException("The layout of " + layout + " is not that of namespace '"
					+ location.namespace() + "'");
		}
		this.runtime = runtime;
		this.location = location;
		this.partitioning = Partitioning.of(layout);
		this.shardCount = new ShardCountCheck(runtime.calls(), location, layout, runtime.verifiedShardCounts());
		this.consistentReads = runtime.options().consistentReads();
	}

	/** The same store (its shard count checked once for both), read with another consistency. */
	private Store(Store store, boolean consistentReads) {
		this.runtime = store.runtime;
		this.location = store.location;
		this.partitioning = store.partitioning;
		this.shardCount = store.shardCount;
		this.consistentReads = consistentReads;
	}

	/**
	 * The same store, read with another consistency.
	 * @param consistentReads whether its reads are strongly consistent
	 * @return the store
	 */
	public Store withConsistentReads(boolean consistentReads) {
		return (consistentReads == this.consistentReads) ? this : new Store(this, consistentReads);
	}

	/**
	 * Whether the reads that answer the caller ({@code get}, {@code getAll}, {@code exists}, range
	 * reads, {@code count}) are strongly consistent. The reads that decide a write are always.
	 */
	public boolean consistentReads() {
		return this.consistentReads;
	}

	/** When this store's entries expire. */
	public Expiry expiry() {
		return this.runtime.expiry();
	}

	public StoreRuntime runtime() {
		return this.runtime;
	}

	/** The edge this store's requests leave by. */
	public DynamoCalls calls() {
		return this.runtime.calls();
	}

	public String table() {
		return this.location.table();
	}

	public String namespace() {
		return this.location.namespace();
	}

	public Partitioning partitioning() {
		return this.partitioning;
	}

	/**
	 * The table's key layout, described once per runtime and table. If another caller's
	 * {@code DescribeTable} is still on its way, this caller's work goes on where the edge forks
	 * work once it arrives, not on the thread of the caller that sent it.
	 * @return the schema, or a future failed with {@link TableSchemaException} if the table is
	 * missing or cannot host stores
	 */
	public CompletableFuture<TableSchema> schema() {
		return joined(this.runtime.schemas().schema(table()));
	}

	/**
	 * Sends a request that reads items once the store's shard count is checked against the table's
	 * record ({@link ShardCountCheck#beforeRead}): at once when it has been.
	 * @param schema the table's key layout
	 * @param request sends the request
	 * @param <T> the answer's type
	 * @return the answer, or a future failed with a {@link DynamoDownException} naming both counts
	 * if the namespace is laid out over another count
	 */
	public <T> CompletableFuture<T> whenReadable(TableSchema schema, Supplier<CompletableFuture<T>> request) {
		return readable(schema).thenCompose((checked) -> request.get());
	}

	/**
	 * The check of the store's shard count before it reads items ({@link ShardCountCheck#beforeRead}):
	 * complete at once once it has passed.
	 * @param schema the table's key layout
	 * @return completes when the store may read, or fails with a {@link DynamoDownException} naming
	 * both counts if the namespace is laid out over another count
	 */
	public CompletableFuture<Void> readable(TableSchema schema) {
		return joined(this.shardCount.beforeRead(schema));
	}

	/**
	 * Sends a request that writes items once the store's shard count is checked against the
	 * table's record, and the namespace claimed for it if it is sharded and unclaimed
	 * ({@link ShardCountCheck#beforeWrite}): at once when it has been.
	 * @param schema the table's key layout
	 * @param request sends the request
	 * @param <T> the answer's type
	 * @return the answer, or a future failed with a {@link DynamoDownException} naming both counts
	 * if the namespace is laid out over, or was claimed first by, another count
	 */
	public <T> CompletableFuture<T> whenWritable(TableSchema schema, Supplier<CompletableFuture<T>> request) {
		return joined(this.shardCount.beforeWrite(schema)).thenCompose((checked) -> request.get());
	}

	/** The record of the shard count was deleted: the next use checks it again, and the next write claims. */
	public void shardCountForgotten() {
		this.shardCount.forget();
	}

	/** The table's key layout if it is known already, else {@code null}. */
	public @Nullable TableSchema knownSchema() {
		return this.runtime.schemas().known(table());
	}

	/** The key attributes of the item holding {@code key}. */
	public Map<String, AttributeValue> key(TableSchema schema, String key) {
		return schema.key(this.partitioning.partitionFor(key), key);
	}

	/**
	 * The item to write for a key and its encoded value, checked against DynamoDB's item rules.
	 * This is the one place where items are built.
	 * @param schema the table's key layout
	 * @param key a valid key
	 * @param value the encoded value's attributes
	 * @param expiresAt when the entry expires ({@link Expiry#expiresAt}), or {@code null} if never
	 * @return the whole item
	 * @throws IllegalArgumentException if the value breaks a rule (e.g. uses a key attribute's name)
	 */
	public Map<String, AttributeValue> item(TableSchema schema, String key, Map<String, AttributeValue> value,
			@Nullable AttributeValue expiresAt) {
		String partition = this.partitioning.partitionFor(key);
		ItemRules.checkItem(schema, partition, key, value, expiresAt);
		Map<String, AttributeValue> item = schema.item(partition, key, value);
		if (expiresAt != null) {
			item.put(schema.expiryName(), expiresAt);
		}
		return item;
	}

	/**
	 * Starts a public operation of this store (see {@link Operation#start}): refused once closed,
	 * reported to the listener under {@code operation}, failures translated by {@link #translate}.
	 * @param operation the operation's name, as reported to the listener
	 * @param body what it does
	 * @param <T> the result type
	 * @return the operation
	 */
	public <T> Operation<T> start(String operation, Function<Operation<T>, CompletableFuture<T>> body) {
		return Operation.start(this.runtime, describe(operation), () -> timer(operation),
				(failure) -> translate(operation, failure), body);
	}

	/** Reports the start of a public operation whose end is reported by someone else (a range read). */
	public OperationTimer timer(String operation) {
		return OperationTimer.start(this.runtime.options().listener(), this.location, operation);
	}

	/**
	 * Translates what an operation failed with: an AWS SDK failure becomes a
	 * {@link DynamoDownException} ({@link #failure}); anything else stays as it is.
	 * @param operation the operation's name
	 * @param failure the unwrapped failure
	 * @return the failure to report
	 */
	public Throwable translate(String operation, Throwable failure) {
		return (failure instanceof SdkException sdk) ? failure(operation, sdk) : failure;
	}

	/**
	 * Translates an AWS SDK failure of an operation. A missing table also evicts its cached
	 * schema, so that a re-created table is described again (and its shard count checked again).
	 * @param operation the operation's name
	 * @param failure what the SDK threw
	 * @return the exception to report
	 */
	public DynamoDownException failure(String operation, SdkException failure) {
		if (failure instanceof ResourceNotFoundException) {
			this.runtime.schemas().evict(table());
			// A table created again under the name holds no record: check and claim it anew.
			this.shardCount.forget();
			return new TableSchemaException(table(), "Table '" + table() + "' does not exist (" + operation
					+ " on namespace '" + namespace() + "')", failure);
		}
		return new DynamoDownException(describe(operation) + " failed: " + AwsErrors.describe(failure), failure);
	}

	/** Names an operation of this store for messages: {@code "put on table 't', namespace 'n'"}. */
	public String describe(String operation) {
		return operation + " on table '" + table() + "', namespace '" + namespace() + "'";
	}

	/**
	 * A future shared with other callers, as this caller's own: if it is still on its way, this
	 * caller's work goes on where the edge forks work once it arrives, not on the thread of the
	 * caller that sent it (with the blocking edge, their requests would queue behind each other).
	 * @param shared the future
	 * @param <T> its result type
	 * @return the future itself if it is done, else one completed alike where the edge forks work
	 */
	public <T> CompletableFuture<T> joined(CompletableFuture<T> shared) {
		if (shared.isDone()) {
			return shared;
		}
		CompletableFuture<T> here = new CompletableFuture<>();
		shared.whenComplete((value, failure) -> calls().fork(() -> {
			if (failure != null) {
				here.completeExceptionally(failure);
			}
			else {
				here.complete(value);
			}
		}));
		return here;
	}

	/** Tells the listener that a batch request is re-sent for unprocessed items or keys. */
	public void batchRetried(int unprocessed) {
		try {
			this.runtime.options().listener().batchRetried(table(), namespace(), unprocessed);
		}
		catch (RuntimeException ex) {
			System.getLogger(Store.class.getName())
				.log(System.Logger.Level.WARNING, "DynamoDownListener failed on batchRetried; ignored", ex);
		}
	}

}
