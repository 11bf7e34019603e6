/**
 * The layout of a sharded namespace, as pure functions that send nothing: which shard holds a key
 * ({@link ShardHash}), the hash-key value of each shard ({@link ShardLayout}), and the item that
 * records a namespace's shard count, with the requests that read, claim and delete it and the
 * reading of their answers ({@link ShardCountRecord}). The stores send these requests through
 * whichever edge they run on.
 */
@NullMarked
package dev.dynamodown.internal.shard;

import org.jspecify.annotations.NullMarked;
