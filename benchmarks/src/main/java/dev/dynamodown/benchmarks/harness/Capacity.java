package dev.dynamodown.benchmarks.harness;

/**
 * The capacity one run consumed, as the per-partition throughput model counts it (DynamoDB's units).
 * @param writeUnits write units consumed
 * @param readUnits read units consumed
 * @param throttled requests refused with {@code ProvisionedThroughputExceededException}, and batch items or keys
 * returned unprocessed, because their partition had no units left
 */
public record Capacity(double writeUnits, double readUnits, long throttled) {
}
