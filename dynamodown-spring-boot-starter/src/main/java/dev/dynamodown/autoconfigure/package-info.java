/**
 * Auto-configuration for dynamodown: the {@code DynamoDbClient}, the {@code DynamoDown}
 * store factory, one {@code SortedKeyValueTemplate} bean per configured namespace, table
 * creation at startup and the embedded dynalite.
 */
@NullMarked
package dev.dynamodown.autoconfigure;

import org.jspecify.annotations.NullMarked;
