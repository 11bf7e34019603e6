package dev.dynamodown;

/**
 * The two stores every behaviour test runs against: the blocking {@link SortedKeyValueTemplate}
 * on a {@code DynamoDbClient}, and the asynchronous {@link AsyncSortedKeyValueTemplate} on a
 * {@code DynamoDbAsyncClient} (Netty), seen through a {@link BlockingView} so that one test body
 * serves both. Test classes are {@code @ParameterizedClass @EnumSource(Api.class)}.
 */
public enum Api {

	/** {@link DynamoDown} and {@link SortedKeyValueTemplate}. */
	BLOCKING {
		@Override
		public Stores open(Clients clients, DynamoDownOptions options) {
			return Stores.of(DynamoDown.create(clients.blocking(), options));
		}
	},

	/** {@link AsyncDynamoDown} and {@link AsyncSortedKeyValueTemplate}. */
	ASYNC {
		@Override
		public Stores open(Clients clients, DynamoDownOptions options) {
			return Stores.of(AsyncDynamoDown.create(clients.async(), options));
		}
	};

	/** A {@code DynamoDown} or {@code AsyncDynamoDown} on the client of this kind. */
	public abstract Stores open(Clients clients, DynamoDownOptions options);

	/** {@link #open(Clients, DynamoDownOptions)} with the default options. */
	public Stores open(Clients clients) {
		return open(clients, DynamoDownOptions.defaults());
	}

}
