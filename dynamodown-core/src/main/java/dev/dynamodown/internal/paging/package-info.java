/**
 * Ordered sequences read page by page ({@link PageSource}), whatever reads them, and their
 * adapters: a blocking {@code Stream} ({@link PageStream}), a Reactive Streams
 * {@code Flow.Publisher} ({@link PagePublisher}), and the merge of several sources in key order
 * ({@link MergedPageSource}). Each adapter owns the sources it is given: it closes them whatever
 * ends the read (the last page, a failure, a close or a cancel), so their creator never does.
 */
@NullMarked
package dev.dynamodown.internal.paging;

import org.jspecify.annotations.NullMarked;
