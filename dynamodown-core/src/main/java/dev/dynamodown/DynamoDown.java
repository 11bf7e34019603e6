package dev.dynamodown;

import java.util.Objects;

import dev.dynamodown.internal.pipeline.StoreOperations;
import dev.dynamodown.internal.store.Await;
import dev.dynamodown.internal.store.Store;
import dev.dynamodown.internal.store.StoreLocation;
import dev.dynamodown.internal.store.StoreRuntime;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The entry point: sorted key-value stores on the tables a {@link DynamoDbClient} reaches. Create
 * one per client and share it; it is thread-safe. For a {@code DynamoDbAsyncClient}, see
 * {@link AsyncDynamoDown}.
 * <pre>{@code
 * DynamoDown dd = DynamoDown.create(client);
 * SortedKeyValueTemplate<String> notes = dd.template("my-table/notes", ValueCodec.string());
 * }</pre>
 * A store lives in one partition of a table: every item whose hash-key attribute equals the
 * store's namespace. It caches each table's key layout (one {@code DescribeTable} per table) and
 * owns a small pool of daemon threads for the concurrent requests of batches, {@code getAll},
 * {@code clear} and read-ahead pages, plus one scheduler thread that times retry backoff;
 * {@link #close()} stops them. The client stays the caller's: it is never closed here, and its
 * retry policy (which retries throttling and 5xx errors of single requests) and timeouts are left
 * as configured. Every wait of the library is bounded by them: set an API call timeout on the
 * client (the Spring Boot starter sets one).
 */
public final class DynamoDown implements AutoCloseable {

	private final DynamoDbClient client;

	private final StoreRuntime runtime;

	private DynamoDown(DynamoDbClient client, StoreRuntime runtime) {
		this.client = client;
		this.runtime = runtime;
	}

	/**
	 * A {@code DynamoDown} with {@link DynamoDownOptions#defaults() default options}.
	 * @param client the client to send requests with
	 * @return the new instance
	 */
	public static DynamoDown create(DynamoDbClient client) {
		return create(client, DynamoDownOptions.defaults());
	}

	/**
	 * A {@code DynamoDown} with the given options.
	 * @param client the client to send requests with
	 * @param options how to run batches and retries
	 * @return the new instance
	 */
	public static DynamoDown create(DynamoDbClient client, DynamoDownOptions options) {
		Objects.requireNonNull(client, "'client' must not be null");
		Objects.requireNonNull(options, "'options' must not be null");
		return new DynamoDown(client, StoreRuntime.blocking(client, options));
	}

	/**
	 * A store at a location {@code "table/namespace"}: the table is the text before the first
	 * {@code '/'}, the namespace everything after it (it may contain further slashes). Sends no
	 * request: the table is described on first use.
	 * @param location the location
	 * @param codec maps values to attributes
	 * @return the store
	 * @throws IllegalArgumentException if the location has no {@code '/'}, or its table or
	 * namespace is empty or invalid
	 */
	public <V> SortedKeyValueTemplate<V> template(String location, ValueCodec<V> codec) {
		return template(StoreLocation.parse(location), codec);
	}

	/**
	 * A store in a namespace of a table. Sends no request: the table is described on first use.
	 * @param table the table name
	 * @param namespace the hash-key value of the store's items
	 * @param codec maps values to attributes
	 * @return the store
	 * @throws IllegalArgumentException if the table name is invalid or the namespace is empty
	 */
	public <V> SortedKeyValueTemplate<V> template(String table, String namespace, ValueCodec<V> codec) {
		return template(new StoreLocation(table, namespace), codec);
	}

	/**
	 * Deletes every item of the namespace at a location ({@code "table/namespace"}). NOT atomic:
	 * see {@link SortedKeyValueOperations#clear}.
	 * @param location the location
	 */
	public void destroy(String location) {
		template(location, ValueCodec.attributes()).destroy();
	}

	/**
	 * Creates a table for stores unless it exists: hash key {@code ns} and range key {@code k},
	 * both strings, on-demand capacity (the layout of {@code dynamo-down}). Waits until the table
	 * is {@code ACTIVE}, polling {@code DescribeTable}, at most five minutes. An existing table is
	 * left as it is, whatever its layout.
	 * @param table the table name
	 * @throws IllegalArgumentException if the name is invalid
	 * @throws DynamoDownException if the table cannot be created or does not become active
	 */
	public void createTableIfMissing(String table) {
		Await.result(this.runtime.createTableIfMissing(table));
	}

	/** The client requests are sent with. */
	public DynamoDbClient client() {
		return this.client;
	}

	/** The options this instance runs with. */
	public DynamoDownOptions options() {
		return this.runtime.options();
	}

	/**
	 * Stops this instance: every operation in flight (of this instance and its templates, range
	 * streams waiting for a page included) ends at once, with a failure saying it was stopped (a
	 * batch with a {@link BatchWriteException} listing what is not confirmed applied); then the
	 * threads end. Afterwards every operation throws {@link IllegalStateException}. Does not close
	 * the client. Idempotent.
	 */
	@Override
	public void close() {
		this.runtime.close();
	}

	private <V> SortedKeyValueTemplate<V> template(StoreLocation location, ValueCodec<V> codec) {
		Objects.requireNonNull(codec, "'codec' must not be null");
		this.runtime.ensureOpen();
		return new SortedKeyValueTemplate<>(new StoreOperations<>(new Store(this.runtime, location), codec));
	}

}
