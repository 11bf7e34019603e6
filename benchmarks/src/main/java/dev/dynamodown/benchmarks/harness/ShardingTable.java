package dev.dynamodown.benchmarks.harness;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Prints the sharded-namespace rows as a Markdown table: ops/s of the raw SDK on one partition (where the row
 * has it), of dynamodown over one shard and over several, the ratios of the sharded figure to the other two,
 * the row's goal, the ceiling (the raw SDK sending the shards' requests at once, where the row has it), and
 * what each contender's last measured round cost per call: requests, capacity units per operation (W write,
 * R read), and requests or batch entries throttled by the per-partition model.
 */
public final class ShardingTable {

	private static final String MISSING = "—";

	private static final List<Column> COLUMNS = List.of(Column.RAW_SDK, Column.ONE_SHARD, Column.SHARDED, Column.CEILING);

	private ShardingTable() {
	}

	public static void print(String title, int shards, List<RowResult> results, PrintStream out) {
		out.println();
		out.println("### " + title);
		out.println();
		String each = " (raw · 1 · " + shards + " · ceiling)";
		out.println("| workload | raw SDK v2, one partition | dynamodown, 1 shard | dynamodown, " + shards + " shards | "
				+ shards + " shards / 1 shard | " + shards + " shards / raw | goal | ceiling: raw SDK, the " + shards
				+ " shards' Queries at once, unmerged | requests per call" + each + " | units per operation" + each
				+ " | throttled per call" + each + " |");
		out.println("|---|--:|--:|--:|--:|--:|---|--:|:-:|:-:|:-:|");
		for (RowResult result : results) {
			Row row = result.row();
			Optional<Cell> sharded = result.cell(Column.SHARDED);
			out.println(String.join(" | ", "| " + row.name(), rate(result.cell(Column.RAW_SDK)),
					rate(result.cell(Column.ONE_SHARD)), rate(sharded), ratio(sharded, result.cell(Column.ONE_SHARD)),
					ratio(sharded, result.cell(Column.RAW_SDK)), row.goal().isEmpty() ? MISSING : row.goal(),
					rate(result.cell(Column.CEILING)),
					each(result, (cell) -> perCall(cell.totalRequests(), row.calls())),
					each(result, (cell) -> units(cell.capacity(), row.operations())),
					each(result, (cell) -> (cell.capacity() == null) ? MISSING
							: perCall(cell.capacity().throttled(), row.calls())) + " |"));
		}
	}

	private static String each(RowResult result, Function<Cell, String> figure) {
		return COLUMNS.stream()
			.map((column) -> result.cell(column).map(figure).orElse(MISSING))
			.collect(Collectors.joining(" · "));
	}

	private static String rate(Optional<Cell> cell) {
		return cell.map((value) -> String.format(Locale.ROOT, "%,.0f", value.opsPerSecond())).orElse(MISSING);
	}

	private static String ratio(Optional<Cell> cell, Optional<Cell> reference) {
		if (cell.isEmpty() || reference.isEmpty()) {
			return MISSING;
		}
		return String.format(Locale.ROOT, "%.2f×", cell.get().opsPerSecond() / reference.get().opsPerSecond());
	}

	private static String perCall(long count, int calls) {
		double perCall = (double) count / calls;
		return (perCall == Math.rint(perCall)) ? Long.toString((long) perCall) : String.format(Locale.ROOT, "%.2f", perCall);
	}

	/** Write and read units per operation, e.g. {@code 1.00 W} or {@code 0.057 R}. */
	private static String units(Capacity capacity, int operations) {
		if (capacity == null) {
			return MISSING;
		}
		String units = Stream.of(perOperation(capacity.writeUnits(), operations, "W"),
				perOperation(capacity.readUnits(), operations, "R"))
			.filter((figure) -> !figure.isEmpty())
			.collect(Collectors.joining(" + "));
		return units.isEmpty() ? "0" : units;
	}

	private static String perOperation(double units, int operations, String kind) {
		if (units == 0) {
			return "";
		}
		double each = units / operations;
		return String.format(Locale.ROOT, (each >= 0.1) ? "%.2f %s" : "%.3f %s", each, kind);
	}

}
