package dev.dynamodown;

import java.util.Objects;

import dev.dynamodown.internal.pipeline.StoreOperations;
import dev.dynamodown.internal.shard.ShardLayout;
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
 * store's namespace, or, {@link Sharding sharded}, in several. It caches each table's key layout (one {@code DescribeTable} per table) and
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
		return template(location, codec, Sharding.none());
	}

	/**
	 * A store at a location {@code "table/namespace"} spread over some shards (see {@link Sharding}).
	 * Sends no request: the table is described, and the shard count checked against the one
	 * recorded in the table, on first use.
	 * @param location the location
	 * @param codec maps values to attributes
	 * @param sharding over how many partition-key values the namespace is spread
	 * @return the store
	 * @throws IllegalArgumentException if the location has no {@code '/'}, or its table or
	 * namespace is empty or invalid, or the namespace is too long for the shards' partition-key values
	 */
	public <V> SortedKeyValueTemplate<V> template(String location, ValueCodec<V> codec, Sharding sharding) {
		return template(StoreLocation.parse(location), codec, sharding);
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
		return template(table, namespace, codec, Sharding.none());
	}

	/**
	 * A store in a namespace of a table spread over some shards (see {@link Sharding}):
	 * {@code dd.template("my-table", "events", ValueCodec.json(Event.class), Sharding.shards(16))}.
	 * Sends no request: the table is described, and the shard count checked against the one
	 * recorded in the table, on first use.
	 * @param table the table name
	 * @param namespace the namespace
	 * @param codec maps values to attributes
	 * @param sharding over how many partition-key values the namespace is spread
	 * @return the store
	 * @throws IllegalArgumentException if the table name is invalid, the namespace is empty, or it
	 * is too long for the shards' partition-key values
	 */
	public <V> SortedKeyValueTemplate<V> template(String table, String namespace, ValueCodec<V> codec,
			Sharding sharding) {
		return template(new StoreLocation(table, namespace), codec, sharding);
	}

	/**
	 * Deletes every item of the namespace at a location ({@code "table/namespace"}), over the shard
	 * count recorded for it in the table (one shard if none), and that record. NOT atomic: see
	 * {@link SortedKeyValueOperations#clear} and {@link SortedKeyValueOperations#destroy}.
	 * @param location the location
	 */
	public void destroy(String location) {
		Await.result(StoreOperations.destroy(this.runtime, StoreLocation.parse(location)));
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

	private <V> SortedKeyValueTemplate<V> template(StoreLocation location, ValueCodec<V> codec, Sharding sharding) {
		Objects.requireNonNull(codec, "'codec' must not be null");
		Objects.requireNonNull(sharding, "'sharding' must not be null");
		ShardLayout layout = ShardLayout.of(location.namespace(), sharding.count());
		this.runtime.ensureOpen();
		return new SortedKeyValueTemplate<>(new StoreOperations<>(new Store(this.runtime, location, layout), codec));
	}

}
