package dev.dynamodown.benchmarks.proxy;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;

/**
 * A model of DynamoDB's per-partition throughput limit, which dynalite does not have: each partition-key
 * value of each table may consume at most {@code W} write units and {@code R} read units per second, each a
 * token bucket that holds up to {@code burst} seconds' worth of units (see {@link TokenBucket}). Units are
 * DynamoDB's: a write one per started kilobyte of the item, a read one per started 4 KB, half of that when
 * eventually consistent ({@link ItemSizes}). DynamoDB serves about 1,000 write and 3,000 read units per
 * partition per second; a benchmark scales both down to what its local server can serve in total, so that
 * the limit, not the server, is what a hot partition meets.
 * <p>
 * {@link BenchmarkProxy} applies it to every request ({@code Throttler}); the {@link #ledger()} tells what was
 * consumed and refused. The partition key of an item is its attribute named {@link #hashKey()} ({@code ns},
 * the layout of the benchmarks and of {@code DynamoDown.createTableIfMissing}).
 */
public final class PartitionThroughput {

	/** The hash-key attribute of the benchmarks' tables. */
	public static final String DEFAULT_HASH_KEY = "ns";

	private final long writeUnitsPerSecond;

	private final long readUnitsPerSecond;

	private final Duration burst;

	private final String hashKey;

	private final LongSupplier clock;

	private final Map<Partition, TokenBucket[]> buckets = new ConcurrentHashMap<>();

	private final LongAdder writeUnits = new LongAdder();

	private final LongAdder readUnits = new LongAdder();

	private final LongAdder throttledRequests = new LongAdder();

	private final LongAdder unprocessedEntries = new LongAdder();

	private PartitionThroughput(long writeUnitsPerSecond, long readUnitsPerSecond, Duration burst, String hashKey,
			LongSupplier clock) {
		if (writeUnitsPerSecond < 1 || readUnitsPerSecond < 1) {
			throw new IllegalArgumentException("Units per second must be at least 1, were " + writeUnitsPerSecond
					+ " write and " + readUnitsPerSecond + " read");
		}
		Objects.requireNonNull(burst, "'burst' must not be null");
		if (burst.isNegative() || burst.isZero()) {
			throw new IllegalArgumentException("'burst' must be positive, was " + burst);
		}
		this.writeUnitsPerSecond = writeUnitsPerSecond;
		this.readUnitsPerSecond = readUnitsPerSecond;
		this.burst = burst;
		this.hashKey = Objects.requireNonNull(hashKey, "'hashKey' must not be null");
		this.clock = clock;
	}

	/**
	 * A limit per partition-key value, on the benchmarks' key layout, with the system clock.
	 * @param writeUnitsPerSecond write units each partition may consume per second
	 * @param readUnitsPerSecond read units each partition may consume per second
	 * @param burst how many seconds' worth of unused units a partition may save up (a full bucket at start)
	 */
	public static PartitionThroughput perPartition(long writeUnitsPerSecond, long readUnitsPerSecond, Duration burst) {
		return new PartitionThroughput(writeUnitsPerSecond, readUnitsPerSecond, burst, DEFAULT_HASH_KEY, System::nanoTime);
	}

	/**
	 * Parses {@code W,R[,BURST_MS]}: write and read units per second per partition, and the burst in
	 * milliseconds (1,000 unless given).
	 * @throws IllegalArgumentException if the text is not of that form
	 */
	public static PartitionThroughput parse(String limits) {
		String[] parts = limits.split(",", -1);
		try {
			if (parts.length == 2 || parts.length == 3) {
				Duration burst = Duration.ofMillis((parts.length == 3) ? Long.parseLong(parts[2].trim()) : 1_000);
				return perPartition(Long.parseLong(parts[0].trim()), Long.parseLong(parts[1].trim()), burst);
			}
		}
		catch (NumberFormatException ex) {
			// reported below
		}
		throw new IllegalArgumentException("Throughput limits must be 'W,R' or 'W,R,BURST_MS' (whole numbers), were '"
				+ limits + "'");
	}

	/** A model with the same limits and full buckets, its ledger at zero. */
	public PartitionThroughput fresh() {
		return new PartitionThroughput(this.writeUnitsPerSecond, this.readUnitsPerSecond, this.burst, this.hashKey, this.clock);
	}

	/** The same limits on tables whose hash-key attribute is {@code hashKey}. */
	public PartitionThroughput withHashKey(String hashKey) {
		return new PartitionThroughput(this.writeUnitsPerSecond, this.readUnitsPerSecond, this.burst, hashKey, this.clock);
	}

	/** The same limits on another clock (nanoseconds), for tests that count rather than time. */
	PartitionThroughput withClock(LongSupplier clock) {
		return new PartitionThroughput(this.writeUnitsPerSecond, this.readUnitsPerSecond, this.burst, this.hashKey, clock);
	}

	public String hashKey() {
		return this.hashKey;
	}

	/** What was consumed and refused since the start or the last {@link #resetLedger()}. */
	public Ledger ledger() {
		return new Ledger(this.writeUnits.sum() / (double) ItemSizes.UNIT, this.readUnits.sum() / (double) ItemSizes.UNIT,
				this.throttledRequests.sum(), this.unprocessedEntries.sum());
	}

	/** Starts the {@link #ledger()} again from zero (the buckets keep their levels). */
	public void resetLedger() {
		this.writeUnits.reset();
		this.readUnits.reset();
		this.throttledRequests.reset();
		this.unprocessedEntries.reset();
	}

	@Override
	public String toString() {
		return "per partition " + this.writeUnitsPerSecond + " write / " + this.readUnitsPerSecond + " read units/s, burst "
				+ this.burst.toMillis() + " ms";
	}

	/** Takes a write's units from its partition; {@code false} if it is throttled. */
	boolean tryWrite(String table, String partition, long units) {
		boolean admitted = buckets(table, partition)[0].tryTake(units, this.clock.getAsLong());
		if (admitted) {
			this.writeUnits.add(units);
		}
		return admitted;
	}

	/** Takes a read's minimum units from its partition; {@code false} if it is throttled. */
	boolean tryRead(String table, String partition, long minimumUnits) {
		boolean admitted = buckets(table, partition)[1].tryTake(minimumUnits, this.clock.getAsLong());
		if (admitted) {
			this.readUnits.add(minimumUnits);
		}
		return admitted;
	}

	/** Charges an admitted read what it cost beyond its minimum. */
	void chargeRead(String table, String partition, long units) {
		if (units > 0) {
			buckets(table, partition)[1].charge(units, this.clock.getAsLong());
			this.readUnits.add(units);
		}
	}

	void countThrottledRequest() {
		this.throttledRequests.increment();
	}

	void countUnprocessed(int entries) {
		this.unprocessedEntries.add(entries);
	}

	private TokenBucket[] buckets(String table, String partition) {
		return this.buckets.computeIfAbsent(new Partition(table, partition), (key) -> {
			long now = this.clock.getAsLong();
			long burstNanos = this.burst.toNanos();
			return new TokenBucket[] { new TokenBucket(this.writeUnitsPerSecond, burstNanos, now),
					new TokenBucket(this.readUnitsPerSecond, burstNanos, now) };
		});
	}

	private record Partition(String table, String value) {
	}

	/**
	 * What the model saw.
	 * @param writeUnits write units consumed
	 * @param readUnits read units consumed
	 * @param throttledRequests requests answered {@code ProvisionedThroughputExceededException} (a batch of which
	 * every entry was throttled included)
	 * @param unprocessedEntries batch items and keys returned unprocessed because their partition was throttled
	 */
	public record Ledger(double writeUnits, double readUnits, long throttledRequests, long unprocessedEntries) {
	}

}
