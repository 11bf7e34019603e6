package dev.dynamodown.internal;

import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Describes an AWS SDK failure for an exception message, without anything secret: a signature
 * error's echo of the canonical request (which may hold a session token) is cut off, and
 * anything shaped like an access key id is masked.
 */
public final class AwsErrors {

	private static final Pattern ACCESS_KEY_ID = Pattern.compile("\\b(AKIA|ASIA|AROA|AIDA)[A-Z0-9]{12,}\\b");

	private static final String CANONICAL_ECHO = "The Canonical String";

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
		return redact(text);
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

	static String redact(String text) {
		int echo = text.indexOf(CANONICAL_ECHO);
		String kept = (echo >= 0) ? text.substring(0, echo) + "[canonical request omitted]" : text;
		return ACCESS_KEY_ID.matcher(kept).replaceAll("$1****");
	}

}
