package dev.dynamodown.benchmarks.harness;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Prints a mode's results as a Markdown table (ready to paste into BENCHMARKS.md): ops/s per contender, the
 * ratio dynamodown / raw SDK, requests per library call, and the server's ceiling with how it was reached;
 * then every ceiling variant, the ratios of the rows compared with others ({@link Row#versus()}: the
 * asynchronous rows against the blocking ones), and the heap table for the rows that measure it.
 */
public final class ResultTable {

	private static final String MISSING = "—";

	private ResultTable() {
	}

	public static void print(String title, List<RowResult> results, PrintStream out) {
		Map<String, Ceiling> ceilings = ceilings(results);
		out.println();
		out.println("### " + title);
		out.println();
		out.println("| workload | dynamodown | raw SDK v2 | Spring Cloud AWS | dynamodown / raw | requests per call"
				+ " (dd · raw · Spring) | server ceiling (raw SDK, best found) | dynamodown / ceiling |");
		out.println("|---|--:|--:|--:|--:|:-:|--:|--:|");
		for (RowResult result : results) {
			Row row = result.row();
			Optional<Cell> dynamodown = result.cell(Column.DYNAMODOWN);
			Optional<Cell> raw = result.cell(Column.RAW_SDK);
			Optional<Cell> spring = result.cell(Column.SPRING_CLOUD_AWS);
			Ceiling ceiling = ceilings.get(row.ceilingGroup());
			out.println(String.join(" | ", "| " + row.name(), rate(dynamodown), rate(raw), rate(spring),
					ratio(dynamodown, raw.map(Cell::opsPerSecond)), requests(row, dynamodown, raw, spring),
					ceiling.describe(row), ratio(dynamodown, Optional.of(ceiling.opsPerSecond())) + " |"));
		}
		printCeilingVariants(results, out);
		printVersus(results, out);
		printHeap(results, out);
	}

	/** Each row compared with another: the ratio of their figures, contender by contender. */
	private static void printVersus(List<RowResult> results, PrintStream out) {
		Map<String, RowResult> byName = new LinkedHashMap<>();
		results.forEach(result -> byName.putIfAbsent(result.row().name(), result));
		List<String> lines = new ArrayList<>();
		for (RowResult result : results) {
			String versus = result.row().versus();
			if (versus.isEmpty()) {
				continue;
			}
			RowResult other = byName.get(versus);
			if (other == null) {
				throw new IllegalStateException(
						"Row '" + result.row().name() + "' is compared with '" + versus + "', which was not measured");
			}
			lines.add("- " + result.row().name() + " / " + versus + ": " + Stream
				.of(Column.DYNAMODOWN, Column.RAW_SDK, Column.SPRING_CLOUD_AWS)
				.filter(column -> result.cell(column).isPresent() && other.cell(column).isPresent())
				.map(column -> column.title() + " " + ratio(result.cell(column), other.cell(column).map(Cell::opsPerSecond)))
				.collect(Collectors.joining(", ")));
		}
		if (lines.isEmpty()) {
			return;
		}
		out.println();
		out.println("Rows against the row they are compared with, same run (ratio of ops/s, contender by contender):");
		out.println();
		lines.forEach(out::println);
	}

	/** Every ceiling variant tried, not only the best: what more client concurrency gives, or does not. */
	private static void printCeilingVariants(List<RowResult> results, PrintStream out) {
		out.println();
		out.println("Server ceiling: the raw SDK with more client concurrency, every variant tried (ops/s):");
		out.println();
		for (RowResult result : results) {
			List<Cell> variants = result.cells(Column.CEILING);
			if (!variants.isEmpty()) {
				out.println("- " + result.row().name() + ": " + variants.stream()
					.map(cell -> cell.contestant().label() + " " + rate(Optional.of(cell)))
					.collect(Collectors.joining("; ")));
			}
		}
	}

	private static void printHeap(List<RowResult> results, PrintStream out) {
		List<RowResult> measured = results.stream().filter(result -> result.row().measureHeap()).toList();
		if (measured.isEmpty()) {
			return;
		}
		out.println();
		out.println("Heap during one extra run, above what was in use after a full GC before it: highest sample"
				+ " (every ms, garbage included) / highest after the full GCs forced every ~50 ms (what the scan kept"
				+ " reachable):");
		out.println();
		out.println("| workload | dynamodown | raw SDK v2 | Spring Cloud AWS |");
		out.println("|---|--:|--:|--:|");
		for (RowResult result : measured) {
			out.println(String.join(" | ", "| " + result.row().name(), heap(result.cell(Column.DYNAMODOWN)),
					heap(result.cell(Column.RAW_SDK)), heap(result.cell(Column.SPRING_CLOUD_AWS)) + " |"));
		}
	}

	/** The best raw-SDK figure per ceiling group: its rows' raw cells and its ceiling variants. */
	private static Map<String, Ceiling> ceilings(List<RowResult> results) {
		Map<String, Ceiling> ceilings = new LinkedHashMap<>();
		Map<String, List<RowResult>> groups = results.stream()
			.collect(Collectors.groupingBy(result -> result.row().ceilingGroup(), LinkedHashMap::new,
					Collectors.toList()));
		groups.forEach((group, rows) -> {
			Cell best = rows.stream()
				.flatMap(result -> Stream.concat(result.cell(Column.RAW_SDK).stream(),
						result.cells(Column.CEILING).stream()))
				.max(Comparator.comparingDouble(Cell::opsPerSecond))
				.orElseThrow(() -> new IllegalStateException("Ceiling group '" + group + "' has no raw SDK figure"));
			String bestRow = rows.stream()
				.filter(result -> result.cells().contains(best))
				.map(result -> result.row().name())
				.findFirst()
				.orElseThrow();
			ceilings.put(group, new Ceiling(best, bestRow));
		});
		return ceilings;
	}

	private static String rate(Optional<Cell> cell) {
		return cell.map(value -> String.format(Locale.ROOT, "%,.0f", value.opsPerSecond())).orElse(MISSING);
	}

	private static String ratio(Optional<Cell> cell, Optional<Double> reference) {
		if (cell.isEmpty() || reference.isEmpty()) {
			return MISSING;
		}
		return String.format(Locale.ROOT, "%.2f×", cell.get().opsPerSecond() / reference.get());
	}

	private static String requests(Row row, Optional<Cell> dynamodown, Optional<Cell> raw, Optional<Cell> spring) {
		return Stream.of(dynamodown, raw, spring)
			.map(cell -> cell.map(value -> perCall(value.totalRequests(), row.calls())).orElse(MISSING))
			.collect(Collectors.joining(" · "));
	}

	private static String perCall(long requests, int calls) {
		double perCall = (double) requests / calls;
		return (perCall == Math.rint(perCall)) ? Long.toString((long) perCall)
				: String.format(Locale.ROOT, "%.2f", perCall);
	}

	private static String heap(Optional<Cell> cell) {
		return cell.map(Cell::heap).map(heap -> megabytes(heap.peakSampledBytes()) + " / "
				+ ((heap.peakAfterGcBytes() < 0) ? "no GC" : megabytes(heap.peakAfterGcBytes()))).orElse(MISSING);
	}

	private static String megabytes(long bytes) {
		return String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
	}

	/** A group's ceiling: the best cell, and the row it was measured on. */
	private record Ceiling(Cell cell, String row) {

		double opsPerSecond() {
			return this.cell.opsPerSecond();
		}

		String describe(Row current) {
			String how = (this.cell.contestant().column() == Column.RAW_SDK && this.row.equals(current.name()))
					? "= raw SDK" + (current.ceilingNote().isEmpty() ? "" : "; " + current.ceilingNote())
					: this.cell.contestant().label();
			return String.format(Locale.ROOT, "%,.0f (%s)", opsPerSecond(), how);
		}

	}

}
