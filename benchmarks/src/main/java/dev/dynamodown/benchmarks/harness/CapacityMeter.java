package dev.dynamodown.benchmarks.harness;

/**
 * Where a run's {@link Capacity} is read: the ledger of the per-partition throughput model the requests went
 * through. Runs are measured one at a time, so the ledger between a reset and a reading is one run's.
 */
public interface CapacityMeter {

	/** Starts counting from zero. */
	void reset();

	/** What was consumed since the last reset. */
	Capacity read();

}
