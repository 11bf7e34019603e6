/**
 * Testcontainers {@code @ServiceConnection} support for dynamodown.
 */
@NullMarked
package dev.dynamodown.testcontainers;

import org.jspecify.annotations.NullMarked;
