package dev.dynamodown.internal.store;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import dev.dynamodown.DynamoDownOptions;
import dev.dynamodown.internal.schema.SchemaRegistry;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * What every store of one {@code DynamoDown} shares: the client, the options, the schema cache
 * and the pool of batch threads. The pool has {@code batchConcurrency} daemon threads named
 * {@code dynamodown-batch-N}, created on demand and ended after 30 idle seconds; closing the
 * runtime stops them and refuses further operations (the client is not closed: it is not ours).
 */
public final class StoreRuntime implements AutoCloseable {

	private final DynamoDbClient client;

	private final DynamoDownOptions options;

	private final SchemaRegistry schemas;

	private final ThreadPoolExecutor pool;

	private volatile boolean closed;

	public StoreRuntime(DynamoDbClient client, DynamoDownOptions options) {
		this.client = client;
		this.options = options;
		this.schemas = new SchemaRegistry(client);
		int threads = options.batchConcurrency();
		this.pool = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
				batchThreads());
		this.pool.allowCoreThreadTimeOut(true);
	}

	public DynamoDbClient client() {
		return this.client;
	}

	public DynamoDownOptions options() {
		return this.options;
	}

	public SchemaRegistry schemas() {
		return this.schemas;
	}

	/** The worker threads (batch chunks, prefetched pages); work submitted after {@link #close()} is rejected. */
	public ExecutorService pool() {
		return this.pool;
	}

	/**
	 * Refuses work once closed.
	 * @throws IllegalStateException if {@link #close()} was called
	 */
	public void ensureOpen() {
		if (this.closed) {
			throw new IllegalStateException("DynamoDown has been closed");
		}
	}

	/** Stops the batch threads (interrupting running chunks, which report themselves unapplied). */
	@Override
	public void close() {
		this.closed = true;
		this.pool.shutdownNow();
	}

	private static ThreadFactory batchThreads() {
		AtomicInteger count = new AtomicInteger();
		return (task) -> {
			Thread thread = new Thread(task, "dynamodown-batch-" + count.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		};
	}

}
