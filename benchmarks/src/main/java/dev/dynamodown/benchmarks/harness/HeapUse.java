package dev.dynamodown.benchmarks.harness;

/**
 * Heap a run needed above the heap used before it (measured after a full GC).
 * @param peakSampledBytes the highest heap use sampled during the run (live objects and garbage not yet
 * collected), minus the baseline
 * @param peakAfterGcBytes the highest heap use right after a collection during the run (what was still
 * reachable), minus the baseline; {@code -1} if no collection ran
 * @param collections collections during the run
 */
public record HeapUse(long peakSampledBytes, long peakAfterGcBytes, int collections) {
}
