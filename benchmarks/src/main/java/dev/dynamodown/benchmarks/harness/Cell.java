package dev.dynamodown.benchmarks.harness;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * What one contestant achieved on one row.
 * @param contestant who ran it
 * @param opsPerSecond the median of the measured rounds
 * @param rounds every measured round's ops/s, in the order run
 * @param requests the requests one run sent, by operation name (the last measured round)
 * @param heap heap used during one extra run, if the row measures it
 * @param capacity the capacity units the last measured round consumed, if the run meters them
 */
public record Cell(Contestant contestant, double opsPerSecond, List<Double> rounds, Map<String, Long> requests,
		@Nullable HeapUse heap, @Nullable Capacity capacity) {

	public long totalRequests() {
		return this.requests.values().stream().mapToLong(Long::longValue).sum();
	}

}
