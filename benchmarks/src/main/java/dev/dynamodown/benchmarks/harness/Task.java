package dev.dynamodown.benchmarks.harness;

/** One timed run of a workload by one contestant. */
@FunctionalInterface
public interface Task {

	/**
	 * Runs the workload once.
	 * @return the number of items written, read or deleted, checked against what the row expects
	 */
	long run();

}
