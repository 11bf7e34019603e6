package dev.dynamodown.sample.api;

import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The body of {@code POST /api/{ns}/batch}:
 * {@code {"operations": [{"op": "put", "key": "a", "value": ...}, {"op": "delete", "key": "b"}]}}.
 *
 * @param operations the operations, applied in order (the last one on a key wins)
 */
record BatchRequest(@Nullable List<Operation> operations) {

	/**
	 * Return the operations.
	 * @return the operations
	 * @throws IllegalArgumentException if there are none
	 */
	List<Operation> requireOperations() {
		if (this.operations == null || this.operations.isEmpty()) {
			throw new IllegalArgumentException("'operations' must list at least one operation");
		}
		return this.operations;
	}

	/**
	 * One operation of a batch.
	 *
	 * @param op {@code put} or {@code delete}
	 * @param key the key
	 * @param value the value to put, as JSON; none for a delete
	 */
	record Operation(@Nullable String op, @Nullable String key, @Nullable JsonNode value) {

	}

}
