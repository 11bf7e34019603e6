/**
 * Micrometer metrics of dynamodown stores.
 */
@NullMarked
package dev.dynamodown.metrics;

import org.jspecify.annotations.NullMarked;
