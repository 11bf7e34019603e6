package dev.dynamodown;

import java.util.Objects;

import dev.dynamodown.internal.Keys;
import dev.dynamodown.internal.query.KeyInterval;
import org.jspecify.annotations.Nullable;

/**
 * An immutable selection of keys of one store: optional lower and upper bounds, an optional
 * prefix, a direction and an optional limit. Each modifier returns a new range.
 * <ul>
 * <li>{@code gt}/{@code gte} set the lower bound (replacing any earlier lower bound),
 * {@code lt}/{@code lte} the upper one. Bounds are exact: {@code gt}/{@code lt} never include
 * the bound itself, also when both sides are given.</li>
 * <li>A prefix selects the keys that start with it; combined with bounds, a key must satisfy
 * both.</li>
 * <li>A range whose lower bound is above its upper bound is empty: reading it sends no request
 * and raises no error.</li>
 * <li>Keys compare in UTF-8 byte order, as DynamoDB sorts them.</li>
 * <li>{@code limit(n)} caps the number of entries returned; no page is read that it does not
 * need.</li>
 * </ul>
 * Bounds and prefixes follow the key rules (at most 1024 UTF-8 bytes, no lone surrogate);
 * a bound breaking them raises {@link IllegalArgumentException} at once.
 */
public final class KeyRange {

	private static final int NO_LIMIT = -1;

	private static final KeyRange ALL = new KeyRange(null, false, null, false, null, false, NO_LIMIT);

	private final @Nullable String lower;

	private final boolean lowerInclusive;

	private final @Nullable String upper;

	private final boolean upperInclusive;

	private final @Nullable String prefix;

	private final boolean reverse;

	private final int limit;

	private KeyRange(@Nullable String lower, boolean lowerInclusive, @Nullable String upper, boolean upperInclusive,
			@Nullable String prefix, boolean reverse, int limit) {
		this.lower = lower;
		this.lowerInclusive = lowerInclusive;
		this.upper = upper;
		this.upperInclusive = upperInclusive;
		this.prefix = prefix;
		this.reverse = reverse;
		this.limit = limit;
	}

	/** Every key of the store, ascending, unlimited. */
	public static KeyRange all() {
		return ALL;
	}

	/**
	 * The keys that start with {@code prefix}, ascending, unlimited.
	 * @param prefix the prefix; empty selects every key
	 * @return the range
	 */
	public static KeyRange prefix(String prefix) {
		Objects.requireNonNull(prefix, "'prefix' must not be null");
		if (prefix.isEmpty()) {
			return ALL;
		}
		Keys.requireValid(prefix, "prefix");
		return new KeyRange(null, false, null, false, prefix, false, NO_LIMIT);
	}

	/** Keys strictly greater than {@code key} (replaces any lower bound). */
	public KeyRange gt(String key) {
		return new KeyRange(Keys.requireValid(key, "gt"), false, this.upper, this.upperInclusive, this.prefix,
				this.reverse, this.limit);
	}

	/** Keys greater than or equal to {@code key} (replaces any lower bound). */
	public KeyRange gte(String key) {
		return new KeyRange(Keys.requireValid(key, "gte"), true, this.upper, this.upperInclusive, this.prefix,
				this.reverse, this.limit);
	}

	/** Keys strictly less than {@code key} (replaces any upper bound). */
	public KeyRange lt(String key) {
		return new KeyRange(this.lower, this.lowerInclusive, Keys.requireValid(key, "lt"), false, this.prefix,
				this.reverse, this.limit);
	}

	/** Keys less than or equal to {@code key} (replaces any upper bound). */
	public KeyRange lte(String key) {
		return new KeyRange(this.lower, this.lowerInclusive, Keys.requireValid(key, "lte"), true, this.prefix,
				this.reverse, this.limit);
	}

	/** The same keys, read in descending order. */
	public KeyRange reverse() {
		return new KeyRange(this.lower, this.lowerInclusive, this.upper, this.upperInclusive, this.prefix, true,
				this.limit);
	}

	/**
	 * At most {@code limit} entries (the first ones in the range's direction).
	 * @param limit zero or more
	 * @return the limited range
	 */
	public KeyRange limit(int limit) {
		if (limit < 0) {
			throw new IllegalArgumentException("'limit' must not be negative, was " + limit);
		}
		return new KeyRange(this.lower, this.lowerInclusive, this.upper, this.upperInclusive, this.prefix,
				this.reverse, limit);
	}

	/** The lower bound, or {@code null} if none. */
	public @Nullable String lowerBound() {
		return this.lower;
	}

	/** Whether the lower bound is included ({@code gte}) rather than excluded ({@code gt}). */
	public boolean isLowerInclusive() {
		return this.lowerInclusive;
	}

	/** The upper bound, or {@code null} if none. */
	public @Nullable String upperBound() {
		return this.upper;
	}

	/** Whether the upper bound is included ({@code lte}) rather than excluded ({@code lt}). */
	public boolean isUpperInclusive() {
		return this.upperInclusive;
	}

	/** The prefix, or {@code null} if none. */
	public @Nullable String prefixValue() {
		return this.prefix;
	}

	/** Whether keys are read in descending order. */
	public boolean isReverse() {
		return this.reverse;
	}

	/** Whether a limit is set. */
	public boolean hasLimit() {
		return this.limit >= 0;
	}

	/** The limit, or {@code -1} if none. */
	public int limitValue() {
		return this.limit;
	}

	/**
	 * Whether {@code key} lies within the bounds and prefix (direction and limit aside).
	 * @param key a valid key
	 * @return whether the range selects it
	 */
	public boolean contains(String key) {
		Objects.requireNonNull(key, "'key' must not be null");
		if (this.prefix != null && !key.startsWith(this.prefix)) {
			return false;
		}
		if (this.lower != null) {
			int c = Keys.compareUtf8(key, this.lower);
			if (c < 0 || (c == 0 && !this.lowerInclusive)) {
				return false;
			}
		}
		if (this.upper != null) {
			int c = Keys.compareUtf8(key, this.upper);
			if (c > 0 || (c == 0 && !this.upperInclusive)) {
				return false;
			}
		}
		return true;
	}

	/**
	 * Whether the range selects no key at all: its bounds and prefix leave no valid key between
	 * them (a lower bound above the upper one, equal bounds with one side exclusive, a prefix
	 * outside the bounds, exclusive bounds with no valid key between them), or its limit is zero.
	 * Reading such a range sends no request.
	 */
	public boolean isEmpty() {
		return this.limit == 0 || KeyInterval.of(this).isEmpty();
	}

	@Override
	public boolean equals(@Nullable Object other) {
		if (this == other) {
			return true;
		}
		if (!(other instanceof KeyRange that)) {
			return false;
		}
		return this.lowerInclusive == that.lowerInclusive && this.upperInclusive == that.upperInclusive
				&& this.reverse == that.reverse && this.limit == that.limit && Objects.equals(this.lower, that.lower)
				&& Objects.equals(this.upper, that.upper) && Objects.equals(this.prefix, that.prefix);
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.lower, this.lowerInclusive, this.upper, this.upperInclusive, this.prefix, this.reverse,
				this.limit);
	}

	@Override
	public String toString() {
		StringBuilder text = new StringBuilder("KeyRange[");
		if (this.prefix != null) {
			text.append("prefix \"").append(this.prefix).append("\" ");
		}
		text.append(this.lower == null ? "(-∞" : (this.lowerInclusive ? "[" : "(") + "\"" + this.lower + "\"");
		text.append(", ");
		text.append(this.upper == null ? "+∞)" : "\"" + this.upper + "\"" + (this.upperInclusive ? "]" : ")"));
		if (this.reverse) {
			text.append(" reverse");
		}
		if (this.limit >= 0) {
			text.append(" limit ").append(this.limit);
		}
		return text.append(']').toString();
	}

}
