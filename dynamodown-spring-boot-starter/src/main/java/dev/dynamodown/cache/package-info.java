/**
 * Spring's cache abstraction on dynamodown stores: {@link dev.dynamodown.cache.DynamoDownCacheManager}
 * and its caches, one namespace each, with a time to live.
 */
@NullMarked
package dev.dynamodown.cache;

import org.jspecify.annotations.NullMarked;
