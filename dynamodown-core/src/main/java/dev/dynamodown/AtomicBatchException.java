package dev.dynamodown;

/**
 * An {@link SortedKeyValueOperations#atomicBatch atomic batch} was not applied: the transaction
 * was cancelled or refused, or the endpoint does not support {@code TransactWriteItems}
 * (dynalite does not). In every case nothing of the batch was written; dynamodown never falls
 * back to non-atomic writes.
 */
public class AtomicBatchException extends DynamoDownException {

	private static final long serialVersionUID = 1L;

	public AtomicBatchException(String message, Throwable cause) {
		super(message, cause);
	}

}
