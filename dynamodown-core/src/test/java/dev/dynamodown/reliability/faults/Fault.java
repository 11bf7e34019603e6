package dev.dynamodown.reliability.faults;

/**
 * What the {@link FaultProxy} does to one request. The names say whether the request reached
 * dynalite: {@code *_AFTER} faults forward it first (its writes landed) and only then fail the
 * answer, the nasty case for a client that cannot tell "not applied" from "answer lost".
 */
public enum Fault {

	/** Forwarded, answered as dynalite answered. */
	NONE(false),

	/** Not forwarded; HTTP 400 {@code ProvisionedThroughputExceededException} (retried by the SDK). */
	THROUGHPUT_EXCEEDED(false),

	/** Not forwarded; HTTP 400 {@code ThrottlingException} (retried by the SDK). */
	THROTTLING(false),

	/** Not forwarded; HTTP 500 {@code InternalServerError}. */
	INTERNAL_ERROR(false),

	/** Not forwarded; HTTP 503 {@code ServiceUnavailable}. */
	UNAVAILABLE(false),

	/** Forwarded (applied), then answered HTTP 500 instead of dynalite's answer. */
	INTERNAL_ERROR_AFTER(false),

	/** Not forwarded; the connection is reset (TCP RST). */
	RESET_BEFORE(false),

	/** Forwarded (applied), then the connection is reset instead of answering. */
	RESET_AFTER(false),

	/** Not forwarded; never answered, until the client gives up and closes the connection. */
	STALL_BEFORE(false),

	/** Forwarded (applied), then never answered, until the client gives up. */
	STALL_AFTER(false),

	/**
	 * {@code BatchWriteItem} / {@code BatchGetItem} only: a random non-empty part of the items or
	 * keys is held back (really not forwarded) and returned as {@code UnprocessedItems} /
	 * {@code UnprocessedKeys}; the rest is forwarded.
	 */
	PARTIALLY_UNPROCESSED(true),

	/** Batch requests only: nothing is forwarded, everything is returned as unprocessed. */
	ALL_UNPROCESSED(true),

	/**
	 * Not forwarded; HTTP 400 {@code InvalidSignatureException} whose message echoes the signed
	 * request as AWS does (the canonical request with the {@code x-amz-security-token} header and
	 * the string to sign) and, beyond what AWS echoes, the request's {@code Authorization} header
	 * (access key id in {@code Credential=}, {@code Signature=}) and {@link #PLANTED_SECRET}.
	 */
	INVALID_SIGNATURE(false),

	/**
	 * Not forwarded; HTTP 400 {@code UnrecognizedClientException} whose message names the
	 * request's security token, access key id and principal ARN, and {@link #PLANTED_SECRET}.
	 */
	UNRECOGNIZED_CLIENT(false);

	/** Shaped like an AWS secret access key: what a careless error text could carry. */
	public static final String PLANTED_SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYzPlantedKEY";

	private final boolean batchOnly;

	Fault(boolean batchOnly) {
		this.batchOnly = batchOnly;
	}

	/** Whether this fault can be applied to a request of this DynamoDB operation. */
	public boolean appliesTo(String operation) {
		return !this.batchOnly || isBatch(operation);
	}

	static boolean isBatch(String operation) {
		return operation.equals("BatchWriteItem") || operation.equals("BatchGetItem");
	}

}
