/**
 * Many-key operations: collecting a batch's writes ({@link WriteCollector}), the non-atomic
 * {@code BatchWriteItem} writer with its retries ({@link BatchWriter}), {@code BatchGetItem}
 * reads ({@link BatchGetter}), the all-or-nothing {@code TransactWriteItems} writer
 * ({@link TransactionWriter}), and the bounded concurrency they share ({@link ChunkRunner}).
 */
@NullMarked
package dev.dynamodown.internal.batch;

import org.jspecify.annotations.NullMarked;
