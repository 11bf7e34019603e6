package dev.dynamodown.benchmarks;

import java.time.Duration;
import java.util.List;

import dev.dynamodown.DynamoDownOptions;
import dev.dynamodown.benchmarks.workload.Sizes;

/**
 * What a run measures: rounds per row, threads of the multi-threaded rows, dynamodown's options (its
 * defaults unless asked otherwise), and the latency modes, each with
 * its warm-up runs and sizes. With a simulated round trip, one-by-one workloads use fewer keys and the 4 KB
 * point rows are left out, so that the whole run stays near ten minutes; the latency mode runs no warm-up,
 * the JIT having been warmed by the same code in the first mode (the median absorbs the connections opened
 * in its first round).
 */
public record BenchmarkSettings(int rounds, int threads, DynamoDownOptions options, List<Mode> modes) {

	/** The published figures: 5 rounds, the sizes of BENCHMARKS.md. */
	public static BenchmarkSettings full() {
		return new BenchmarkSettings(5, 8, DynamoDownOptions.defaults(),
				List.of(new Mode(Duration.ZERO, 1, new Sizes(2_000, 2_000, 20_000, 50_000, 10_000, 20_000, 200)),
						new Mode(Duration.ofMillis(5), 0, new Sizes(300, 0, 20_000, 50_000, 10_000, 20_000, 50))));
	}

	/** A smoke run: smaller sizes, 3 rounds. Its figures are not for publishing. */
	public static BenchmarkSettings quick() {
		return new BenchmarkSettings(3, 8, DynamoDownOptions.defaults(),
				List.of(new Mode(Duration.ZERO, 1, new Sizes(500, 500, 2_000, 5_000, 1_000, 2_000, 20)),
						new Mode(Duration.ofMillis(5), 0, new Sizes(100, 0, 2_000, 5_000, 1_000, 2_000, 10))));
	}

	/** These settings with dynamodown running on {@code options} instead. */
	public BenchmarkSettings withOptions(DynamoDownOptions options) {
		return new BenchmarkSettings(this.rounds, this.threads, options, this.modes);
	}

	/**
	 * One latency mode.
	 * @param latency simulated network latency added to every request
	 * @param warmUps unrecorded runs of each contestant before a row's rounds
	 * @param sizes keys per workload
	 */
	public record Mode(Duration latency, int warmUps, Sizes sizes) {

		public String title() {
			return this.latency.isZero() ? "No added latency (loopback, ~0 ms)"
					: this.latency.toMillis() + " ms simulated latency per request";
		}

	}

}
