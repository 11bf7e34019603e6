package dev.dynamodown.data.sample;

public interface ShardedTickRepository extends ScrollableTicks<ShardedTick> {

}
