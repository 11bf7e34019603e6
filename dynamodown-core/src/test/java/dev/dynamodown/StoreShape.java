package dev.dynamodown;

/**
 * The stores the core behaviour tests run against where sharding changes what happens: each
 * {@link Api} over one shard (the layout of {@code dynamo-down}) and over {@value #SHARDS} shards
 * (a count that divides none of the tests' key counts, so shards hold uneven numbers of keys).
 * Test classes are {@code @ParameterizedClass @EnumSource(StoreShape.class)}, or name the shapes
 * they need where one suffices (e.g. a sharded store on one API, when what the test exercises
 * does not depend on the API).
 */
public enum StoreShape {

	BLOCKING(Api.BLOCKING, 1),

	ASYNC(Api.ASYNC, 1),

	BLOCKING_7_SHARDS(Api.BLOCKING, StoreShape.SHARDS),

	ASYNC_7_SHARDS(Api.ASYNC, StoreShape.SHARDS);

	/** The shard count of the sharded shapes. */
	public static final int SHARDS = 7;

	private final Api api;

	private final Sharding sharding;

	StoreShape(Api api, int shards) {
		this.api = api;
		this.sharding = Sharding.shards(shards);
	}

	public Api api() {
		return this.api;
	}

	public Sharding sharding() {
		return this.sharding;
	}

	/** The shard count: 1 or {@value #SHARDS}. */
	public int shards() {
		return this.sharding.count();
	}

	public boolean sharded() {
		return this.sharding.isSharded();
	}

	/** A store of this shape from a factory of its API. */
	public <V> SortedKeyValueOperations<V> template(Stores stores, String table, String namespace, ValueCodec<V> codec) {
		return stores.template(table, namespace, codec, this.sharding);
	}

	/** A namespace of its own for this shape: {@code name} and the shape. */
	public String namespace(String name) {
		return name + "-" + this;
	}

}
