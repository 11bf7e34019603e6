package dev.dynamodown.internal.store;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import dev.dynamodown.DynamoDownException;
import dev.dynamodown.DynamoDownListener;
import dev.dynamodown.TableSchemaException;
import dev.dynamodown.internal.AwsErrors;
import dev.dynamodown.internal.io.DynamoCalls;
import dev.dynamodown.internal.item.Expiry;
import dev.dynamodown.internal.item.ItemRules;
import dev.dynamodown.internal.schema.TableSchema;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

/**
 * One store as the machinery sees it: its location and partitioning, its table's key layout
 * (discovered on first use), how its items are built, how it reads (consistency, expiry), and
 * the frame every public operation runs in ({@link #start}): refused after close, reported to the
 * {@link DynamoDownListener}, tracked as in flight, AWS SDK failures turned into
 * {@link DynamoDownException}s that name the table, namespace and operation.
 */
public final class Store {

	private final StoreRuntime runtime;

	private final StoreLocation location;

	private final Partitioning partitioning;

	private final boolean consistentReads;

	public Store(StoreRuntime runtime, StoreLocation location) {
		this(runtime, location, Partitioning.single(location.namespace()), runtime.options().consistentReads());
	}

	private Store(StoreRuntime runtime, StoreLocation location, Partitioning partitioning, boolean consistentReads) {
		this.runtime = runtime;
		this.location = location;
		this.partitioning = partitioning;
		this.consistentReads = consistentReads;
	}

	/**
	 * The same store, read with another consistency.
	 * @param consistentReads whether its reads are strongly consistent
	 * @return the store
	 */
	public Store withConsistentReads(boolean consistentReads) {
		return (consistentReads == this.consistentReads) ? this
				: new Store(this.runtime, this.location, this.partitioning, consistentReads);
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
		CompletableFuture<TableSchema> discovery = this.runtime.schemas().schema(table());
		if (discovery.isDone()) {
			return discovery;
		}
		CompletableFuture<TableSchema> here = new CompletableFuture<>();
		discovery.whenComplete((schema, failure) -> calls().fork(() -> {
			if (failure != null) {
				here.completeExceptionally(failure);
			}
			else {
				here.complete(schema);
			}
		}));
		return here;
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
	 * schema, so that a re-created table is described again.
	 * @param operation the operation's name
	 * @param failure what the SDK threw
	 * @return the exception to report
	 */
	public DynamoDownException failure(String operation, SdkException failure) {
		if (failure instanceof ResourceNotFoundException) {
			this.runtime.schemas().evict(table());
			return new TableSchemaException(table(), "Table '" + table() + "' does not exist (" + operation
					+ " on namespace '" + namespace() + "')", failure);
		}
		return new DynamoDownException(describe(operation) + " failed: " + AwsErrors.describe(failure), failure);
	}

	/** Names an operation of this store for messages: {@code "put on table 't', namespace 'n'"}. */
	public String describe(String operation) {
		return operation + " on table '" + table() + "', namespace '" + namespace() + "'";
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
