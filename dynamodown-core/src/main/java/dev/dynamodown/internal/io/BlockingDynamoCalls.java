package dev.dynamodown.internal.io;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Function;

import software.amazon.awssdk.metrics.MetricPublisher;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
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
 * The blocking edge: each request is sent on the calling thread, which the {@code DynamoDbClient}
 * blocks until the answer, and returned as an already completed future. No thread hop for a
 * single-key call. Concurrent work (batch lanes, read-ahead pages, retries) is forked onto the
 * runtime's bounded pool, whose threads block on their requests the same way.
 */
public final class BlockingDynamoCalls implements DynamoCalls {

	private final DynamoDbClient client;

	private final Executor pool;

	/**
	 * @param client sends the requests
	 * @param pool the threads for concurrent work
	 */
	public BlockingDynamoCalls(DynamoDbClient client, Executor pool) {
		this.client = client;
		this.pool = pool;
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
		try {
			this.pool.execute(work);
		}
		catch (RejectedExecutionException ex) {
			// The pool is closed: the work belongs to a stopped operation and ends at once.
			work.run();
		}
	}

	@Override
	public List<MetricPublisher> clientMetricPublishers() {
		return this.client.serviceClientConfiguration().overrideConfiguration().metricPublishers();
	}

	private static <Q, R> CompletableFuture<R> send(Function<Q, R> call, Q request) {
		try {
			return CompletableFuture.completedFuture(call.apply(request));
		}
		catch (RuntimeException ex) {
			return CompletableFuture.failedFuture(ex);
		}
	}

}
