/**
 * Micrometer Observation support: one observation per operation of a dynamodown store.
 */
@NullMarked
package dev.dynamodown.observation;

import org.jspecify.annotations.NullMarked;
