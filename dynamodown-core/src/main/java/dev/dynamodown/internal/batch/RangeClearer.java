package dev.dynamodown.internal.batch;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import dev.dynamodown.BatchWriteException;
import dev.dynamodown.KeyRange;
import dev.dynamodown.internal.query.RangeReader;
import dev.dynamodown.internal.store.Store;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Deletes every key of a range: reads the keys only, page by page, and deletes them with the
 * {@link BatchWriter} in blocks of {@value #CHUNKS_PER_WORKER} chunks per request in flight, so
 * a huge range is never held in memory. NOT atomic: keys written meanwhile may survive, and on
 * failure the {@link BatchWriteException} lists the deletes of the failing block that may not
 * have been applied (later keys were not read); its {@link BatchWriteException#applied()} counts
 * every delete applied so far.
 */
public final class RangeClearer {

	private static final int CHUNKS_PER_WORKER = 4;

	private final Store store;

	private final BatchWriter writer;

	private final int blockSize;

	public RangeClearer(Store store) {
		this.store = store;
		this.writer = new BatchWriter(store, "clear");
		this.blockSize = BatchWriter.CHUNK_SIZE * store.runtime().options().batchConcurrency() * CHUNKS_PER_WORKER;
	}

	/**
	 * Deletes the keys of a range.
	 * @param range the keys to delete
	 * @return how many keys were deleted
	 */
	public long clear(KeyRange range) {
		long deleted = 0;
		List<WriteOp> block = new ArrayList<>(this.blockSize);
		try (Stream<Map<String, AttributeValue>> items = new RangeReader(this.store).stream(range, true, "clear",
				(failure) -> {
				})) {
			Iterator<Map<String, AttributeValue>> keys = items.iterator();
			while (keys.hasNext()) {
				String key = this.store.schema().rangeValue(keys.next());
				block.add(WriteOp.delete(key, this.store.key(key)));
				if (block.size() == this.blockSize || !keys.hasNext()) {
					deleted += delete(block, deleted);
					block.clear();
				}
			}
		}
		return deleted;
	}

	private long delete(List<WriteOp> block, long deletedBefore) {
		try {
			return this.writer.write(block).applied();
		}
		catch (BatchWriteException ex) {
			throw new BatchWriteException(ex.getMessage(), ex.unapplied(),
					(int) Math.min(Integer.MAX_VALUE, deletedBefore + ex.applied()), ex.getCause());
		}
	}

}
