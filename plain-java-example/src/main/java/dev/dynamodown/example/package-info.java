/**
 * The README's first example as a plain Java program (only {@code dynamodown-core} on its class path).
 */
@NullMarked
package dev.dynamodown.example;

import org.jspecify.annotations.NullMarked;
