/**
 * The REST API over the configured namespaces: entries, range listings with cursor paging,
 * batches, and the errors as RFC 9457 problem details.
 */
@NullMarked
package dev.dynamodown.sample.api;

import org.jspecify.annotations.NullMarked;
