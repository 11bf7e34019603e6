package dev.dynamodown;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link DynamoDown} or an {@link AsyncDynamoDown} runs its batches and retries, where its
 * stores keep expiry times, and how they read. Immutable; build one with {@link #builder()}, or
 * start from {@link #defaults()} or {@link #toBuilder()}.
 * <p>
 * The batch settings apply only to what the library itself retries: unprocessed items of
 * {@code BatchWriteItem} and unprocessed keys of {@code BatchGetItem}. Throttling and 5xx errors
 * of single requests are retried by the {@code DynamoDbClient}'s own retry policy, configured on
 * the client.
 */
public final class DynamoDownOptions {

	private static final DynamoDownOptions DEFAULTS = new Builder().build();

	private final int batchConcurrency;

	private final int maxBatchAttempts;

	private final Duration retryBaseDelay;

	private final Duration retryMaxDelay;

	private final DynamoDownListener listener;

	private final String expiryAttribute;

	private final boolean consistentReads;

	private final Clock clock;

	private DynamoDownOptions(Builder builder) {
		this.batchConcurrency = builder.batchConcurrency;
		this.maxBatchAttempts = builder.maxBatchAttempts;
		this.retryBaseDelay = builder.retryBaseDelay;
		this.retryMaxDelay = builder.retryMaxDelay;
		this.listener = builder.listener;
		this.expiryAttribute = builder.expiryAttribute;
		this.consistentReads = builder.consistentReads;
		this.clock = builder.clock;
	}

	/**
	 * The defaults: 8 requests in flight, 10 attempts, backoff from 25 ms up to 2 s, no listener,
	 * expiry times in {@code expires}, strongly consistent reads, the system clock.
	 */
	public static DynamoDownOptions defaults() {
		return DEFAULTS;
	}

	/** A builder starting from the defaults. */
	public static Builder builder() {
		return new Builder();
	}

	/** A builder starting from these options. */
	public Builder toBuilder() {
		return new Builder(this);
	}

	/**
	 * How many requests one batch, {@code getAll} or {@code clear} keeps in flight at most. Default
	 * 8. With {@link DynamoDown}, its calling thread sends one lane's requests and a pool of that
	 * many daemon threads ({@code dynamodown-batch-N}), shared by every store of the
	 * {@code DynamoDown}, the others'. With {@link AsyncDynamoDown}, no thread is used per request.
	 */
	public int batchConcurrency() {
		return this.batchConcurrency;
	}

	/**
	 * How many times one chunk of a batch is sent at most: the first request plus retries of
	 * what DynamoDB left unprocessed.
	 */
	public int maxBatchAttempts() {
		return this.maxBatchAttempts;
	}

	/**
	 * Backoff before the first retry of unprocessed items; it doubles with every retry up to
	 * {@link #retryMaxDelay()}, and the actual delay is drawn at random below it (full jitter).
	 */
	public Duration retryBaseDelay() {
		return this.retryBaseDelay;
	}

	/** Upper bound of the backoff between retries of unprocessed items. */
	public Duration retryMaxDelay() {
		return this.retryMaxDelay;
	}

	/** Observer of operations and retries, for metrics. */
	public DynamoDownListener listener() {
		return this.listener;
	}

	/**
	 * The attribute that holds an entry's expiry time, in whole seconds since the epoch: the
	 * table's TTL attribute. Default {@code expires}. Written by the {@code put} methods that take
	 * a time to live; reads skip an entry once that time has passed. It is not part of any value:
	 * a value with a field of that name is refused like one with a key attribute's name, and a
	 * table whose hash or range key has that name cannot host stores of this instance.
	 */
	public String expiryAttribute() {
		return this.expiryAttribute;
	}

	/**
	 * Whether reads are strongly consistent (default {@code true}): a read sees every write that
	 * completed before it, as a leveldown user expects. {@code false} reads eventually consistent,
	 * at half the read capacity, and may miss writes of about the last second. Applies to
	 * {@code get}, {@code getAll}, {@code exists}, range reads and {@code count} of every store
	 * whose template does not say otherwise ({@code withConsistentReads}); the reads that decide a
	 * write ({@code clear}'s, a conditional write's check of its own earlier attempt) stay strongly
	 * consistent.
	 */
	public boolean consistentReads() {
		return this.consistentReads;
	}

	/**
	 * The clock that decides what "now" is for expiry: when an entry written with a time to live
	 * expires, and whether one read has expired. Default {@link Clock#systemUTC()}; tests pass a
	 * clock they control.
	 */
	public Clock clock() {
		return this.clock;
	}

	@Override
	public String toString() {
		return "DynamoDownOptions[batchConcurrency=" + this.batchConcurrency + ", maxBatchAttempts="
				+ this.maxBatchAttempts + ", retryBaseDelay=" + this.retryBaseDelay + ", retryMaxDelay="
				+ this.retryMaxDelay + ", expiryAttribute=" + this.expiryAttribute + ", consistentReads="
				+ this.consistentReads + "]";
	}

	/** Builds {@link DynamoDownOptions}; every setter validates its argument at once. */
	public static final class Builder {

		// 8: measured in BENCHMARKS.md, 8 requests in flight reach 3.3-3.7x a sequential loop with
		// 5 ms of latency (4 reach 2.3-2.7x) and cost nothing measurable at 0 ms.
		private int batchConcurrency = 8;

		private int maxBatchAttempts = 10;

		private Duration retryBaseDelay = Duration.ofMillis(25);

		private Duration retryMaxDelay = Duration.ofSeconds(2);

		private DynamoDownListener listener = DynamoDownListener.NONE;

		private String expiryAttribute = "expires";

		private boolean consistentReads = true;

		private Clock clock = Clock.systemUTC();

		private Builder() {
		}

		private Builder(DynamoDownOptions options) {
			this.batchConcurrency = options.batchConcurrency;
			this.maxBatchAttempts = options.maxBatchAttempts;
			this.retryBaseDelay = options.retryBaseDelay;
			this.retryMaxDelay = options.retryMaxDelay;
			this.listener = options.listener;
			this.expiryAttribute = options.expiryAttribute;
			this.consistentReads = options.consistentReads;
			this.clock = options.clock;
		}

		/** See {@link DynamoDownOptions#batchConcurrency()}; at least 1. */
		public Builder batchConcurrency(int batchConcurrency) {
			if (batchConcurrency < 1) {
				throw new IllegalArgumentException("'batchConcurrency' must be at least 1, was " + batchConcurrency);
			}
			this.batchConcurrency = batchConcurrency;
			return this;
		}

		/** See {@link DynamoDownOptions#maxBatchAttempts()}; at least 1. */
		public Builder maxBatchAttempts(int maxBatchAttempts) {
			if (maxBatchAttempts < 1) {
				throw new IllegalArgumentException("'maxBatchAttempts' must be at least 1, was " + maxBatchAttempts);
			}
			this.maxBatchAttempts = maxBatchAttempts;
			return this;
		}

		/** See {@link DynamoDownOptions#retryBaseDelay()}; zero or more. */
		public Builder retryBaseDelay(Duration retryBaseDelay) {
			this.retryBaseDelay = requireNotNegative(retryBaseDelay, "retryBaseDelay");
			return this;
		}

		/** See {@link DynamoDownOptions#retryMaxDelay()}; zero or more. */
		public Builder retryMaxDelay(Duration retryMaxDelay) {
			this.retryMaxDelay = requireNotNegative(retryMaxDelay, "retryMaxDelay");
			return this;
		}

		/** See {@link DynamoDownOptions#listener()}. */
		public Builder listener(DynamoDownListener listener) {
			this.listener = Objects.requireNonNull(listener, "'listener' must not be null");
			return this;
		}

		/** See {@link DynamoDownOptions#expiryAttribute()}; a non-empty attribute name. */
		public Builder expiryAttribute(String expiryAttribute) {
			Objects.requireNonNull(expiryAttribute, "'expiryAttribute' must not be null");
			if (expiryAttribute.isEmpty()) {
				throw new IllegalArgumentException("'expiryAttribute' must not be empty");
			}
			this.expiryAttribute = expiryAttribute;
			return this;
		}

		/** See {@link DynamoDownOptions#consistentReads()}. */
		public Builder consistentReads(boolean consistentReads) {
			this.consistentReads = consistentReads;
			return this;
		}

		/** See {@link DynamoDownOptions#clock()}. */
		public Builder clock(Clock clock) {
			this.clock = Objects.requireNonNull(clock, "'clock' must not be null");
			return this;
		}

		/**
		 * Builds the options.
		 * @return the options
		 * @throws IllegalArgumentException if the base delay exceeds the maximum delay
		 */
		public DynamoDownOptions build() {
			if (this.retryBaseDelay.compareTo(this.retryMaxDelay) > 0) {
				throw new IllegalArgumentException("'retryBaseDelay' (" + this.retryBaseDelay
						+ ") must not exceed 'retryMaxDelay' (" + this.retryMaxDelay + ")");
			}
			return new DynamoDownOptions(this);
		}

		private static Duration requireNotNegative(Duration duration, String name) {
			Objects.requireNonNull(duration, () -> "'" + name + "' must not be null");
			if (duration.isNegative()) {
				throw new IllegalArgumentException("'" + name + "' must not be negative, was " + duration);
			}
			return duration;
		}

	}

}
