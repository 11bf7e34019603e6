/**
 * Derived queries: what a query method's name selects, split into the key range DynamoDB
 * evaluates (the Query's key condition) and a filter evaluated on the entries read.
 */
@NullMarked
package dev.dynamodown.data.query;

import org.jspecify.annotations.NullMarked;
