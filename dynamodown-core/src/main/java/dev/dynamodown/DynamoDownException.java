package dev.dynamodown;

import dev.dynamodown.internal.Redaction;

/**
 * Base of every service-side failure dynamodown reports. Unchecked, and carries the AWS SDK
 * exception as its cause where there is one.
 * <p>
 * No secret leaves through it: the constructors redact the message and keep a redacted copy of
 * the cause's whole chain, suppressed exceptions included (a session token, a secret key, a
 * signature, an access key id or a principal's ARN that AWS echoed in its error text is
 * replaced). AWS SDK exceptions in the chain stay of their own type, with their status code,
 * error code, request id and number of attempts, so that {@code getCause() instanceof
 * ConditionalCheckFailedException} and {@code statusCode()} still work; the cause may therefore
 * be a copy rather than the very instance the SDK threw. Where the library adds suppressed
 * exceptions later, it redacts them the same way first.
 * <p>
 * Bad arguments are not reported with this type: they raise {@link NullPointerException} or
 * {@link IllegalArgumentException} before any request is sent.
 */
public class DynamoDownException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	public DynamoDownException(String message) {
		super(Redaction.text(message));
	}

	public DynamoDownException(String message, Throwable cause) {
		super(Redaction.text(message), Redaction.throwable(cause));
	}

}
