package dev.dynamodown.internal;

import org.jspecify.annotations.Nullable;

import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Describes an AWS SDK failure for an exception message, without anything secret
 * ({@link Redaction}).
 */
public final class AwsErrors {

	private AwsErrors() {
	}

	/**
	 * A one-line description: the service's error code, message and HTTP status, or the client's
	 * message.
	 * @param failure the SDK exception
	 * @return the description
	 */
	public static String describe(SdkException failure) {
		String text;
		if (failure instanceof AwsServiceException service && service.awsErrorDetails() != null
				&& service.awsErrorDetails().errorCode() != null) {
			AwsErrorDetails details = service.awsErrorDetails();
			text = details.errorCode() + ": " + details.errorMessage() + " (HTTP " + service.statusCode() + ")";
		}
		else {
			text = failure.getClass().getSimpleName() + ": " + failure.getMessage();
		}
		return Redaction.text(text);
	}

	/**
	 * The error code DynamoDB answered with, or {@code null} for a client-side failure.
	 * @param failure the SDK exception
	 * @return the code, e.g. {@code "UnknownOperationException"}
	 */
	public static @Nullable String errorCode(SdkException failure) {
		if (failure instanceof AwsServiceException service && service.awsErrorDetails() != null) {
			return service.awsErrorDetails().errorCode();
		}
		return null;
	}

}
