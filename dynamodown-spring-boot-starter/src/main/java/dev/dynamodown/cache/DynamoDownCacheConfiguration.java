package dev.dynamodown.cache;

import java.time.Duration;
import java.util.Objects;

import dev.dynamodown.DynamoDownOptions;
import dev.dynamodown.ValueCodec;
import org.jspecify.annotations.Nullable;

/**
 * How one {@link DynamoDownCache} stores its entries, the counterpart of Spring Data Redis's
 * {@code RedisCacheConfiguration}: the time to live of its entries, whether it caches
 * {@code null}, the codec of its values and the consistency of its reads. Immutable: each method
 * returns a new configuration.
 * <p>
 * The defaults: entries never expire, {@code null} is cached (as a marker item), values are
 * JSON-shaped attributes read back as {@code ValueCodec.json(Object.class)} reads them (maps, lists,
 * strings, numbers, booleans), reads as consistent as the {@code DynamoDown}'s.
 */
public final class DynamoDownCacheConfiguration {

	private static final DynamoDownCacheConfiguration DEFAULTS = new DynamoDownCacheConfiguration(null, true,
			ValueCodec.json(Object.class), null);

	private final @Nullable Duration timeToLive;

	private final boolean cacheNullValues;

	private final ValueCodec<?> valueCodec;

	private final @Nullable Boolean consistentReads;

	private DynamoDownCacheConfiguration(@Nullable Duration timeToLive, boolean cacheNullValues, ValueCodec<?> valueCodec,
			@Nullable Boolean consistentReads) {
		this.timeToLive = timeToLive;
		this.cacheNullValues = cacheNullValues;
		this.valueCodec = valueCodec;
		this.consistentReads = consistentReads;
	}

	/** The defaults: no expiry, {@code null} cached, JSON values, the {@code DynamoDown}'s reads. */
	public static DynamoDownCacheConfiguration defaultCacheConfig() {
		return DEFAULTS;
	}

	/**
	 * Entries that expire once {@code timeToLive} has elapsed since they were written (with the
	 * rounding of {@code SortedKeyValueOperations.put(key, value, ttl)}); {@link Duration#ZERO}
	 * for entries that never expire.
	 * @param timeToLive zero or more
	 * @return the new configuration
	 */
	public DynamoDownCacheConfiguration entryTtl(Duration timeToLive) {
		Objects.requireNonNull(timeToLive, "'timeToLive' must not be null");
		if (timeToLive.isNegative()) {
			throw new IllegalArgumentException("'timeToLive' must not be negative, was " + timeToLive);
		}
		return new DynamoDownCacheConfiguration(timeToLive.isZero() ? null : timeToLive, this.cacheNullValues,
				this.valueCodec, this.consistentReads);
	}

	/**
	 * Refuses {@code null} values: {@code put(key, null)} throws, and {@code @Cacheable} methods
	 * returning {@code null} need {@code unless = "#result == null"}.
	 * @return the new configuration
	 */
	public DynamoDownCacheConfiguration disableCachingNullValues() {
		return new DynamoDownCacheConfiguration(this.timeToLive, false, this.valueCodec, this.consistentReads);
	}

	/**
	 * The codec of the values, for example {@code ValueCodec.json(Book.class, mapper)} so that a
	 * cached {@code Book} is read back as a {@code Book}. It must not map a value to exactly the
	 * attributes of the null marker ({@link DynamoDownCache#NULL_MARKER}).
	 * @param valueCodec the codec
	 * @return the new configuration
	 */
	public DynamoDownCacheConfiguration valueCodec(ValueCodec<?> valueCodec) {
		return new DynamoDownCacheConfiguration(this.timeToLive, this.cacheNullValues,
				Objects.requireNonNull(valueCodec, "'valueCodec' must not be null"), this.consistentReads);
	}

	/**
	 * Whether reads are strongly consistent: a read after an evict or a put sees it. {@code false}
	 * halves their cost, and a read may then return an entry evicted or replaced within about the
	 * last second. Unset, the {@link DynamoDownOptions#consistentReads() DynamoDown's setting}.
	 * @param consistentReads whether reads are strongly consistent
	 * @return the new configuration
	 */
	public DynamoDownCacheConfiguration consistentReads(boolean consistentReads) {
		return new DynamoDownCacheConfiguration(this.timeToLive, this.cacheNullValues, this.valueCodec, consistentReads);
	}

	/** How long entries live, or {@code null} if they never expire. */
	public @Nullable Duration getTimeToLive() {
		return this.timeToLive;
	}

	/** Whether {@code null} values are cached. */
	public boolean getAllowCacheNullValues() {
		return this.cacheNullValues;
	}

	/** The codec of the values. */
	public ValueCodec<?> getValueCodec() {
		return this.valueCodec;
	}

	/** Whether reads are strongly consistent, or {@code null} for the {@code DynamoDown}'s setting. */
	public @Nullable Boolean getConsistentReads() {
		return this.consistentReads;
	}

	@Override
	public String toString() {
		return "DynamoDownCacheConfiguration[timeToLive=" + this.timeToLive + ", cacheNullValues=" + this.cacheNullValues
				+ ", valueCodec=" + this.valueCodec + ", consistentReads=" + this.consistentReads + "]";
	}

}
