package dev.dynamodown.internal.store;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

import dev.dynamodown.DynamoDownOptions;
import dev.dynamodown.internal.io.AsyncDynamoCalls;
import dev.dynamodown.internal.io.BlockingDynamoCalls;
import dev.dynamodown.internal.io.DynamoCalls;
import dev.dynamodown.internal.item.Expiry;
import dev.dynamodown.internal.schema.SchemaRegistry;
import dev.dynamodown.internal.schema.TableCreator;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * What every store of one {@code DynamoDown} or {@code AsyncDynamoDown} shares: the edge requests
 * leave by ({@link DynamoCalls}), the options, the schema cache, the threads it owns, and the work
 * in flight.
 * <ul>
 * <li>One daemon thread ({@code dynamodown-scheduler}) times every backoff delay; nothing sleeps.
 * When a delay has elapsed, the work goes on where the edge forks work.</li>
 * <li>The blocking runtime also owns a pool of {@code batchConcurrency} daemon threads
 * ({@code dynamodown-batch-N}) for the requests it sends alongside its callers (batch lanes,
 * read-ahead pages); threads are created on demand and end after 30 idle seconds. The
 * asynchronous runtime has no pool: its client's sends do not block.</li>
 * <li>{@link #close()} first stops every operation in flight (each answers its caller at once),
 * then ends the threads; work the pool or the scheduler drops belongs to stopped operations, so no
 * caller waits for it. Later operations are refused. The client is never closed: it is not ours.</li>
 * </ul>
 */
public final class StoreRuntime {

	private final String owner;

	private final DynamoCalls calls;

	private final DynamoDownOptions options;

	private final SchemaRegistry schemas;

	private final VerifiedShardCounts verifiedShardCounts = new VerifiedShardCounts();

	private final Expiry expiry;

	private final @Nullable ExecutorService pool;

	private final ScheduledThreadPoolExecutor scheduler;

	private final Set<Stoppable> inFlight = ConcurrentHashMap.newKeySet();

	private volatile boolean closed;

	private StoreRuntime(String owner, DynamoCalls calls, DynamoDownOptions options, @Nullable ExecutorService pool) {
		this.owner = owner;
		this.calls = calls;
		this.options = options;
		this.schemas = new SchemaRegistry(calls, options.expiryAttribute());
		this.expiry = new Expiry(options.expiryAttribute(), options.clock());
		this.pool = pool;
		this.scheduler = new ScheduledThreadPoolExecutor(1, daemonThreads("dynamodown-scheduler"));
		this.scheduler.setKeepAliveTime(30, TimeUnit.SECONDS);
		this.scheduler.allowCoreThreadTimeOut(true);
		this.scheduler.setRemoveOnCancelPolicy(true);
	}

	/** The runtime of a {@code DynamoDown}: requests sent by a blocking client. */
	public static StoreRuntime blocking(DynamoDbClient client, DynamoDownOptions options) {
		int threads = options.batchConcurrency();
		ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS,
				new LinkedBlockingQueue<>(), daemonThreads("dynamodown-batch"));
		pool.allowCoreThreadTimeOut(true);
		return new StoreRuntime("DynamoDown", new BlockingDynamoCalls(client, pool), options, pool);
	}

	/** The runtime of an {@code AsyncDynamoDown}: requests sent by an asynchronous client. */
	public static StoreRuntime async(DynamoDbAsyncClient client, DynamoDownOptions options) {
		return new StoreRuntime("AsyncDynamoDown", new AsyncDynamoCalls(client), options, null);
	}

	public DynamoCalls calls() {
		return this.calls;
	}

	public DynamoDownOptions options() {
		return this.options;
	}

	public SchemaRegistry schemas() {
		return this.schemas;
	}

	/** The shard counts its stores have verified, shared so that each namespace is checked once. */
	VerifiedShardCounts verifiedShardCounts() {
		return this.verifiedShardCounts;
	}

	/** When the entries of this runtime's stores expire: the expiry attribute and the clock. */
	public Expiry expiry() {
		return this.expiry;
	}

	/** Whether {@link #close()} was called. */
	public boolean isClosed() {
		return this.closed;
	}

	/**
	 * Refuses work once closed.
	 * @throws IllegalStateException if {@link #close()} was called
	 */
	public void ensureOpen() {
		if (this.closed) {
			throw closedException();
		}
	}

	/** The exception that refuses work after {@link #close()}. */
	public IllegalStateException closedException() {
		return new IllegalStateException(this.owner + " has been closed");
	}

	/**
	 * A future that completes once {@code delay} has elapsed, on a thread where the edge forks
	 * work (a pool thread for the blocking edge). Nothing waits meanwhile. Once the runtime is
	 * closed, it completes at once: the work that asked for it was stopped and only sees that.
	 * @param delay how long to wait
	 * @return completes after the delay
	 */
	public CompletableFuture<Void> delay(Duration delay) {
		CompletableFuture<Void> elapsed = new CompletableFuture<>();
		if (delay.isZero() || delay.isNegative()) {
			elapsed.complete(null);
			return elapsed;
		}
		try {
			this.scheduler.schedule(() -> this.calls.fork(() -> elapsed.complete(null)), delay.toNanos(),
					TimeUnit.NANOSECONDS);
		}
		catch (RejectedExecutionException ex) {
			elapsed.complete(null);
		}
		return elapsed;
	}

	/**
	 * Creates a table in the library's default layout unless it exists, and waits until it is
	 * active ({@link TableCreator}); its layout is described again on next use.
	 * @param table the table name
	 * @return the operation (not reported to the listener: it belongs to no store)
	 */
	public Operation<Void> createTableIfMissing(String table) {
		return Operation.start(this, "createTableIfMissing of table '" + table + "'", () -> OperationTimer.NONE,
				UnaryOperator.identity(), (operation) -> {
					StoreLocation.requireValidTable(table);
					return new TableCreator(this.calls, this::delay, this.options.expiryAttribute()).createIfMissing(table)
						.whenComplete((created, failure) -> this.schemas.evict(table));
				});
	}

	/**
	 * Counts work as in flight until {@link #untrack}, so that {@link #close()} stops it. Work
	 * tracked after the close started is stopped at once.
	 * @param work the work
	 */
	public void track(Stoppable work) {
		this.inFlight.add(work);
		if (this.closed) {
			work.stop(closedException());
		}
	}

	/** Work that {@link #track} counted has ended. */
	public void untrack(Stoppable work) {
		this.inFlight.remove(work);
	}

	/**
	 * Stops the work in flight, then the threads; refuses further operations. Idempotent.
	 */
	public void close() {
		this.closed = true;
		IllegalStateException reason = closedException();
		for (Stoppable work : this.inFlight) {
			work.stop(reason);
		}
		if (this.pool != null) {
			this.pool.shutdownNow();
		}
		this.scheduler.shutdownNow();
	}

	private static ThreadFactory daemonThreads(String name) {
		AtomicInteger count = new AtomicInteger();
		return (task) -> {
			Thread thread = new Thread(task, name + "-" + count.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		};
	}

}
