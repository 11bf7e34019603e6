/**
 * Many-key operations: collecting a batch's writes ({@link WriteCollector}), the bounded,
 * thread-free concurrency and retries they share ({@link ChunkLanes}), the non-atomic
 * {@code BatchWriteItem} writer that reports exactly what is unapplied ({@link BatchWriter}),
 * {@code BatchGetItem} reads ({@link BatchGetter}), range deletes ({@link RangeClearer}) and the
 * all-or-nothing {@code TransactWriteItems} writer ({@link TransactionWriter}).
 */
@NullMarked
package dev.dynamodown.internal.batch;

import org.jspecify.annotations.NullMarked;
