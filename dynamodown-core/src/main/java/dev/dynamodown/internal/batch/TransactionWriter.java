package dev.dynamodown.internal.batch;

import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import dev.dynamodown.AtomicBatchException;
import dev.dynamodown.DynamoDownException;
import dev.dynamodown.internal.AwsErrors;
import dev.dynamodown.internal.store.Store;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.TransactionInProgressException;

/**
 * Applies writes all-or-nothing with ONE {@code TransactWriteItems} request, and never falls back
 * to non-atomic writes.
 * <ul>
 * <li>Each call carries its own {@code ClientRequestToken}, so the client's retries of the same
 * request are idempotent: a retry after a lost answer cannot apply the writes twice.</li>
 * <li>A cancelled transaction, an endpoint without transactions (dynalite answers
 * {@code UnknownOperationException}) or any other refusal by the service (4xx) means nothing
 * was written: {@link AtomicBatchException}.</li>
 * <li>A failure that leaves the outcome open (no answer, 5xx after the client's retries, the same
 * transaction still in progress) is a plain {@link DynamoDownException} saying so: the writes
 * were applied entirely or not at all.</li>
 * </ul>
 */
public final class TransactionWriter {

	/** DynamoDB's limit of items per {@code TransactWriteItems} request. */
	public static final int MAX_ITEMS = 100;

	private static final String UNKNOWN_OPERATION = "UnknownOperationException";

	private final Store store;

	public TransactionWriter(Store store) {
		this.store = store;
	}

	/**
	 * Applies the writes atomically; sends nothing for no writes.
	 * @param writes validated writes, one per key
	 * @throws IllegalArgumentException if there are more than {@value #MAX_ITEMS}
	 * @throws AtomicBatchException if nothing was written
	 * @throws DynamoDownException if the outcome is unknown
	 */
	public void write(List<WriteOp> writes) {
		if (writes.size() > MAX_ITEMS) {
			throw new IllegalArgumentException("An atomic batch holds at most " + MAX_ITEMS
					+ " distinct keys (TransactWriteItems' limit), this one has " + writes.size());
		}
		if (writes.isEmpty()) {
			return;
		}
		String table = this.store.table();
		List<TransactWriteItem> items = writes.stream().map((write) -> write.transactItem(table)).toList();
		String token = UUID.randomUUID().toString();
		try {
			this.store.client().transactWriteItems((r) -> r.transactItems(items).clientRequestToken(token));
		}
		catch (TransactionCanceledException ex) {
			throw new AtomicBatchException(describe() + " was cancelled, nothing was written (reasons: "
					+ reasons(ex) + ")", ex);
		}
		catch (TransactionInProgressException ex) {
			throw unknownOutcome(ex);
		}
		catch (AwsServiceException ex) {
			if (UNKNOWN_OPERATION.equals(AwsErrors.errorCode(ex))) {
				throw new AtomicBatchException(describe() + ": the endpoint does not support TransactWriteItems "
						+ "(dynalite does not); nothing was written", ex);
			}
			if (ex.statusCode() >= 400 && ex.statusCode() < 500) {
				throw new AtomicBatchException(describe() + " was refused, nothing was written: "
						+ AwsErrors.describe(ex), ex);
			}
			throw unknownOutcome(ex);
		}
		catch (SdkException ex) {
			throw unknownOutcome(ex);
		}
	}

	private DynamoDownException unknownOutcome(SdkException ex) {
		return new DynamoDownException(describe() + " failed with an unknown outcome: its writes were applied "
				+ "entirely or not at all (" + AwsErrors.describe(ex) + ")", ex);
	}

	private String describe() {
		return this.store.describe("atomicBatch");
	}

	private static String reasons(TransactionCanceledException ex) {
		if (!ex.hasCancellationReasons()) {
			return "none given";
		}
		return ex.cancellationReasons()
			.stream()
			.map(CancellationReason::code)
			.filter((code) -> code != null && !"None".equals(code))
			.collect(Collectors.joining(", "));
	}

}
