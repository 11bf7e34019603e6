package dev.dynamodown.sample.api;

import java.util.List;

import dev.dynamodown.Batch;
import dev.dynamodown.BatchResult;
import dev.dynamodown.SortedKeyValueTemplate;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * One namespace as the API serves it: its template, and how a JSON body becomes one of
 * its values. Reads need no conversion and use {@link #template()} directly; the writes
 * here turn JSON into {@code V} first, so that a body of the wrong shape is an
 * {@link IllegalArgumentException} before anything is sent.
 *
 * @param <V> the type of the namespace's values
 */
final class Namespace<V> {

	private final SortedKeyValueTemplate<V> template;

	private final Class<V> valueType;

	private final ObjectMapper mapper;

	Namespace(SortedKeyValueTemplate<V> template, Class<V> valueType, ObjectMapper mapper) {
		this.template = template;
		this.valueType = valueType;
		this.mapper = mapper;
	}

	SortedKeyValueTemplate<V> template() {
		return this.template;
	}

	/**
	 * Write one entry.
	 * @param key the key
	 * @param json the value as JSON
	 * @return the value written
	 */
	V put(String key, @Nullable JsonNode json) {
		V value = read(json, "The body");
		this.template.put(key, value);
		return value;
	}

	/**
	 * Apply the operations as one non-atomic batch (see {@link SortedKeyValueTemplate#batch}).
	 * An invalid operation fails the whole batch before anything is written.
	 * @param operations the operations, applied in order
	 * @return what the batch reports
	 */
	BatchResult batch(List<BatchRequest.Operation> operations) {
		return this.template.batch((batch) -> {
			for (int i = 0; i < operations.size(); i++) {
				try {
					add(batch, operations.get(i));
				}
				catch (IllegalArgumentException ex) {
					throw new IllegalArgumentException("operations[" + i + "]: " + ex.getMessage(), ex);
				}
			}
		});
	}

	private void add(Batch<V> batch, BatchRequest.Operation operation) {
		String key = operation.key();
		if (key == null) {
			throw new IllegalArgumentException("'key' must be given");
		}
		switch (String.valueOf(operation.op())) {
			case "put" -> batch.put(key, read(operation.value(), "'value'"));
			case "delete" -> batch.delete(key);
			default -> throw new IllegalArgumentException("'op' must be \"put\" or \"delete\", was " + operation.op());
		}
	}

	private V read(@Nullable JsonNode json, String what) {
		String expected = this.valueType.getSimpleName();
		if (json == null || json.isNull() || json.isMissingNode()) {
			throw new IllegalArgumentException(what + " must be a " + expected + " in JSON, was empty");
		}
		try {
			return this.mapper.treeToValue(json, this.valueType);
		}
		catch (JacksonException ex) {
			throw new IllegalArgumentException(
					what + " is not a valid " + expected + ": " + ex.getOriginalMessage(), ex);
		}
	}

}
