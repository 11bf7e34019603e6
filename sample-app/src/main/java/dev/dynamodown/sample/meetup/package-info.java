/**
 * The meetups of dynamo-down's example: the value type, the seed data and the Spring Data
 * repository over the same namespace.
 */
@NullMarked
package dev.dynamodown.sample.meetup;

import org.jspecify.annotations.NullMarked;
