/**
 * The edge where requests leave the library ({@link DynamoCalls}): the only code that differs
 * between the blocking and the asynchronous stores. Everything above it is written once, on
 * futures.
 */
@NullMarked
package dev.dynamodown.internal.io;

import org.jspecify.annotations.NullMarked;
