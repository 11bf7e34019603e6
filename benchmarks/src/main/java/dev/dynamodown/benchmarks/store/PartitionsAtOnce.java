package dev.dynamodown.benchmarks.store;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.ToLongFunction;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The raw SDK reading several partitions at once, one pool thread per partition, without merging them: the
 * same {@code Query}s a sharded namespace's read sends, with nothing of a library around them. A ceiling
 * only: it returns the items in no order (a first-n read counts the first n of all partitions' answers).
 */
public final class PartitionsAtOnce implements RangeStore {

	private final List<RawSdkStore> partitions;

	private final ExecutorService pool;

	/**
	 * @param client the client to send with
	 * @param table the table
	 * @param partitions the hash-key values to read
	 * @param pool runs one read per partition
	 */
	public PartitionsAtOnce(DynamoDbClient client, String table, List<String> partitions, ExecutorService pool) {
		this.partitions = partitions.stream().map((partition) -> new RawSdkStore(client, table, partition, pool)).toList();
		this.pool = pool;
	}

	@Override
	public long scan(boolean reverse) {
		return each((partition) -> partition.scan(reverse));
	}

	@Override
	public long first(int n) {
		return Math.min(n, each((partition) -> partition.first(n)));
	}

	private long each(ToLongFunction<RawSdkStore> read) {
		AtomicLong items = new AtomicLong();
		InFlight reads = new InFlight(this.pool, this.partitions.size());
		for (RawSdkStore partition : this.partitions) {
			reads.submit(() -> items.addAndGet(read.applyAsLong(partition)));
		}
		reads.awaitAll();
		return items.get();
	}

}
