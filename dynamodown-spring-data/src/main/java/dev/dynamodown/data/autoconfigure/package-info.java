/**
 * Spring Boot auto-configuration of dynamodown repositories.
 */
@NullMarked
package dev.dynamodown.data.autoconfigure;

import org.jspecify.annotations.NullMarked;
