package dev.dynamodown.benchmarks.store;

/** Ordered reads of the whole namespace. */
public interface RangeStore {

	/**
	 * Reads every item in key order (descending if {@code reverse}), decoding each value, without keeping
	 * them: the memory a scan needs is the library's, not the caller's.
	 * @return the number of items read
	 */
	long scan(boolean reverse);

	/**
	 * Reads the first {@code n} items in key order.
	 * @return the number of items read
	 */
	long first(int n);

}
