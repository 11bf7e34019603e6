package dev.dynamodown;

/**
 * What a {@link SortedKeyValueOperations#batch non-atomic batch} did.
 *
 * @param applied operations applied, after keeping only the last operation per key
 * @param requests {@code BatchWriteItem} requests sent, retries included
 * @param retries how many of those requests re-sent unprocessed items
 */
public record BatchResult(int applied, int requests, int retries) {
}
