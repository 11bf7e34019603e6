/**
 * Which attributes hold a table's keys: discovered once per table with {@code DescribeTable},
 * never assumed, and the creation of tables in the library's default layout.
 */
@NullMarked
package dev.dynamodown.internal.schema;

import org.jspecify.annotations.NullMarked;
