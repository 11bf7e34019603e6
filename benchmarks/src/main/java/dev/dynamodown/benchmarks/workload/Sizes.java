package dev.dynamodown.benchmarks.workload;

/**
 * How many keys each workload uses.
 * @param pointKeys keys put and got one by one, and got by one getAll (~200 B values)
 * @param largePointKeys keys put and got one by one with ~4 KB values; 0 leaves those rows out
 * @param asyncPointKeys keys put and got by one caller thread with many requests in flight (~200 B values):
 * more than {@code pointKeys}, since each run goes many times faster
 * @param bulkKeys keys of the bulk write
 * @param scanKeys keys of the ~200 B range workload (full scans and first-10)
 * @param largeScanKeys keys of the ~4 KB full scan
 * @param clearKeys keys deleted by clear
 * @param firstCalls first-10 reads per run (one is too short to time)
 */
public record Sizes(int pointKeys, int largePointKeys, int asyncPointKeys, int bulkKeys, int scanKeys, int largeScanKeys,
		int clearKeys, int firstCalls) {

	public Sizes {
		for (int size : new int[] { pointKeys, asyncPointKeys, bulkKeys, scanKeys, largeScanKeys, clearKeys, firstCalls }) {
			if (size < 1) {
				throw new IllegalArgumentException("Every size must be at least 1, was " + size);
			}
		}
		if (largePointKeys < 0) {
			throw new IllegalArgumentException("'largePointKeys' must not be negative, was " + largePointKeys);
		}
		if (scanKeys < 10) {
			throw new IllegalArgumentException("'scanKeys' must be at least 10 for the first-10 row, was " + scanKeys);
		}
	}

}
