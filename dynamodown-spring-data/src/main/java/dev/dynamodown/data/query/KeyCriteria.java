package dev.dynamodown.data.query;

import java.util.Arrays;
import java.util.Objects;
import java.util.function.Predicate;

import dev.dynamodown.KeyRange;
import dev.dynamodown.KeyValue;
import org.jspecify.annotations.Nullable;

/**
 * What a query selects, in two parts:
 * <ul>
 * <li>a <b>key range</b> (bounds and prefix), sent to DynamoDB as the Query's key condition, so
 * that only the range is read;</li>
 * <li>an optional <b>filter</b>, evaluated on each entry read from that range (criteria on other
 * properties than the key).</li>
 * </ul>
 * {@link #and} intersects the ranges (an empty intersection {@linkplain #selectsNothing() selects
 * nothing} and sends no request) and combines the filters. {@link #or} cannot be expressed as one
 * key condition: it reads the whole namespace and filters. Immutable.
 */
public final class KeyCriteria {

	private static final KeyCriteria ALL = new KeyCriteria(KeyRange.all(), false, null);

	private static final KeyCriteria NOTHING = new KeyCriteria(KeyRange.all(), true, null);

	private final KeyRange range;

	private final boolean nothing;

	private final @Nullable Predicate<KeyValue<?>> filter;

	private KeyCriteria(KeyRange range, boolean nothing, @Nullable Predicate<KeyValue<?>> filter) {
		this.range = range;
		this.nothing = nothing;
		this.filter = filter;
	}

	/** Every entry of the namespace. */
	public static KeyCriteria all() {
		return ALL;
	}

	/**
	 * The entries of a key range.
	 * @param range bounds and prefix; its direction and limit are ignored
	 * @return the criteria
	 */
	public static KeyCriteria range(KeyRange range) {
		Objects.requireNonNull(range, "'range' must not be null");
		return ALL.and(new KeyCriteria(range, false, null));
	}

	/**
	 * The entries that pass a filter; reading them reads the whole namespace.
	 * @param filter tests an entry (its key and decoded entity)
	 * @return the criteria
	 */
	public static KeyCriteria filter(Predicate<KeyValue<?>> filter) {
		Objects.requireNonNull(filter, "'filter' must not be null");
		return new KeyCriteria(KeyRange.all(), false, filter);
	}

	/** The key range to read: bounds and prefix, ascending, unlimited. */
	public KeyRange range() {
		return this.range;
	}

	/** Whether no entry can match, so that nothing needs to be read. */
	public boolean selectsNothing() {
		return this.nothing;
	}

	/** Whether entries read from {@link #range()} must still pass {@link #testFilter}. */
	public boolean hasFilter() {
		return this.filter != null;
	}

	/**
	 * Tests an entry read from {@link #range()} against the filter.
	 * @param entry the entry
	 * @return whether it matches; {@code true} if there is no filter
	 */
	public boolean testFilter(KeyValue<?> entry) {
		return this.filter == null || this.filter.test(entry);
	}

	/**
	 * Both criteria: the intersection of the ranges, both filters.
	 * @param other the other criteria
	 * @return the combined criteria
	 */
	public KeyCriteria and(KeyCriteria other) {
		if (this.nothing || other.nothing) {
			return NOTHING;
		}
		KeyRange intersection = intersect(this.range, other.range);
		if (intersection == null || intersection.isEmpty()) {
			return NOTHING;
		}
		Predicate<KeyValue<?>> both = (this.filter == null) ? other.filter
				: (other.filter == null) ? this.filter : this.filter.and(other.filter);
		return new KeyCriteria(intersection, false, both);
	}

	/**
	 * Either criteria. The union of two key ranges is not one key condition: unless one side
	 * selects nothing or everything, the result reads the whole namespace and filters.
	 * @param other the other criteria
	 * @return the combined criteria
	 */
	public KeyCriteria or(KeyCriteria other) {
		if (this.nothing) {
			return other;
		}
		if (other.nothing) {
			return this;
		}
		if (this == ALL || other == ALL) {
			return ALL;
		}
		return filter((entry) -> matches(entry) || other.matches(entry));
	}

	private boolean matches(KeyValue<?> entry) {
		return !this.nothing && this.range.contains(entry.key()) && testFilter(entry);
	}

	/** The range of keys in both ranges, or {@code null} if two prefixes exclude each other. */
	private static @Nullable KeyRange intersect(KeyRange a, KeyRange b) {
		String prefix = narrowerPrefix(a.prefixValue(), b.prefixValue());
		if (prefix == null && a.prefixValue() != null && b.prefixValue() != null) {
			return null;
		}
		KeyRange range = (prefix != null) ? KeyRange.prefix(prefix) : KeyRange.all();
		Bound lower = Bound.tighter(Bound.lower(a), Bound.lower(b), 1);
		if (lower.key() != null) {
			range = lower.inclusive() ? range.gte(lower.key()) : range.gt(lower.key());
		}
		Bound upper = Bound.tighter(Bound.upper(a), Bound.upper(b), -1);
		if (upper.key() != null) {
			range = upper.inclusive() ? range.lte(upper.key()) : range.lt(upper.key());
		}
		return range;
	}

	private static @Nullable String narrowerPrefix(@Nullable String a, @Nullable String b) {
		if (a == null || b == null) {
			return (a != null) ? a : b;
		}
		return a.startsWith(b) ? a : b.startsWith(a) ? b : null;
	}

	/** Code point order, which is DynamoDB's UTF-8 byte order. */
	private static int compare(String a, String b) {
		return Arrays.compare(a.codePoints().toArray(), b.codePoints().toArray());
	}

	/** One side of a range; {@code key} is {@code null} when that side is open. */
	private record Bound(@Nullable String key, boolean inclusive) {

		static Bound lower(KeyRange range) {
			return new Bound(range.lowerBound(), range.isLowerInclusive());
		}

		static Bound upper(KeyRange range) {
			return new Bound(range.upperBound(), range.isUpperInclusive());
		}

		/**
		 * The tighter of two bounds of the same side: the higher lower bound ({@code sign} 1) or the
		 * lower upper bound ({@code sign} -1); on equal keys, exclusive wins.
		 */
		static Bound tighter(Bound a, Bound b, int sign) {
			if (a.key == null || b.key == null) {
				return (a.key != null) ? a : b;
			}
			int c = compare(a.key, b.key) * sign;
			if (c != 0) {
				return (c > 0) ? a : b;
			}
			return new Bound(a.key, a.inclusive && b.inclusive);
		}

	}

	@Override
	public String toString() {
		return this.nothing ? "KeyCriteria[nothing]" : "KeyCriteria[" + this.range + (hasFilter() ? " filtered]" : "]");
	}

}
