package dev.dynamodown.benchmarks;

import java.time.Duration;
import java.util.List;

import dev.dynamodown.benchmarks.workload.Sizes;

/**
 * What a run measures: warm-up runs and measured rounds per row, threads of the multi-threaded rows, and the
 * latency modes, each with its own sizes (with a simulated round trip, one-by-one workloads use fewer keys
 * so that the run stays within minutes).
 */
public record BenchmarkSettings(int warmUps, int rounds, int threads, List<Mode> modes) {

	/** The published figures: ≥ 5 rounds, the sizes of BENCHMARKS.md. */
	public static BenchmarkSettings full() {
		return new BenchmarkSettings(1, 5, 8,
				List.of(new Mode(Duration.ZERO, new Sizes(5_000, 20_000, 50_000, 50_000, 20_000, 200)),
						new Mode(Duration.ofMillis(5), new Sizes(1_000, 20_000, 50_000, 50_000, 20_000, 50))));
	}

	/** A smoke run: smaller sizes, 3 rounds. Its figures are not for publishing. */
	public static BenchmarkSettings quick() {
		return new BenchmarkSettings(1, 3, 8,
				List.of(new Mode(Duration.ZERO, new Sizes(1_000, 2_000, 5_000, 2_000, 2_000, 20)),
						new Mode(Duration.ofMillis(5), new Sizes(200, 2_000, 5_000, 2_000, 2_000, 10))));
	}

	/**
	 * One latency mode and its sizes.
	 * @param latency simulated network latency added to every request
	 */
	public record Mode(Duration latency, Sizes sizes) {

		public String title() {
			return this.latency.isZero() ? "No added latency (loopback, ~0 ms)"
					: this.latency.toMillis() + " ms simulated latency per request";
		}

	}

}
