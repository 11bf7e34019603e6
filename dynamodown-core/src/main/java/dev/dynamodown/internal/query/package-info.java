/**
 * Range reads: how a {@code KeyRange} becomes a {@code Query} ({@link QueryPlan}), the lazy
 * page-by-page stream over its results ({@link QueryCursor}, {@link RangeReader}) and counting
 * ({@link RangeCounter}).
 */
@NullMarked
package dev.dynamodown.internal.query;

import org.jspecify.annotations.NullMarked;
