package dev.dynamodown.data.sample;

public interface TickRepository extends ScrollableTicks<Tick> {

}
