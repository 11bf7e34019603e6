/**
 * Spring Data KeyValue on dynamodown: the {@link dev.dynamodown.data.core.DynamoDownKeyValueAdapter adapter}
 * that stores entities in namespaces, the {@link dev.dynamodown.data.core.DynamoDownQueryEngine query engine}
 * that reads key ranges, and the {@link dev.dynamodown.data.core.DynamoDownKeyValueTemplate template} the
 * repositories use.
 */
@NullMarked
package dev.dynamodown.data.core;

import org.jspecify.annotations.NullMarked;
