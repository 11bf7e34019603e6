package dev.dynamodown.internal.io;

import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;

import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
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
 * One kind of DynamoDB request the stores send, with the method of each client that sends it: the
 * one list of requests both edges serve, so that an edge differs from the other only in how it
 * calls a client ({@link DynamoCalls#send}).
 * @param blocking sends the request with a {@code DynamoDbClient}, blocking until the answer
 * @param async sends the request with a {@code DynamoDbAsyncClient}
 * @param <Q> the request type
 * @param <R> the response type
 */
public record DynamoRequest<Q, R>(BiFunction<DynamoDbClient, Q, R> blocking,
		BiFunction<DynamoDbAsyncClient, Q, CompletableFuture<R>> async) {

	public static final DynamoRequest<GetItemRequest, GetItemResponse> GET_ITEM = new DynamoRequest<>(DynamoDbClient::getItem,
			DynamoDbAsyncClient::getItem);

	public static final DynamoRequest<PutItemRequest, PutItemResponse> PUT_ITEM = new DynamoRequest<>(DynamoDbClient::putItem,
			DynamoDbAsyncClient::putItem);

	public static final DynamoRequest<DeleteItemRequest, DeleteItemResponse> DELETE_ITEM = new DynamoRequest<>(DynamoDbClient::deleteItem,
			DynamoDbAsyncClient::deleteItem);

	public static final DynamoRequest<QueryRequest, QueryResponse> QUERY = new DynamoRequest<>(DynamoDbClient::query,
			DynamoDbAsyncClient::query);

	public static final DynamoRequest<BatchWriteItemRequest, BatchWriteItemResponse> BATCH_WRITE_ITEM = new DynamoRequest<>(DynamoDbClient::batchWriteItem,
			DynamoDbAsyncClient::batchWriteItem);

	public static final DynamoRequest<BatchGetItemRequest, BatchGetItemResponse> BATCH_GET_ITEM = new DynamoRequest<>(DynamoDbClient::batchGetItem,
			DynamoDbAsyncClient::batchGetItem);

	public static final DynamoRequest<TransactWriteItemsRequest, TransactWriteItemsResponse> TRANSACT_WRITE_ITEMS = new DynamoRequest<>(DynamoDbClient::transactWriteItems,
			DynamoDbAsyncClient::transactWriteItems);

	public static final DynamoRequest<DescribeTableRequest, DescribeTableResponse> DESCRIBE_TABLE = new DynamoRequest<>(DynamoDbClient::describeTable,
			DynamoDbAsyncClient::describeTable);

	public static final DynamoRequest<CreateTableRequest, CreateTableResponse> CREATE_TABLE = new DynamoRequest<>(DynamoDbClient::createTable,
			DynamoDbAsyncClient::createTable);

	public static final DynamoRequest<UpdateTimeToLiveRequest, UpdateTimeToLiveResponse> UPDATE_TIME_TO_LIVE = new DynamoRequest<>(DynamoDbClient::updateTimeToLive,
			DynamoDbAsyncClient::updateTimeToLive);

}
