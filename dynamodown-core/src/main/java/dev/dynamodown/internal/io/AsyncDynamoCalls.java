package dev.dynamodown.internal.io;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import software.amazon.awssdk.metrics.MetricPublisher;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.CreateTableResponse;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableResponse;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsResponse;
import software.amazon.awssdk.services.dynamodb.model.UpdateTimeToLiveRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateTimeToLiveResponse;

/**
 * The asynchronous edge: each request is handed to the {@code DynamoDbAsyncClient}, whose future
 * completes on the client's own threads; no thread of the library waits for it. Concurrent work
 * starts on the spot, as its sends do not block.
 */
public final class AsyncDynamoCalls implements DynamoCalls {

	private final DynamoDbAsyncClient client;

	/**
	 * @param client sends the requests
	 */
	public AsyncDynamoCalls(DynamoDbAsyncClient client) {
		this.client = client;
	}

	@Override
	public CompletableFuture<GetItemResponse> getItem(GetItemRequest request) {
		return send(this.client::getItem, request);
	}

	@Override
	public CompletableFuture<PutItemResponse> putItem(PutItemRequest request) {
		return send(this.client::putItem, request);
	}

	@Override
	public CompletableFuture<DeleteItemResponse> deleteItem(DeleteItemRequest request) {
		return send(this.client::deleteItem, request);
	}

	@Override
	public CompletableFuture<QueryResponse> query(QueryRequest request) {
		return send(this.client::query, request);
	}

	@Override
	public CompletableFuture<BatchWriteItemResponse> batchWriteItem(BatchWriteItemRequest request) {
		return send(this.client::batchWriteItem, request);
	}

	@Override
	public CompletableFuture<BatchGetItemResponse> batchGetItem(BatchGetItemRequest request) {
		return send(this.client::batchGetItem, request);
	}

	@Override
	public CompletableFuture<TransactWriteItemsResponse> transactWriteItems(TransactWriteItemsRequest request) {
		return send(this.client::transactWriteItems, request);
	}

	@Override
	public CompletableFuture<DescribeTableResponse> describeTable(DescribeTableRequest request) {
		return send(this.client::describeTable, request);
	}

	@Override
	public CompletableFuture<CreateTableResponse> createTable(CreateTableRequest request) {
		return send(this.client::createTable, request);
	}

	@Override
	public CompletableFuture<UpdateTimeToLiveResponse> updateTimeToLive(UpdateTimeToLiveRequest request) {
		return send(this.client::updateTimeToLive, request);
	}

	@Override
	public void fork(Runnable work) {
		work.run();
	}

	@Override
	public List<MetricPublisher> clientMetricPublishers() {
		return this.client.serviceClientConfiguration().overrideConfiguration().metricPublishers();
	}

	private static <Q, R> CompletableFuture<R> send(Function<Q, CompletableFuture<R>> call, Q request) {
		try {
			return call.apply(request);
		}
		catch (RuntimeException ex) {
			return CompletableFuture.failedFuture(ex);
		}
	}

}
