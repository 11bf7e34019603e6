/**
 * Auto-configuration for dynamodown metrics.
 */
@NullMarked
package dev.dynamodown.autoconfigure.metrics;

import org.jspecify.annotations.NullMarked;
