package dev.dynamodown.internal.batch;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import dev.dynamodown.BatchWriteException;
import dev.dynamodown.KeyRange;
import dev.dynamodown.internal.Futures;
import dev.dynamodown.internal.paging.PageSource;
import dev.dynamodown.internal.query.RangeRead;
import dev.dynamodown.internal.query.RangeSources;
import dev.dynamodown.internal.schema.TableSchema;
import dev.dynamodown.internal.store.Operation;
import dev.dynamodown.internal.store.Store;
import org.jspecify.annotations.Nullable;

/**
 * Deletes every item of a range, expired entries included (reads no longer return them, but they
 * are items of the store until DynamoDB's TTL deletes them, which endpoints without TTL never
 * do): reads the keys only, page by page, strongly consistent, and deletes them with the
 * {@link BatchWriter} in blocks of {@value #CHUNKS_PER_LANE} chunks per request in flight, so a
 * huge range is never held in memory. A block is deleted as soon as it is full, before the next
 * page is asked for. NOT atomic: keys written meanwhile may survive, and on failure the
 * {@link BatchWriteException} lists the deletes of the failing block that may not have been
 * applied (later keys were not read); its {@link BatchWriteException#applied()} counts every
 * delete applied so far. A sharded store's keys are read from every shard at once and merged in
 * key order ({@link RangeSources}), so a limit clears exactly the first keys of the range; a block
 * of deletes mixes shards.
 */
public final class RangeClearer {

	private static final int CHUNKS_PER_LANE = 4;

	private final Store store;

	private final int blockSize;

	public RangeClearer(Store store) {
		this.store = store;
		this.blockSize = BatchWriter.CHUNK_SIZE * store.runtime().options().batchConcurrency() * CHUNKS_PER_LANE;
	}

	/**
	 * Deletes the keys of a range.
	 * @param range the keys to delete
	 * @param operation the {@code clear} (or {@code destroy}) operation, told how to stop this
	 * @return how many keys were deleted
	 */
	public CompletableFuture<Long> clear(KeyRange range, Operation<?> operation) {
		if (range.isEmpty()) {
			return CompletableFuture.completedFuture(0L);
		}
		return this.store.schema().thenCompose((schema) -> {
			Clearing clearing = new Clearing(range, schema);
			operation.onStop(clearing::stop);
			return Futures.repeat(clearing::step)
				.whenComplete((done, failure) -> clearing.keys.close())
				.thenApply((done) -> clearing.deleted);
		});
	}

	/** One clear in progress: keys read but not deleted yet, and what was deleted. */
	private final class Clearing {

		private final PageSource<String> keys;

		private final TableSchema schema;

		private final List<String> block = new ArrayList<>();

		private boolean lastPage;

		private long deleted;

		private volatile BatchWriter.@Nullable Run deleting;

		private volatile @Nullable Throwable stopReason;

		Clearing(KeyRange range, TableSchema schema) {
			this.schema = schema;
			this.keys = RangeSources.of(RangeClearer.this.store, range, RangeRead.EVERY_KEY, "clear",
					(layout, item) -> layout.rangeValue(item));
		}

		/** Deletes a full block, or the rest after the last page, or reads the next page. */
		CompletableFuture<Boolean> step() {
			if (this.block.size() >= RangeClearer.this.blockSize || (this.lastPage && !this.block.isEmpty())) {
				return deleteBlock();
			}
			if (this.lastPage) {
				return CompletableFuture.completedFuture(false);
			}
			return this.keys.next().thenApply((page) -> {
				this.block.addAll(page.items());
				this.lastPage = page.last();
				return true;
			});
		}

		void stop(Throwable reason) {
			this.stopReason = reason;
			this.keys.close();
			BatchWriter.Run run = this.deleting;
			if (run != null) {
				run.stop(reason);
			}
		}

		private CompletableFuture<Boolean> deleteBlock() {
			List<String> next = this.block.subList(0, Math.min(this.block.size(), RangeClearer.this.blockSize));
			List<WriteOp> deletes = next.stream()
				.map((key) -> WriteOp.delete(key, RangeClearer.this.store.key(this.schema, key)))
				.toList();
			BatchWriter.Run run = new BatchWriter(RangeClearer.this.store, this.schema, "clear").prepare(deletes);
			this.deleting = run;
			Throwable stopped = this.stopReason;
			if (stopped != null) {
				run.stop(stopped);
			}
			else {
				run.start();
			}
			return run.result().handle((result, failure) -> {
				this.deleting = null;
				if (failure != null) {
					throw countingEarlierBlocks(Futures.unwrap(failure));
				}
				this.deleted += result.applied();
				next.clear();
				return true;
			});
		}

		private RuntimeException countingEarlierBlocks(Throwable failure) {
			if (!(failure instanceof BatchWriteException block)) {
				return Futures.unchecked(failure);
			}
			BatchWriteException total = new BatchWriteException(block.getMessage(), block.unapplied(),
					(int) Math.min(Integer.MAX_VALUE, this.deleted + block.applied()), block.getCause());
			for (Throwable suppressed : block.getSuppressed()) {
				total.addSuppressed(suppressed);
			}
			return total;
		}

	}

}
