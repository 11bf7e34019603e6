package dev.dynamodown.benchmarks;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.dynamodown.benchmarks.BenchmarkSettings.Mode;
import dev.dynamodown.benchmarks.harness.Cell;
import dev.dynamodown.benchmarks.harness.Column;
import dev.dynamodown.benchmarks.harness.RowResult;
import dev.dynamodown.benchmarks.workload.Sizes;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the whole benchmark end to end on tiny sizes (one round, both latency modes, dynalite started by the
 * run) so that the harness cannot rot: every row is measured and printed, and the first-10 reads send exactly
 * one Query each. It asserts nothing about speed: the figures come from {@link BenchmarkMain} alone.
 */
class BenchmarkMainTests {

	private static final int FIRST_CALLS = 2;

	private static final Sizes TINY = new Sizes(20, 20, 60, 200, 30, 60, FIRST_CALLS);

	private static final List<String> ROWS = List.of("put 20 × 200 B, 1 thread", "put 20 × 200 B, 8 threads",
			"get 20 × 200 B, 1 thread", "getAll 20 × 200 B", "put 20 × 4 KB, 1 thread", "get 20 × 4 KB, 1 thread",
			"bulk write 60 × 200 B", "full range scan 200 × 200 B, forward", "full range scan 200 × 200 B, reverse",
			"first 10 of 200 × 200 B", "full range scan 30 × 4 KB, forward", "clear 60 × 200 B");

	@Test
	void printsEveryRowOfBothTablesAndReadsTheFirstTenWithOneQuery() {
		BenchmarkSettings settings = new BenchmarkSettings(1, 8,
				List.of(new Mode(Duration.ZERO, 0, TINY), new Mode(Duration.ofMillis(5), 0, TINY)));
		ByteArrayOutputStream printed = new ByteArrayOutputStream();
		List<List<RowResult>> modes = BenchmarkMain.run(settings, null,
				new PrintStream(printed, true, StandardCharsets.UTF_8), System.err);

		String output = printed.toString(StandardCharsets.UTF_8);
		assertThat(output).contains("### No added latency", "### 5 ms simulated latency per request");
		for (String row : ROWS) {
			assertThat(output.lines().filter(line -> line.startsWith("| " + row + " |") && columns(line) == 8))
				.as(row)
				.hasSize(2);
		}
		assertThat(output.lines().filter(line -> line.startsWith("| full range scan") && columns(line) == 4))
			.as("heap rows")
			.hasSize(2 * 2);
		assertThat(modes).hasSize(2).allSatisfy(results -> {
			assertThat(results).extracting(result -> result.row().name()).containsExactlyElementsOf(ROWS);
			RowResult first = results.stream()
				.filter(result -> result.row().name().startsWith("first 10"))
				.findFirst()
				.orElseThrow();
			for (Column column : List.of(Column.DYNAMODOWN, Column.RAW_SDK, Column.SPRING_CLOUD_AWS)) {
				Cell cell = first.cell(column).orElseThrow();
				assertThat(cell.requests()).as(column.title()).isEqualTo(Map.of("Query", (long) FIRST_CALLS));
			}
			assertThat(results).allSatisfy(result -> assertThat(result.cells())
				.allSatisfy(cell -> assertThat(cell.opsPerSecond()).isPositive()));
		});
	}

	private static long columns(String tableLine) {
		return tableLine.chars().filter(c -> c == '|').count() - 1;
	}

}
