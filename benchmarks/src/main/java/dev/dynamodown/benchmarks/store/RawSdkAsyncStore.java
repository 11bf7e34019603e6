package dev.dynamodown.benchmarks.store;

import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.jspecify.annotations.Nullable;
import org.reactivestreams.FlowAdapters;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The plain AWS SDK v2 contender on the asynchronous client: the requests a careful developer writes by hand
 * for the same item layout ({@code ns} = namespace, {@code k} = key, {@code value} = the string), and the SDK's
 * own {@code Query} paginator publisher for a scan.
 */
public final class RawSdkAsyncStore implements AsyncPointStore, AsyncRangeStore {

	private final DynamoDbAsyncClient client;

	private final String table;

	private final AttributeValue namespace;

	public RawSdkAsyncStore(DynamoDbAsyncClient client, String table, String namespace) {
		this.client = client;
		this.table = table;
		this.namespace = AttributeValue.fromS(namespace);
	}

	@Override
	public CompletableFuture<Void> put(String key, String value) {
		return this.client
			.putItem((request) -> request.tableName(this.table)
				.item(Map.of(RawSdkStore.HASH, this.namespace, RawSdkStore.RANGE, AttributeValue.fromS(key),
						RawSdkStore.VALUE, AttributeValue.fromS(value))))
			.thenApply((response) -> null);
	}

	@Override
	public CompletableFuture<@Nullable String> get(String key) {
		return this.client
			.getItem((request) -> request.tableName(this.table)
				.key(Map.of(RawSdkStore.HASH, this.namespace, RawSdkStore.RANGE, AttributeValue.fromS(key))))
			.thenApply((response) -> response.item().isEmpty() ? null : response.item().get(RawSdkStore.VALUE).s());
	}

	@Override
	public CompletableFuture<Long> scan(boolean reverse) {
		return CountingSubscriber.count(FlowAdapters.toFlowPublisher(this.client
			.queryPaginator((request) -> request.tableName(this.table)
				.keyConditionExpression("#ns = :ns")
				.expressionAttributeNames(Map.of("#ns", RawSdkStore.HASH))
				.expressionAttributeValues(Map.of(":ns", this.namespace))
				.scanIndexForward(!reverse))
			.items()), (item) -> Values.isPresent(item.get(RawSdkStore.VALUE).s()));
	}

}
