package dev.dynamodown.internal.batch;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

import dev.dynamodown.AtomicBatchException;
import dev.dynamodown.AtomicBatchOutcomeUnknownException;
import dev.dynamodown.internal.AwsErrors;
import dev.dynamodown.internal.Futures;
import dev.dynamodown.internal.io.AttemptLog;
import dev.dynamodown.internal.store.Store;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.TransactionInProgressException;

/**
 * Applies writes all-or-nothing with ONE {@code TransactWriteItems} call, and never falls back
 * to non-atomic writes.
 * <ul>
 * <li>Each call carries its own {@code ClientRequestToken}, so the client's retries of the same
 * request are idempotent: a retry after a lost answer cannot apply the writes twice.</li>
 * <li>"Nothing was written" ({@link AtomicBatchException}) is reported only when it is known:
 * the call was refused (cancelled, an endpoint without transactions like dynalite, any other 4xx)
 * and no earlier attempt of it may have been applied, i.e. it was the only attempt or every
 * earlier one was throttled ({@link AttemptLog}).</li>
 * <li>Otherwise a failure leaves the outcome open: an earlier attempt's answer was lost before a
 * refusal, no answer came at all, a 5xx outlived the retries, the same transaction was still in
 * progress. That is an {@link AtomicBatchOutcomeUnknownException}: the writes were applied
 * entirely or not at all.</li>
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
	 * Refuses an atomic batch of more than {@value #MAX_ITEMS} distinct keys, before anything is sent.
	 * @param distinctKeys how many keys the batch writes
	 * @throws IllegalArgumentException if there are too many
	 */
	public static void checkSize(int distinctKeys) {
		if (distinctKeys > MAX_ITEMS) {
			throw new IllegalArgumentException("An atomic batch holds at most " + MAX_ITEMS
					+ " distinct keys (TransactWriteItems' limit), this one has " + distinctKeys);
		}
	}

	/**
	 * Applies the writes atomically; sends nothing for no writes.
	 * @param writes validated writes, one per key, at most {@value #MAX_ITEMS}
	 * @return completes when applied; fails with {@link AtomicBatchException} if nothing was written,
	 * {@link AtomicBatchOutcomeUnknownException} if the outcome is unknown
	 */
	public CompletableFuture<Void> write(List<WriteOp> writes) {
		if (writes.isEmpty()) {
			return CompletableFuture.completedFuture(null);
		}
		String table = this.store.table();
		List<TransactWriteItem> items = writes.stream().map((write) -> write.transactItem(table)).toList();
		AttemptLog attempts = new AttemptLog();
		TransactWriteItemsRequest request = attempts.attachTo(TransactWriteItemsRequest.builder()
			.transactItems(items)
			.clientRequestToken(UUID.randomUUID().toString()), this.store.calls()).build();
		return this.store.calls().transactWriteItems(request).handle((response, failure) -> {
			if (failure == null) {
				return null;
			}
			Throwable cause = Futures.unwrap(failure);
			if (!(cause instanceof SdkException sdk)) {
				throw Futures.unchecked(cause);
			}
			String refusal = refusal(sdk);
			if (refusal == null || attempts.earlierAttemptMayHaveApplied(sdk)) {
				throw new AtomicBatchOutcomeUnknownException(describe() + " failed with an unknown outcome: its writes were "
						+ "applied entirely or not at all (" + ((refusal == null) ? "" : "an earlier attempt's answer was lost, then ")
						+ AwsErrors.describe(sdk) + ")", sdk);
			}
			throw new AtomicBatchException(describe() + refusal, sdk);
		});
	}

	/** What a refusal means, to follow the description; {@code null} if it is none. */
	private static @Nullable String refusal(SdkException failure) {
		if (failure instanceof TransactionCanceledException cancelled) {
			return " was cancelled, nothing was written (reasons: " + reasons(cancelled) + ")";
		}
		if (failure instanceof TransactionInProgressException || !(failure instanceof AwsServiceException service)) {
			return null;
		}
		if (UNKNOWN_OPERATION.equals(AwsErrors.errorCode(service))) {
			return ": the endpoint does not support TransactWriteItems (dynalite does not); nothing was written";
		}
		if (service.statusCode() >= 400 && service.statusCode() < 500) {
			return " was refused, nothing was written: " + AwsErrors.describe(service);
		}
		return null;
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
