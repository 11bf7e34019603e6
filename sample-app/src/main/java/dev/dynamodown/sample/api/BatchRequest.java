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

	/** The most operations one batch request may carry. */
	static final int MAX_OPERATIONS = 100;

	/**
	 * Return the operations.
	 * @return the operations
	 * @throws IllegalArgumentException if there are none, or more than {@value #MAX_OPERATIONS}
	 */
	List<Operation> requireOperations() {
		if (this.operations == null || this.operations.isEmpty()) {
			throw new IllegalArgumentException("'operations' must list at least one operation");
		}
		if (this.operations.size() > MAX_OPERATIONS) {
			throw new IllegalArgumentException("'operations' may list at most " + MAX_OPERATIONS + " operations, was "
					+ this.operations.size());
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
