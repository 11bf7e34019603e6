package dev.dynamodown.data.sample;

import dev.dynamodown.data.DynamoDownTable;

import org.springframework.data.annotation.Id;
import org.springframework.data.keyvalue.annotation.KeySpace;

/** {@link Tick}s in a namespace spread over five shards of the default table. */
@DynamoDownTable(shards = ShardedTick.SHARDS)
@KeySpace("sharded-ticks")
public record ShardedTick(@Id String key, int n) implements Ticked {

	public static final int SHARDS = 5;

}
