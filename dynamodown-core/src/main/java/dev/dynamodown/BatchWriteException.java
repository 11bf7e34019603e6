package dev.dynamodown;

import java.util.List;

/**
 * A {@link SortedKeyValueOperations#batch non-atomic batch} could not apply every operation:
 * DynamoDB kept returning some as unprocessed after all retries, or a request failed.
 * {@link #unapplied()} lists exactly the operations that may not have been applied; every other
 * operation of the batch was applied.
 */
public class BatchWriteException extends DynamoDownException {

	private static final long serialVersionUID = 1L;

	private final transient List<BatchOperation> unapplied;

	private final int applied;

	public BatchWriteException(String message, List<BatchOperation> unapplied, int applied, Throwable cause) {
		super(message, cause);
		this.unapplied = List.copyOf(unapplied);
		this.applied = applied;
	}

	/** The operations that may not have been applied, in the order they were written. */
	public List<BatchOperation> unapplied() {
		return this.unapplied;
	}

	/** How many operations were certainly applied. */
	public int applied() {
		return this.applied;
	}

}
