/**
 * Ordered sequences read page by page ({@link PageSource}), whatever reads them, and their
 * adapters: a blocking {@code Stream}, a Reactive Streams {@code Flow.Publisher}, and the merge of
 * several sources in key order.
 */
@NullMarked
package dev.dynamodown.internal.paging;

import org.jspecify.annotations.NullMarked;
