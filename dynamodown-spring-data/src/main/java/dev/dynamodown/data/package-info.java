/**
 * Spring Data repositories over dynamodown namespaces: {@link dev.dynamodown.data.EnableDynamoDownRepositories}
 * and {@link dev.dynamodown.data.DynamoDownTable}. An entity's {@code @KeySpace} names its namespace, its
 * {@code @Id String} property is the key, and its other properties are stored exactly as
 * {@code ValueCodec.json} stores them.
 */
@NullMarked
package dev.dynamodown.data;

import org.jspecify.annotations.NullMarked;
