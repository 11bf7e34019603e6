package dev.dynamodown.benchmarks.harness;

import java.util.List;

/** The median, the figure reported for each cell: one slow round (a GC, a neighbour's build) does not move it. */
public final class Medians {

	private Medians() {
	}

	public static double of(List<Double> values) {
		if (values.isEmpty()) {
			throw new IllegalArgumentException("'values' must not be empty");
		}
		double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
		int middle = sorted.length / 2;
		return (sorted.length % 2 == 1) ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
	}

}
