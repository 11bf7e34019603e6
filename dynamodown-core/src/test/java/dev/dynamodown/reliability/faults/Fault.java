package dev.dynamodown.reliability.faults;

import java.util.Set;

/**
 * What the {@link FaultProxy} does to one request. The names say whether the request reached
 * dynalite: {@code *_AFTER} faults forward it first (its writes landed) and only then fail the
 * answer, the nasty case for a client that cannot tell "not applied" from "answer lost".
 */
public enum Fault {

	/** Forwarded, answered as dynalite answered. */
	NONE,

	/** Not forwarded; HTTP 400 {@code ProvisionedThroughputExceededException} (retried by the SDK). */
	THROUGHPUT_EXCEEDED,

	/** Not forwarded; HTTP 400 {@code ThrottlingException} (retried by the SDK). */
	THROTTLING,

	/** Not forwarded; HTTP 500 {@code InternalServerError}. */
	INTERNAL_ERROR,

	/** Not forwarded; HTTP 503 {@code ServiceUnavailable}. */
	UNAVAILABLE,

	/** Forwarded (applied), then answered HTTP 500 instead of dynalite's answer. */
	INTERNAL_ERROR_AFTER,

	/** Not forwarded; the connection is reset (TCP RST). */
	RESET_BEFORE,

	/** Forwarded (applied), then the connection is reset instead of answering. */
	RESET_AFTER,

	/** Not forwarded; never answered, until the client gives up and closes the connection. */
	STALL_BEFORE,

	/** Forwarded (applied), then never answered, until the client gives up. */
	STALL_AFTER,

	/**
	 * {@code BatchWriteItem} / {@code BatchGetItem} only: a random non-empty part of the items or
	 * keys is held back (really not forwarded) and returned as {@code UnprocessedItems} /
	 * {@code UnprocessedKeys}; the rest is forwarded.
	 */
	PARTIALLY_UNPROCESSED("BatchWriteItem", "BatchGetItem"),

	/** Batch requests only: nothing is forwarded, everything is returned as unprocessed. */
	ALL_UNPROCESSED("BatchWriteItem", "BatchGetItem"),

	/**
	 * Not forwarded; HTTP 400 {@code InvalidSignatureException} whose message echoes the signed
	 * request as AWS does (the canonical request with the {@code x-amz-security-token} header and
	 * the string to sign) and, beyond what AWS echoes, the request's {@code Authorization} header
	 * (access key id in {@code Credential=}, {@code Signature=}) and {@link #PLANTED_SECRET}.
	 */
	INVALID_SIGNATURE,

	/**
	 * Not forwarded; HTTP 400 {@code UnrecognizedClientException} whose message names the
	 * request's security token, access key id and principal ARN, and {@link #PLANTED_SECRET}.
	 */
	UNRECOGNIZED_CLIENT,

	/**
	 * {@code TransactWriteItems} only: not forwarded (dynalite has no transactions); the proxy
	 * answers HTTP 400 {@code TransactionCanceledException} itself, as DynamoDB does when a
	 * condition or a conflict cancels the transaction (nothing written).
	 */
	TRANSACTION_CANCELLED("TransactWriteItems"),

	/**
	 * {@code TransactWriteItems} only: not forwarded; the proxy answers HTTP 200 itself, as DynamoDB
	 * does when the transaction was applied (or when a retry carries the token of one that was).
	 */
	TRANSACTION_APPLIED("TransactWriteItems"),

	/**
	 * {@code UpdateTimeToLive} only: not forwarded (dynalite has no TTL); the proxy answers HTTP 200
	 * itself, echoing the request's {@code TimeToLiveSpecification}, as DynamoDB does when it
	 * enables TTL.
	 */
	TIME_TO_LIVE_ENABLED("UpdateTimeToLive");

	/** Shaped like an AWS secret access key: what a careless error text could carry. */
	public static final String PLANTED_SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYzPlantedKEY";

	/** The operations this fault can be applied to; empty for any. */
	private final Set<String> operations;

	Fault(String... operations) {
		this.operations = Set.of(operations);
	}

	/** Whether this fault can be applied to a request of this DynamoDB operation. */
	public boolean appliesTo(String operation) {
		return this.operations.isEmpty() || this.operations.contains(operation);
	}

}
