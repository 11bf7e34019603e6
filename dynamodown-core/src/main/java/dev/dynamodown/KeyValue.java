package dev.dynamodown;

import java.util.Objects;

/**
 * One entry of a store: its key and its decoded value.
 *
 * @param key the item's range-key value, never {@code null}
 * @param value the decoded value, never {@code null}
 * @param <V> the value type
 */
public record KeyValue<V>(String key, V value) {

	public KeyValue {
		Objects.requireNonNull(key, "'key' must not be null");
		Objects.requireNonNull(value, "'value' must not be null");
	}

}
