/**
 * Auto-configuration for the dynamodown health indicator.
 */
@NullMarked
package dev.dynamodown.autoconfigure.health;

import org.jspecify.annotations.NullMarked;
