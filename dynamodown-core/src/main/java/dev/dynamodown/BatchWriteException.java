package dev.dynamodown;

import java.util.List;

/**
 * A {@link SortedKeyValueOperations#batch non-atomic batch} (or a {@code clear}) could not apply
 * every operation: DynamoDB kept returning some as unprocessed after all retries, a request failed,
 * an answer could not be read, or the batch was stopped (its {@code DynamoDown} closed, its
 * caller interrupted). {@link #unapplied()} lists exactly the operations that may not have been
 * applied: every operation not confirmed applied by an answer, including those whose request was
 * in flight when the batch ended; every other operation of the batch was applied. The cause is
 * the first failure (others are suppressed).
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

	/**
	 * How many operations were certainly applied: the operations of the batch not listed in
	 * {@link #unapplied()} (for {@code clear}, every delete applied so far). Some listed ones may
	 * have been applied too.
	 */
	public int applied() {
		return this.applied;
	}

}
