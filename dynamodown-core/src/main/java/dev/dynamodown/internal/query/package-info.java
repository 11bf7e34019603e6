/**
 * Range reads: the keys of a {@code KeyRange} as an exact closed interval ({@link KeyInterval}),
 * how it becomes a {@code Query} ({@link QueryPlan}), the page source of one partition
 * ({@link QueryPageSource}) behind streams, publishers, {@code list} and {@code clear}, and
 * counting ({@link RangeCounter}).
 */
@NullMarked
package dev.dynamodown.internal.query;

import org.jspecify.annotations.NullMarked;
