package dev.dynamodown.internal.io;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import software.amazon.awssdk.metrics.MetricPublisher;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;

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
	public <Q, R> CompletableFuture<R> send(DynamoRequest<Q, R> kind, Q request) {
		try {
			return kind.async().apply(this.client, request);
		}
		catch (RuntimeException ex) {
			return CompletableFuture.failedFuture(ex);
		}
	}

	@Override
	public void fork(Runnable work) {
		work.run();
	}

	@Override
	public List<MetricPublisher> clientMetricPublishers() {
		return this.client.serviceClientConfiguration().overrideConfiguration().metricPublishers();
	}

}
