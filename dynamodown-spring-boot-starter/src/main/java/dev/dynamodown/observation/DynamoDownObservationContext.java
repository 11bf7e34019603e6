package dev.dynamodown.observation;

import io.micrometer.observation.Observation;

/**
 * The {@link Observation.Context} of one operation of a dynamodown store: which store, which
 * operation. Whether it failed is the context's {@link #getError() error}.
 */
public class DynamoDownObservationContext extends Observation.Context {

	private final String table;

	private final String namespace;

	private final String operation;

	/**
	 * Creates the context of one operation.
	 * @param table the store's table
	 * @param namespace the store's namespace
	 * @param operation the operation, such as {@code get} or {@code batch}
	 */
	public DynamoDownObservationContext(String table, String namespace, String operation) {
		this.table = table;
		this.namespace = namespace;
		this.operation = operation;
	}

	public String getTable() {
		return this.table;
	}

	public String getNamespace() {
		return this.namespace;
	}

	public String getOperation() {
		return this.operation;
	}

}
