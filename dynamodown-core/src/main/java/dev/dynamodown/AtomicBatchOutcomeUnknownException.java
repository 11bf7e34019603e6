package dev.dynamodown;

/**
 * An {@link SortedKeyValueOperations#atomicBatch atomic batch} failed and it is not known whether
 * it was applied: an attempt's answer was lost (a timeout, a reset connection, a 5xx error) and
 * no later attempt settled the question, or every attempt failed that way.
 * <p>
 * The batch is still all or nothing: either every write of it was applied or none was. Every
 * attempt of one call carries the same {@code ClientRequestToken}, so DynamoDB applies it at most
 * once however often the client retried. Read the keys to find out which happened, or repeat the
 * batch if writing the same values again is harmless.
 * <p>
 * Not an {@link AtomicBatchException}, which means "nothing was written".
 */
public class AtomicBatchOutcomeUnknownException extends DynamoDownException {

	private static final long serialVersionUID = 1L;

	public AtomicBatchOutcomeUnknownException(String message, Throwable cause) {
		super(message, cause);
	}

}
