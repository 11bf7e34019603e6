package dev.dynamodown.internal.batch;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;

import dev.dynamodown.BatchOperation;
import dev.dynamodown.BatchResult;
import dev.dynamodown.BatchWriteException;
import dev.dynamodown.DynamoDownOptions;
import dev.dynamodown.internal.AwsErrors;
import dev.dynamodown.internal.schema.TableSchema;
import dev.dynamodown.internal.store.Store;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Applies validated writes (one per key) with {@code BatchWriteItem}. NOT atomic.
 * <ul>
 * <li>Writes go in chunks of {@value #CHUNK_SIZE}, several chunks in flight at once
 * ({@link DynamoDownOptions#batchConcurrency()}).</li>
 * <li>Items DynamoDB leaves unprocessed are re-sent after an exponential backoff with full jitter,
 * up to {@link DynamoDownOptions#maxBatchAttempts()} requests per chunk.</li>
 * <li>A request that fails (after the client's own retries) may or may not have been applied:
 * its writes are reported unapplied, and no further chunk is started; those never sent are
 * reported unapplied too.</li>
 * <li>Either every write was applied, or a {@link BatchWriteException} lists exactly the writes
 * that may not have been, in batch order; all others were applied.</li>
 * </ul>
 */
public final class BatchWriter {

	/** DynamoDB's limit of items per {@code BatchWriteItem} request. */
	public static final int CHUNK_SIZE = 25;

	private final Store store;

	private final ChunkRunner runner;

	private final Backoff backoff;

	private final int maxAttempts;

	private final String operation;

	/**
	 * A writer for one public operation of a store.
	 * @param store the store
	 * @param operation the operation's name, for messages ({@code batch} or {@code clear})
	 */
	public BatchWriter(Store store, String operation) {
		DynamoDownOptions options = store.runtime().options();
		this.store = store;
		this.operation = operation;
		this.runner = new ChunkRunner(store.runtime().pool(), options.batchConcurrency());
		this.backoff = new Backoff(options.retryBaseDelay(), options.retryMaxDelay());
		this.maxAttempts = options.maxBatchAttempts();
	}

	/**
	 * Applies the writes.
	 * @param writes validated writes, at most one per key
	 * @return how many were applied, with how many requests and retries
	 * @throws BatchWriteException if some writes may not have been applied
	 */
	public BatchResult write(List<WriteOp> writes) {
		if (writes.isEmpty()) {
			return new BatchResult(0, 0, 0);
		}
		Outcome outcome = new Outcome();
		List<List<WriteOp>> neverSent = this.runner.run(chunks(writes), (chunk, stop) -> send(chunk, outcome, stop));
		neverSent.forEach(outcome::unsent);
		if (outcome.unapplied.isEmpty()) {
			return new BatchResult(writes.size(), outcome.requests.get(), outcome.retries.get());
		}
		List<BatchOperation> unapplied = new ArrayList<>();
		for (WriteOp write : writes) {
			if (outcome.unapplied.contains(write.key())) {
				unapplied.add(write.operation());
			}
		}
		throw new BatchWriteException(outcome.describe(this.store.describe(this.operation), writes.size(), this.maxAttempts), unapplied,
				writes.size() - unapplied.size(), outcome.failure.get());
	}

	/** Sends one chunk until it is fully processed; {@code false} stops the batch. */
	private boolean send(List<WriteOp> chunk, Outcome outcome, BooleanSupplier stop) {
		List<WriteOp> pending = chunk;
		for (int attempt = 1;; attempt++) {
			if (attempt > 1) {
				if (stop.getAsBoolean()) {
					// The batch is failing anyway: report now rather than retry.
					outcome.unsent(pending);
					return false;
				}
				try {
					this.backoff.pause(attempt - 1);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					outcome.failed(pending, ex);
					return false;
				}
				this.store.batchRetried(pending.size());
				outcome.retries.incrementAndGet();
			}
			outcome.requests.incrementAndGet();
			BatchWriteItemResponse response;
			try {
				List<WriteRequest> requests = pending.stream().map(WriteOp::writeRequest).toList();
				response = this.store.client()
					.batchWriteItem((r) -> r.requestItems(Map.of(this.store.table(), requests)));
			}
			catch (SdkException ex) {
				outcome.failed(pending, ex);
				return false;
			}
			pending = unprocessed(response, pending);
			if (pending.isEmpty()) {
				return true;
			}
			if (attempt >= this.maxAttempts) {
				outcome.exhausted(pending);
				return true;
			}
		}
	}

	private List<WriteOp> unprocessed(BatchWriteItemResponse response, List<WriteOp> sent) {
		List<WriteRequest> unprocessed = response.hasUnprocessedItems()
				? response.unprocessedItems().getOrDefault(this.store.table(), List.of()) : List.of();
		if (unprocessed.isEmpty()) {
			return List.of();
		}
		TableSchema schema = this.store.schema();
		Set<String> keys = new HashSet<>();
		for (WriteRequest request : unprocessed) {
			Map<String, AttributeValue> attributes = (request.putRequest() != null) ? request.putRequest().item()
					: request.deleteRequest().key();
			keys.add(schema.rangeValue(attributes));
		}
		return sent.stream().filter((write) -> keys.contains(write.key())).toList();
	}

	private static List<List<WriteOp>> chunks(List<WriteOp> writes) {
		List<List<WriteOp>> chunks = new ArrayList<>();
		for (int from = 0; from < writes.size(); from += CHUNK_SIZE) {
			chunks.add(writes.subList(from, Math.min(from + CHUNK_SIZE, writes.size())));
		}
		return chunks;
	}

	/** What happened to the chunks of one batch, filled concurrently. */
	private static final class Outcome {

		final AtomicInteger requests = new AtomicInteger();

		final AtomicInteger retries = new AtomicInteger();

		final Set<String> unapplied = ConcurrentHashMap.newKeySet();

		final AtomicInteger exhausted = new AtomicInteger();

		final AtomicInteger failedOrUnsent = new AtomicInteger();

		final AtomicReference<@Nullable Throwable> failure = new AtomicReference<>();

		void exhausted(List<WriteOp> writes) {
			writes.forEach((write) -> this.unapplied.add(write.key()));
			this.exhausted.addAndGet(writes.size());
		}

		void failed(List<WriteOp> writes, Throwable cause) {
			this.failure.compareAndSet(null, cause);
			unsent(writes);
		}

		void unsent(List<WriteOp> writes) {
			writes.forEach((write) -> this.unapplied.add(write.key()));
			this.failedOrUnsent.addAndGet(writes.size());
		}

		String describe(String operation, int total, int maxAttempts) {
			StringBuilder message = new StringBuilder(operation).append(": ")
				.append(this.unapplied.size())
				.append(" of ")
				.append(total)
				.append(" operations may not have been applied (");
			if (this.exhausted.get() > 0) {
				message.append(this.exhausted.get()).append(" still unprocessed after ").append(maxAttempts).append(" attempts");
			}
			if (this.failedOrUnsent.get() > 0) {
				if (this.exhausted.get() > 0) {
					message.append(", ");
				}
				message.append(this.failedOrUnsent.get()).append(" in failed or unsent requests");
				Throwable cause = this.failure.get();
				if (cause instanceof SdkException sdk) {
					message.append(": ").append(AwsErrors.describe(sdk));
				}
				else if (cause instanceof InterruptedException) {
					message.append(": interrupted");
				}
			}
			return message.append(')').toString();
		}

	}

}
