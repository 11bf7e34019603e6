package dev.dynamodown;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;

import dev.dynamodown.internal.pipeline.StoreOperations;
import dev.dynamodown.internal.shard.ShardLayout;
import dev.dynamodown.internal.store.Store;
import dev.dynamodown.internal.store.StoreLocation;
import dev.dynamodown.internal.store.StoreRuntime;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;

/**
 * The asynchronous entry point: sorted key-value stores on the tables a
 * {@link DynamoDbAsyncClient} reaches, with {@link CompletableFuture} and
 * {@link java.util.concurrent.Flow.Publisher} results. Create one per client and share it; it is
 * thread-safe.
 * <pre>{@code
 * AsyncDynamoDown add = AsyncDynamoDown.create(dynamoDbAsyncClient);
 * AsyncSortedKeyValueTemplate<Meetup> t = add.template("my-table/nyc-js-meetups", ValueCodec.json(Meetup.class));
 * CompletableFuture<Optional<Meetup>> one = t.get("brooklyn_js");
 * }</pre>
 * The same stores as {@link DynamoDown} (same data layout, same guarantees, same exceptions): both
 * run one pipeline, and only the client that sends the requests differs. No method of it or of its
 * templates blocks the calling thread; it owns no pool, only one daemon thread that times retry
 * backoff. The client stays the caller's and is never closed here; this library has no runtime
 * dependency on an asynchronous HTTP client: build the client with one of your choice
 * ({@code netty-nio-client}, the AWS CRT client), with an API call timeout, which bounds every
 * future of the library.
 */
public final class AsyncDynamoDown implements AutoCloseable {

	private final DynamoDbAsyncClient client;

	private final StoreRuntime runtime;

	private AsyncDynamoDown(DynamoDbAsyncClient client, StoreRuntime runtime) {
		this.client = client;
		this.runtime = runtime;
	}

	/**
	 * An {@code AsyncDynamoDown} with {@link DynamoDownOptions#defaults() default options}.
	 * @param client the client to send requests with
	 * @return the new instance
	 */
	public static AsyncDynamoDown create(DynamoDbAsyncClient client) {
		return create(client, DynamoDownOptions.defaults());
	}

	/**
	 * An {@code AsyncDynamoDown} with the given options ({@link DynamoDownOptions#batchConcurrency()}
	 * bounds the requests one batch keeps in flight; no thread is used per request).
	 * @param client the client to send requests with
	 * @param options how to run batches and retries
	 * @return the new instance
	 */
	public static AsyncDynamoDown create(DynamoDbAsyncClient client, DynamoDownOptions options) {
		Objects.requireNonNull(client, "'client' must not be null");
		Objects.requireNonNull(options, "'options' must not be null");
		return new AsyncDynamoDown(client, StoreRuntime.async(client, options));
	}

	/**
	 * A store at a location {@code "table/namespace"}, as {@link DynamoDown#template(String, ValueCodec)}.
	 * Sends no request, and checks its arguments at once.
	 * @param location the location
	 * @param codec maps values to attributes
	 * @return the store
	 * @throws IllegalArgumentException if the location has no {@code '/'}, or its table or
	 * namespace is empty or invalid
	 * @throws IllegalStateException if this instance is closed
	 */
	public <V> AsyncSortedKeyValueTemplate<V> template(String location, ValueCodec<V> codec) {
		return template(location, codec, Sharding.none());
	}

	/**
	 * A store at a location spread over some shards, as
	 * {@link DynamoDown#template(String, ValueCodec, Sharding)}. Sends no request, and checks its
	 * arguments at once.
	 * @param location the location
	 * @param codec maps values to attributes
	 * @param sharding over how many partition-key values the namespace is spread
	 * @return the store
	 * @throws IllegalArgumentException if the location has no {@code '/'}, or its table or
	 * namespace is empty or invalid, or the namespace is too long for the shards' partition-key values
	 * @throws IllegalStateException if this instance is closed
	 */
	public <V> AsyncSortedKeyValueTemplate<V> template(String location, ValueCodec<V> codec, Sharding sharding) {
		return template(StoreLocation.parse(location), codec, sharding);
	}

	/**
	 * A store in a namespace of a table, as {@link DynamoDown#template(String, String, ValueCodec)}.
	 * Sends no request, and checks its arguments at once.
	 * @param table the table name
	 * @param namespace the hash-key value of the store's items
	 * @param codec maps values to attributes
	 * @return the store
	 * @throws IllegalArgumentException if the table name is invalid or the namespace is empty
	 * @throws IllegalStateException if this instance is closed
	 */
	public <V> AsyncSortedKeyValueTemplate<V> template(String table, String namespace, ValueCodec<V> codec) {
		return template(table, namespace, codec, Sharding.none());
	}

	/**
	 * A store in a namespace of a table spread over some shards, as
	 * {@link DynamoDown#template(String, String, ValueCodec, Sharding)}. Sends no request, and checks
	 * its arguments at once.
	 * @param table the table name
	 * @param namespace the namespace
	 * @param codec maps values to attributes
	 * @param sharding over how many partition-key values the namespace is spread
	 * @return the store
	 * @throws IllegalArgumentException if the table name is invalid, the namespace is empty, or it
	 * is too long for the shards' partition-key values
	 * @throws IllegalStateException if this instance is closed
	 */
	public <V> AsyncSortedKeyValueTemplate<V> template(String table, String namespace, ValueCodec<V> codec,
			Sharding sharding) {
		return template(new StoreLocation(table, namespace), codec, sharding);
	}

	/**
	 * Deletes every item of the namespace at a location ({@code "table/namespace"}), over the shard
	 * count recorded for it (one shard if none), and that record, as {@link DynamoDown#destroy}.
	 * NOT atomic.
	 * @param location the location
	 * @return completes when done; fails (without a request) for a bad location
	 */
	public CompletableFuture<Void> destroy(String location) {
		try {
			return StoreOperations.destroy(this.runtime, StoreLocation.parse(location)).result();
		}
		catch (RuntimeException ex) {
			return CompletableFuture.failedFuture(ex);
		}
	}

	/**
	 * Creates a table for stores unless it exists, as {@link DynamoDown#createTableIfMissing}; the
	 * polls until it is {@code ACTIVE} are scheduled, no thread waits.
	 * @param table the table name
	 * @return completes when the table is active; fails with {@link IllegalArgumentException} for
	 * an invalid name (without a request), {@link DynamoDownException} if it cannot be created
	 */
	public CompletableFuture<Void> createTableIfMissing(String table) {
		return this.runtime.createTableIfMissing(table).result();
	}

	/** The client requests are sent with. */
	public DynamoDbAsyncClient client() {
		return this.client;
	}

	/** The options this instance runs with. */
	public DynamoDownOptions options() {
		return this.runtime.options();
	}

	/**
	 * Stops this instance: every operation in flight ends at once (its future fails saying it was
	 * stopped; a batch's with a {@link BatchWriteException} listing what is not confirmed applied,
	 * a publisher waiting for a page signals {@code onError}); then its scheduler thread ends.
	 * Afterwards every operation fails with {@link IllegalStateException}. Does not close the
	 * client. Idempotent.
	 */
	@Override
	public void close() {
		this.runtime.close();
	}

	private <V> AsyncSortedKeyValueTemplate<V> template(StoreLocation location, ValueCodec<V> codec,
			Sharding sharding) {
		Objects.requireNonNull(codec, "'codec' must not be null");
		Objects.requireNonNull(sharding, "'sharding' must not be null");
		ShardLayout layout = ShardLayout.of(location.namespace(), sharding.count());
		this.runtime.ensureOpen();
		return new AsyncSortedKeyValueTemplate<>(new StoreOperations<>(new Store(this.runtime, location, layout), codec));
	}

}
