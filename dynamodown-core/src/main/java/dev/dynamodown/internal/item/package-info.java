/**
 * DynamoDB's rules for an item (names, nesting, numbers, size), enforced before any request.
 */
@NullMarked
package dev.dynamodown.internal.item;

import org.jspecify.annotations.NullMarked;
