/**
 * Repository configuration: what {@link dev.dynamodown.data.EnableDynamoDownRepositories} and the
 * auto-configuration register.
 */
@NullMarked
package dev.dynamodown.data.repository.config;

import org.jspecify.annotations.NullMarked;
