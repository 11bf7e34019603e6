/**
 * The dynamodown sample application.
 */
@NullMarked
package dev.dynamodown.sample;

import org.jspecify.annotations.NullMarked;
