/**
 * The frame of every operation: where a store lives ({@link StoreLocation}, {@link Partitioning}),
 * its item layout and error translation ({@link Store}), what a runtime shares ({@link StoreRuntime}:
 * the edge, the threads, the work in flight), one operation from start to end ({@link Operation},
 * {@link OperationTimer}), and how the blocking API waits for it ({@link Await}).
 */
@NullMarked
package dev.dynamodown.internal.store;

import org.jspecify.annotations.NullMarked;
