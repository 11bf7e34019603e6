package dev.dynamodown.internal.store;

import java.util.Map;
import java.util.function.Supplier;

import dev.dynamodown.DynamoDownException;
import dev.dynamodown.DynamoDownListener;
import dev.dynamodown.TableSchemaException;
import dev.dynamodown.internal.AwsErrors;
import dev.dynamodown.internal.item.ItemRules;
import dev.dynamodown.internal.schema.TableSchema;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

/**
 * One store as the machinery sees it: its location and partitioning, its table's key layout
 * (discovered on first use), how its items are built and taken apart, and the wrapper every
 * public operation runs in ({@link #call}): refuse work after close, time it for the
 * {@link DynamoDownListener}, and turn AWS SDK failures into {@link DynamoDownException}s that
 * name the table, namespace and operation.
 */
public final class Store {

	private final StoreRuntime runtime;

	private final StoreLocation location;

	private final Partitioning partitioning;

	public Store(StoreRuntime runtime, StoreLocation location) {
		this.runtime = runtime;
		this.location = location;
		this.partitioning = Partitioning.single(location.namespace());
	}

	public StoreRuntime runtime() {
		return this.runtime;
	}

	public DynamoDbClient client() {
		return this.runtime.client();
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
	 * The table's key layout, described once per {@code DynamoDown} and table.
	 * @throws TableSchemaException if the table is missing or cannot host stores
	 */
	public TableSchema schema() {
		return this.runtime.schemas().schema(table());
	}

	/** The key attributes of the item holding {@code key}. */
	public Map<String, AttributeValue> key(String key) {
		return schema().key(this.partitioning.partitionFor(key), key);
	}

	/**
	 * The item to write for a key and its encoded value, checked against DynamoDB's item rules.
	 * @param key a valid key
	 * @param value the encoded value's attributes
	 * @return the whole item
	 * @throws IllegalArgumentException if the value breaks a rule (e.g. uses a key attribute's name)
	 */
	public Map<String, AttributeValue> item(String key, Map<String, AttributeValue> value) {
		TableSchema schema = schema();
		String partition = this.partitioning.partitionFor(key);
		ItemRules.checkItem(schema.hashName(), partition, schema.rangeName(), key, value);
		return schema.item(partition, key, value);
	}

	/** Starts timing a public operation whose end is reported later (a lazy stream). */
	public OperationTimer start(String operation) {
		this.runtime.ensureOpen();
		return new OperationTimer(listener(), this.location, operation);
	}

	/**
	 * Runs a public operation: refused once closed, timed and reported to the listener, AWS SDK
	 * failures translated by {@link #failure}.
	 * @param operation the operation's name, as reported to the listener
	 * @param body what it does
	 * @return its result
	 */
	public <T> T call(String operation, Supplier<T> body) {
		OperationTimer timer = start(operation);
		try {
			T result = body.get();
			timer.finish(null);
			return result;
		}
		catch (SdkException ex) {
			DynamoDownException failure = failure(operation, ex);
			timer.finish(failure);
			throw failure;
		}
		catch (RuntimeException | Error ex) {
			timer.finish(ex);
			throw ex;
		}
	}

	/** {@link #call} for an operation without result. */
	public void run(String operation, Runnable body) {
		call(operation, () -> {
			body.run();
			return null;
		});
	}

	/**
	 * Translates an AWS SDK failure of an operation. A missing table also evicts its cached
	 * schema, so that a re-created table is described again.
	 * @param operation the operation's name
	 * @param failure what the SDK threw
	 * @return the exception to throw
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
			listener().batchRetried(table(), namespace(), unprocessed);
		}
		catch (RuntimeException ex) {
			System.getLogger(Store.class.getName())
				.log(System.Logger.Level.WARNING, "DynamoDownListener failed on batchRetried; ignored", ex);
		}
	}

	private DynamoDownListener listener() {
		return this.runtime.options().listener();
	}

}
