package dev.dynamodown.internal.batch;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicIntegerArray;

import dev.dynamodown.BatchOperation;
import dev.dynamodown.BatchResult;
import dev.dynamodown.BatchWriteException;
import dev.dynamodown.DynamoDownOptions;
import dev.dynamodown.internal.AwsErrors;
import dev.dynamodown.internal.schema.TableSchema;
import dev.dynamodown.internal.store.Operation;
import dev.dynamodown.internal.store.Store;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Applies validated writes (one per key) with {@code BatchWriteItem}. NOT atomic.
 * <ul>
 * <li>Writes go in chunks of {@value #CHUNK_SIZE}, at most
 * {@link DynamoDownOptions#batchConcurrency()} requests in flight ({@link ChunkLanes}).</li>
 * <li>Items DynamoDB leaves unprocessed are re-sent after a scheduled backoff with full jitter, up
 * to {@link DynamoDownOptions#maxBatchAttempts()} requests per chunk.</li>
 * <li>A write is confirmed applied only by an answer that did not list it as unprocessed. Every
 * failure once a chunk was sent (a failed request, an answer that cannot be read, any unexpected
 * exception, a stop because the runtime closed or the caller was interrupted) ends the batch in a
 * {@link BatchWriteException} listing exactly the writes not confirmed applied, in batch order,
 * with the first failure as its cause (later ones suppressed). No further chunk is started then;
 * chunks in flight finish and count.</li>
 * </ul>
 */
public final class BatchWriter {

	/** DynamoDB's limit of items per {@code BatchWriteItem} request. */
	public static final int CHUNK_SIZE = 25;

	private final Store store;

	private final TableSchema schema;

	private final String operation;

	/**
	 * A writer for one public operation of a store.
	 * @param store the store
	 * @param schema its table's key layout
	 * @param operation the operation's name, for messages ({@code batch} or {@code clear})
	 */
	public BatchWriter(Store store, TableSchema schema, String operation) {
		this.store = store;
		this.schema = schema;
		this.operation = operation;
	}

	/**
	 * Prepares applying writes; nothing is sent before {@link Run#start()}.
	 * @param writes validated writes, at most one per key
	 * @return the run
	 */
	public Run prepare(List<WriteOp> writes) {
		return new Run(writes);
	}

	/** One batch being applied: what is confirmed, and its result. */
	public final class Run {

		private final List<WriteOp> writes;

		private final Map<String, Integer> positions = new HashMap<>();

		/** 1 at the position of each write confirmed applied. */
		private final AtomicIntegerArray confirmed;

		private final ChunkLanes<WriteOp> lanes;

		private final CompletableFuture<BatchResult> result = new CompletableFuture<>();

		private Run(List<WriteOp> writes) {
			this.writes = writes;
			this.confirmed = new AtomicIntegerArray(writes.size());
			List<List<WriteOp>> chunks = new ArrayList<>();
			for (int from = 0; from < writes.size(); from += CHUNK_SIZE) {
				chunks.add(writes.subList(from, Math.min(from + CHUNK_SIZE, writes.size())));
			}
			for (int i = 0; i < writes.size(); i++) {
				this.positions.put(writes.get(i).key(), i);
			}
			this.lanes = new ChunkLanes<>(BatchWriter.this.store, chunks, this::send);
		}

		/** Starts sending; the first lane runs on the calling thread until it first waits. */
		public void start() {
			this.lanes.run().whenComplete((ended, never) -> finish(null));
		}

		/** The outcome: what was applied, or a {@link BatchWriteException}. */
		public CompletableFuture<BatchResult> result() {
			return this.result;
		}

		/**
		 * Stops at once: nothing more is sent, and the result reports every write not confirmed
		 * so far as unapplied (including those whose request is still in flight).
		 * @param reason why (see {@link Operation#stop})
		 */
		public void stop(Throwable reason) {
			this.lanes.stop();
			finish(reason);
		}

		private CompletableFuture<List<WriteOp>> send(List<WriteOp> chunk) {
			List<WriteRequest> requests = chunk.stream().map(WriteOp::writeRequest).toList();
			BatchWriteItemRequest request = BatchWriteItemRequest.builder()
				.requestItems(Map.of(BatchWriter.this.store.table(), requests))
				.build();
			return BatchWriter.this.store.calls().batchWriteItem(request).thenApply((response) -> {
				List<WriteOp> left = unprocessed(response, chunk);
				for (WriteOp write : chunk) {
					if (!left.contains(write)) {
						this.confirmed.set(this.positions.get(write.key()), 1);
					}
				}
				return left;
			});
		}

		private List<WriteOp> unprocessed(BatchWriteItemResponse response, List<WriteOp> sent) {
			List<WriteRequest> unprocessed = response.hasUnprocessedItems()
					? response.unprocessedItems().getOrDefault(BatchWriter.this.store.table(), List.of()) : List.of();
			if (unprocessed.isEmpty()) {
				return List.of();
			}
			Set<String> keys = new HashSet<>();
			for (WriteRequest request : unprocessed) {
				Map<String, AttributeValue> attributes = (request.putRequest() != null) ? request.putRequest().item()
						: request.deleteRequest().key();
				keys.add(BatchWriter.this.schema.rangeValue(attributes));
			}
			return sent.stream().filter((write) -> keys.contains(write.key())).toList();
		}

		/** Completes the result, once: after the last lane ended, or when stopped. */
		private void finish(@Nullable Throwable stopReason) {
			if (this.result.isDone()) {
				return;
			}
			List<BatchOperation> unapplied = new ArrayList<>();
			for (int i = 0; i < this.writes.size(); i++) {
				if (this.confirmed.get(i) == 0) {
					unapplied.add(this.writes.get(i).operation());
				}
			}
			if (unapplied.isEmpty()) {
				this.result.complete(new BatchResult(this.writes.size(), this.lanes.requests(), this.lanes.retries()));
				return;
			}
			List<Throwable> failures = this.lanes.failures();
			Throwable cause = (stopReason != null) ? stopReason : failures.isEmpty() ? null : failures.get(0);
			BatchWriteException failure = new BatchWriteException(describe(unapplied.size(), stopReason, cause), unapplied,
					this.writes.size() - unapplied.size(), cause);
			failures.stream().filter((other) -> other != cause).forEach(failure::addSuppressed);
			this.result.completeExceptionally(failure);
		}

		private String describe(int unapplied, @Nullable Throwable stopReason, @Nullable Throwable cause) {
			int exhausted = this.lanes.exhausted();
			int others = unapplied - exhausted;
			StringBuilder message = new StringBuilder(BatchWriter.this.store.describe(BatchWriter.this.operation))
				.append(": ")
				.append(unapplied)
				.append(" of ")
				.append(this.writes.size())
				.append(" operations may not have been applied (");
			if (exhausted > 0) {
				message.append(exhausted)
					.append(" still unprocessed after ")
					.append(this.lanes.maxAttempts())
					.append(" attempts");
			}
			if (others > 0) {
				message.append((exhausted > 0) ? ", " : "").append(others);
				if (stopReason != null) {
					message.append(" unconfirmed when it was ").append(Operation.stopped(stopReason));
				}
				else {
					message.append(" in failed or unsent requests");
					if (cause instanceof SdkException sdk) {
						message.append(": ").append(AwsErrors.describe(sdk));
					}
					else if (cause != null) {
						message.append(": ").append(cause.getClass().getSimpleName()).append(": ").append(cause.getMessage());
					}
				}
			}
			return message.append(')').toString();
		}

	}

}
