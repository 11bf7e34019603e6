package dev.dynamodown.data.sample;

/** A tick entity, sharded or not: its key is {@link Tick#keyOf} of its number. */
public interface Ticked {

	String key();

}
