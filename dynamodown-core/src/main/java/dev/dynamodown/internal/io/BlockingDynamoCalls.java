package dev.dynamodown.internal.io;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

import software.amazon.awssdk.metrics.MetricPublisher;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

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
	public <Q, R> CompletableFuture<R> send(DynamoRequest<Q, R> kind, Q request) {
		try {
			return CompletableFuture.completedFuture(kind.blocking().apply(this.client, request));
		}
		catch (RuntimeException ex) {
			return CompletableFuture.failedFuture(ex);
		}
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

}
