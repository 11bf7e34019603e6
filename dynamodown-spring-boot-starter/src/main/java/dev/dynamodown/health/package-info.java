/**
 * Health of the DynamoDB tables dynamodown uses.
 */
@NullMarked
package dev.dynamodown.health;

import org.jspecify.annotations.NullMarked;
