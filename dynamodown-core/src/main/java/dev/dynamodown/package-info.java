/**
 * dynamodown: a sorted key-value store living in one partition of a DynamoDB table.
 * <p>
 * Start with {@link dev.dynamodown.DynamoDown}, get a {@link dev.dynamodown.SortedKeyValueTemplate}
 * per namespace, select keys with {@link dev.dynamodown.KeyRange} and map values with a
 * {@link dev.dynamodown.ValueCodec}. What is and is not atomic, and what is retried, is stated on
 * {@link dev.dynamodown.SortedKeyValueOperations}. The same stores without blocking a thread:
 * {@link dev.dynamodown.AsyncDynamoDown} and {@link dev.dynamodown.AsyncSortedKeyValueOperations}
 * ({@code CompletableFuture}, {@code Flow.Publisher}). Packages below {@code dev.dynamodown.internal}
 * are the machinery behind this API and may change without notice.
 */
@NullMarked
package dev.dynamodown;

import org.jspecify.annotations.NullMarked;
