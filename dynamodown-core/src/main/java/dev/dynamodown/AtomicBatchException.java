package dev.dynamodown;

/**
 * An {@link SortedKeyValueOperations#atomicBatch atomic batch} was not applied, and this is known:
 * the transaction was cancelled or refused (or the endpoint does not support
 * {@code TransactWriteItems}; dynalite does not), and no earlier attempt of the same call may have
 * been applied (it was the only attempt, or the earlier ones were refused by throttling). Nothing
 * of the batch was written; dynamodown never falls back to non-atomic writes. When the outcome is
 * not known, {@link AtomicBatchOutcomeUnknownException} is thrown instead.
 */
public class AtomicBatchException extends DynamoDownException {

	private static final long serialVersionUID = 1L;

	public AtomicBatchException(String message, Throwable cause) {
		super(message, cause);
	}

}
