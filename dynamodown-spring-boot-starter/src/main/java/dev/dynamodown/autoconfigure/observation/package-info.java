/**
 * Auto-configuration for dynamodown observations.
 */
@NullMarked
package dev.dynamodown.autoconfigure.observation;

import org.jspecify.annotations.NullMarked;
