package dev.dynamodown;

/**
 * The table cannot host stores: it does not exist, has no range key, or its range key is not
 * of type {@code S}. Raised on first use of the table (schema discovery), not when a template
 * is created.
 */
public class TableSchemaException extends DynamoDownException {

	private static final long serialVersionUID = 1L;

	private final String table;

	public TableSchemaException(String table, String message) {
		super(message);
		this.table = table;
	}

	public TableSchemaException(String table, String message, Throwable cause) {
		super(message, cause);
		this.table = table;
	}

	/** The table that cannot be used. */
	public String table() {
		return this.table;
	}

}
