/**
 * The machinery behind the public API: key rules and order, AWS error translation. Not API:
 * subject to change without notice.
 */
@NullMarked
package dev.dynamodown.internal;

import org.jspecify.annotations.NullMarked;
