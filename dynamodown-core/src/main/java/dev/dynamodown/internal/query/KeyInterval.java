package dev.dynamodown.internal.query;

import java.util.Optional;

import dev.dynamodown.KeyRange;
import dev.dynamodown.internal.Keys;
import org.jspecify.annotations.Nullable;

/**
 * The keys a {@link KeyRange} selects, as a closed interval of valid keys: what {@code Query}'s
 * inclusive key conditions ({@code BETWEEN}, {@code >=}, {@code <=}) can express exactly. An
 * exclusive bound becomes the neighbouring valid key ({@link Keys#successor},
 * {@link Keys#predecessor}: nothing valid lies between a key and its neighbour), and a prefix the
 * interval from itself to {@link Keys#lastWithPrefix its last key}. So no request ever returns a
 * key outside the range, and nothing needs to be dropped or subtracted afterwards.
 *
 * @param low the smallest key selected, or {@code null} for no lower bound
 * @param high the greatest key selected, or {@code null} for no upper bound
 */
public record KeyInterval(@Nullable String low, @Nullable String high) {

	/**
	 * The interval of a range's bounds and prefix (its direction and limit aside).
	 * @param range the range
	 * @return the interval, or empty if the range selects no valid key
	 */
	public static Optional<KeyInterval> of(KeyRange range) {
		String low = range.lowerBound();
		if (low != null && !range.isLowerInclusive()) {
			low = Keys.successor(low);
			if (low == null) {
				return Optional.empty();
			}
		}
		String high = range.upperBound();
		if (high != null && !range.isUpperInclusive()) {
			high = Keys.predecessor(high);
			if (high == null) {
				return Optional.empty();
			}
		}
		String prefix = range.prefixValue();
		if (prefix != null) {
			if (low == null || Keys.compareUtf8(prefix, low) > 0) {
				low = prefix;
			}
			String last = Keys.lastWithPrefix(prefix);
			if (high == null || Keys.compareUtf8(last, high) < 0) {
				high = last;
			}
		}
		if (low != null && high != null && Keys.compareUtf8(low, high) > 0) {
			return Optional.empty();
		}
		return Optional.of(new KeyInterval(low, high));
	}

}
