package dev.dynamodown;

/**
 * A {@link DynamoDown} or an {@link AsyncDynamoDown}, with the calls the tests make, blocking
 * either way; its templates are {@link SortedKeyValueOperations} (the async ones through a
 * {@link BlockingView}).
 */
public interface Stores extends AutoCloseable {

	<V> SortedKeyValueOperations<V> template(String table, String namespace, ValueCodec<V> codec);

	<V> SortedKeyValueOperations<V> template(String location, ValueCodec<V> codec);

	<V> SortedKeyValueOperations<V> template(String table, String namespace, ValueCodec<V> codec, Sharding sharding);

	<V> SortedKeyValueOperations<V> template(String location, ValueCodec<V> codec, Sharding sharding);

	void destroy(String location);

	void createTableIfMissing(String table);

	@Override
	void close();

	static Stores of(DynamoDown dynamoDown) {
		return new Stores() {

			@Override
			public <V> SortedKeyValueOperations<V> template(String table, String namespace, ValueCodec<V> codec) {
				return dynamoDown.template(table, namespace, codec);
			}

			@Override
			public <V> SortedKeyValueOperations<V> template(String location, ValueCodec<V> codec) {
				return dynamoDown.template(location, codec);
			}

			@Override
			public <V> SortedKeyValueOperations<V> template(String table, String namespace, ValueCodec<V> codec,
					Sharding sharding) {
				return dynamoDown.template(table, namespace, codec, sharding);
			}

			@Override
			public <V> SortedKeyValueOperations<V> template(String location, ValueCodec<V> codec, Sharding sharding) {
				return dynamoDown.template(location, codec, sharding);
			}

			@Override
			public void destroy(String location) {
				dynamoDown.destroy(location);
			}

			@Override
			public void createTableIfMissing(String table) {
				dynamoDown.createTableIfMissing(table);
			}

			@Override
			public void close() {
				dynamoDown.close();
			}

		};
	}

	static Stores of(AsyncDynamoDown dynamoDown) {
		return new Stores() {

			@Override
			public <V> SortedKeyValueOperations<V> template(String table, String namespace, ValueCodec<V> codec) {
				return new BlockingView<>(dynamoDown.template(table, namespace, codec));
			}

			@Override
			public <V> SortedKeyValueOperations<V> template(String location, ValueCodec<V> codec) {
				return new BlockingView<>(dynamoDown.template(location, codec));
			}

			@Override
			public <V> SortedKeyValueOperations<V> template(String table, String namespace, ValueCodec<V> codec,
					Sharding sharding) {
				return new BlockingView<>(dynamoDown.template(table, namespace, codec, sharding));
			}

			@Override
			public <V> SortedKeyValueOperations<V> template(String location, ValueCodec<V> codec, Sharding sharding) {
				return new BlockingView<>(dynamoDown.template(location, codec, sharding));
			}

			@Override
			public void destroy(String location) {
				BlockingView.await(dynamoDown.destroy(location));
			}

			@Override
			public void createTableIfMissing(String table) {
				BlockingView.await(dynamoDown.createTableIfMissing(table));
			}

			@Override
			public void close() {
				dynamoDown.close();
			}

		};
	}

}
