package dev.dynamodown.benchmarks.harness;

import dev.dynamodown.benchmarks.client.RequestCounter;

/**
 * One way of doing a row's work: which column it belongs to, how it is labelled (e.g. "BatchWriteItem × 8 in
 * flight" for a ceiling variant), the counter of the client it uses, and the task itself.
 */
public record Contestant(Column column, String label, RequestCounter requests, Task task) {
}
