package dev.dynamodown.benchmarks.harness;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Measures rows. Each contestant first runs {@code warmUps} unrecorded times; then come {@code rounds}
 * rounds in which every contestant runs once, the order rotating by one each round so that drift (the
 * server's memory growing, the machine's other load) falls on all contestants alike. A cell's figure is the
 * median of its rounds.
 * <p>
 * Every run must report the number of items the row expects: a contestant that read, wrote or deleted a
 * different number stops the benchmark rather than be timed. With a {@link CapacityMeter}, each cell also
 * holds the capacity units its last measured round consumed.
 */
public final class Runner {

	private final int warmUps;

	private final int rounds;

	private final PrintStream progress;

	private final @Nullable CapacityMeter capacity;

	public Runner(int warmUps, int rounds, PrintStream progress) {
		this(warmUps, rounds, progress, null);
	}

	/** A runner that also reads each run's capacity units from {@code capacity}, if not {@code null}. */
	public Runner(int warmUps, int rounds, PrintStream progress, @Nullable CapacityMeter capacity) {
		if (rounds < 1) {
			throw new IllegalArgumentException("'rounds' must be at least 1, was " + rounds);
		}
		this.warmUps = warmUps;
		this.rounds = rounds;
		this.progress = progress;
		this.capacity = capacity;
	}

	public RowResult measure(Row row) {
		long started = System.nanoTime();
		List<Contestant> contestants = row.contestants();
		for (int i = 0; i < this.warmUps; i++) {
			for (Contestant contestant : contestants) {
				runOnce(row, contestant);
			}
		}
		Map<Contestant, List<Double>> rates = new HashMap<>();
		Map<Contestant, Map<String, Long>> requests = new HashMap<>();
		Map<Contestant, Capacity> capacities = new HashMap<>();
		for (int round = 0; round < this.rounds; round++) {
			for (int i = 0; i < contestants.size(); i++) {
				Contestant contestant = contestants.get((round + i) % contestants.size());
				Run run = runOnce(row, contestant);
				rates.computeIfAbsent(contestant, key -> new ArrayList<>()).add(run.opsPerSecond());
				requests.put(contestant, run.requests());
				if (run.capacity() != null) {
					capacities.put(contestant, run.capacity());
				}
			}
		}
		List<Cell> cells = new ArrayList<>();
		for (Contestant contestant : contestants) {
			HeapUse heap = (row.measureHeap() && contestant.column() != Column.CEILING) ? measureHeap(row, contestant)
					: null;
			List<Double> measured = rates.get(contestant);
			cells.add(new Cell(contestant, Medians.of(measured), List.copyOf(measured), requests.get(contestant), heap,
					capacities.get(contestant)));
		}
		this.progress.printf(Locale.ROOT, "  %-44s %5.1f s%n", row.name(), (System.nanoTime() - started) / 1e9);
		return new RowResult(row, cells);
	}

	private Run runOnce(Row row, Contestant contestant) {
		row.beforeEachRun().run();
		contestant.requests().reset();
		if (this.capacity != null) {
			this.capacity.reset();
		}
		long start = System.nanoTime();
		long items = contestant.task().run();
		long elapsed = System.nanoTime() - start;
		check(row, contestant, items);
		return new Run(row.operations() / (elapsed / 1e9), contestant.requests().snapshot(),
				(this.capacity != null) ? this.capacity.read() : null);
	}

	private HeapUse measureHeap(Row row, Contestant contestant) {
		row.beforeEachRun().run();
		long[] items = new long[1];
		HeapUse heap = HeapSampler.measure(() -> items[0] = contestant.task().run());
		check(row, contestant, items[0]);
		return heap;
	}

	private static void check(Row row, Contestant contestant, long items) {
		if (items != row.expected()) {
			throw new IllegalStateException(contestant.column().title() + " (" + contestant.label() + ") reported "
					+ items + " items on '" + row.name() + "', expected " + row.expected());
		}
	}

	private record Run(double opsPerSecond, Map<String, Long> requests, @Nullable Capacity capacity) {
	}

}
