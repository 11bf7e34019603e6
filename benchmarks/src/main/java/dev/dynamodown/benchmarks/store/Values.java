package dev.dynamodown.benchmarks.store;

import org.jspecify.annotations.Nullable;

/** Checks that a read really produced a value, so that no contender can skip decoding unnoticed. */
final class Values {

	private Values() {
	}

	/**
	 * Whether {@code value} was read: the benchmark never writes an empty value, so a count of the items for
	 * which this holds is checked against the number expected.
	 */
	static boolean isPresent(@Nullable String value) {
		return value != null && !value.isEmpty();
	}

}
