/**
 * The pipeline of a store ({@link StoreOperations}): every public operation, written once on
 * futures, for the blocking and the asynchronous templates alike.
 */
@NullMarked
package dev.dynamodown.internal.pipeline;

import org.jspecify.annotations.NullMarked;
