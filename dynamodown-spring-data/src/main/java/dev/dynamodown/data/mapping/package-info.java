/**
 * Mapping metadata: where an entity lives (table and namespace) and which property is its key.
 */
@NullMarked
package dev.dynamodown.data.mapping;

import org.jspecify.annotations.NullMarked;
