/**
 * What every operation of a store needs: where it lives ({@link StoreLocation},
 * {@link Partitioning}), how its items are laid out, the resources its {@code DynamoDown}
 * shares ({@link StoreRuntime}), the timing and error translation around each operation
 * ({@link Store#call}), and the single-item requests.
 */
@NullMarked
package dev.dynamodown.internal.store;

import org.jspecify.annotations.NullMarked;
