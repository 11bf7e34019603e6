package dev.dynamodown;

/**
 * Base of every service-side failure dynamodown reports. Unchecked, and carries the AWS SDK
 * exception as its cause where there is one. Messages never contain credentials.
 * <p>
 * Bad arguments are not reported with this type: they raise {@link NullPointerException} or
 * {@link IllegalArgumentException} before any request is sent.
 */
public class DynamoDownException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	public DynamoDownException(String message) {
		super(message);
	}

	public DynamoDownException(String message, Throwable cause) {
		super(message, cause);
	}

}
