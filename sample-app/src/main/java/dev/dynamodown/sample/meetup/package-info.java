/**
 * The meetups of dynamo-down's example: the value type, the seed data, the Spring Data
 * repository over the same namespace, and the same meetups through the asynchronous template.
 */
@NullMarked
package dev.dynamodown.sample.meetup;

import org.jspecify.annotations.NullMarked;
