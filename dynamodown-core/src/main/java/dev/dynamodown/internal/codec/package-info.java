/**
 * The built-in value codecs: the item layout of the npm {@code dynamo-down}.
 */
@NullMarked
package dev.dynamodown.internal.codec;

import org.jspecify.annotations.NullMarked;
