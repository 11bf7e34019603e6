package dev.dynamodown.internal.io;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import software.amazon.awssdk.metrics.MetricPublisher;
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
 * The step that sends a request: one method per DynamoDB request the stores send, each answering
 * with a future (completed normally with the response, or exceptionally with what the client
 * threw), all through {@link #send}, and where work that sends requests alongside the caller starts. Two implementations:
 * {@link BlockingDynamoCalls} over a {@code DynamoDbClient}, {@link AsyncDynamoCalls} over a
 * {@code DynamoDbAsyncClient}. Nothing else in the library knows which one it runs on.
 */
public interface DynamoCalls {

	default CompletableFuture<GetItemResponse> getItem(GetItemRequest request) {
		return send(DynamoRequest.GET_ITEM, request);
	}

	default CompletableFuture<PutItemResponse> putItem(PutItemRequest request) {
		return send(DynamoRequest.PUT_ITEM, request);
	}

	default CompletableFuture<DeleteItemResponse> deleteItem(DeleteItemRequest request) {
		return send(DynamoRequest.DELETE_ITEM, request);
	}

	default CompletableFuture<QueryResponse> query(QueryRequest request) {
		return send(DynamoRequest.QUERY, request);
	}

	default CompletableFuture<BatchWriteItemResponse> batchWriteItem(BatchWriteItemRequest request) {
		return send(DynamoRequest.BATCH_WRITE_ITEM, request);
	}

	default CompletableFuture<BatchGetItemResponse> batchGetItem(BatchGetItemRequest request) {
		return send(DynamoRequest.BATCH_GET_ITEM, request);
	}

	default CompletableFuture<TransactWriteItemsResponse> transactWriteItems(TransactWriteItemsRequest request) {
		return send(DynamoRequest.TRANSACT_WRITE_ITEMS, request);
	}

	default CompletableFuture<DescribeTableResponse> describeTable(DescribeTableRequest request) {
		return send(DynamoRequest.DESCRIBE_TABLE, request);
	}

	default CompletableFuture<CreateTableResponse> createTable(CreateTableRequest request) {
		return send(DynamoRequest.CREATE_TABLE, request);
	}

	default CompletableFuture<UpdateTimeToLiveResponse> updateTimeToLive(UpdateTimeToLiveRequest request) {
		return send(DynamoRequest.UPDATE_TIME_TO_LIVE, request);
	}

	/**
	 * Sends one request.
	 * @param kind which request, and each client's method for it
	 * @param request the request
	 * @return the response, or what the client threw, also when it threw rather than failing its future
	 */
	<Q, R> CompletableFuture<R> send(DynamoRequest<Q, R> kind, Q request);

	/**
	 * Starts work that sends requests concurrently with the caller: the other lanes of a batch, a
	 * page read ahead, a retry whose backoff has elapsed. A blocking client needs a thread per
	 * request in flight, so the blocking edge hands the work to a pool thread; an asynchronous
	 * client's sends return at once, so the asynchronous edge runs it on the spot. Never throws:
	 * work a closed pool refuses runs on the calling thread (it belongs to an operation that was
	 * stopped, and only sees that).
	 * @param work the work
	 */
	void fork(Runnable work);

	/**
	 * The metric publishers configured on the client. A request that adds a publisher of its own
	 * must add these too: the SDK uses a request's publishers instead of the client's.
	 * @return the client's publishers, possibly none
	 */
	List<MetricPublisher> clientMetricPublishers();

}
