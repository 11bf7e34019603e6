package dev.dynamodown.internal;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Takes secrets out of text and exceptions before they leave the library: every message
 * dynamodown builds, every cause it keeps, the starter's health details and logs. AWS error text
 * can echo the signed request (a signature error quotes the canonical request and the string to
 * sign, with the {@code x-amz-security-token} header) and name the caller's principal; none of
 * that may reach a log or a health page.
 * <p>
 * What is replaced:
 * <ul>
 * <li>the echo of a signature error: {@code The Canonical String for this request should have
 * been '…'} and {@code The String-to-Sign should have been '…'};</li>
 * <li>the value after a secret's label ({@code x-amz-security-token}, {@code session token},
 * {@code secret access key}, {@code Credential}, {@code Signature}, {@code password}, followed by
 * {@code :} or {@code =});</li>
 * <li>access key ids ({@code AKIA…}, {@code ASIA…} and the other IAM id prefixes), keeping only the
 * prefix;</li>
 * <li>text shaped like a secret key or a session token: a run of 40 or more base64 characters that
 * mixes upper case, lower case and digits or {@code +}/{@code /}; and a run of exactly 64 hex
 * digits, the shape of a SigV4 signature;</li>
 * <li>IAM and STS ARNs, which name principals (users, roles, sessions).</li>
 * </ul>
 * Table names, error codes, HTTP status codes and request ids stay: they are what an operator
 * needs.
 */
public final class Redaction {

	/** A signature error's quote of the canonical request or the string to sign: up to its closing quote. */
	private static final Pattern SIGNING_ECHO = Pattern
		.compile("The (?:Canonical String for this request|String-to-Sign) should have been\\s*'[^']*(?:'|$)");

	private static final Pattern LABELLED_SECRET = Pattern.compile("(?i)((?:x-amz-security-token|security[ _-]?token"
			+ "|session[ _-]?token|secret[ _-]?(?:access[ _-]?)?key|x-amz-credential|\\bcredential|x-amz-signature"
			+ "|\\bsignature|password)[\"']?\\s*[:=]\\s*[\"']?)[^\\s,;&'\"]+");

	private static final Pattern ACCESS_KEY_ID = Pattern
		.compile("\\b(AKIA|ASIA|AROA|AIDA|AIPA|ANPA|ANVA|AGPA|APKA|ABIA|ACCA)[A-Z0-9]{12,}\\b");

	private static final Pattern SECRET_SHAPED = Pattern.compile("(?<![A-Za-z0-9+/=])(?=[A-Za-z0-9+/]*[0-9+/])"
			+ "(?=[A-Za-z0-9+/]*[A-Z])(?=[A-Za-z0-9+/]*[a-z])[A-Za-z0-9+/]{40,}={0,2}(?![A-Za-z0-9+/=])");

	private static final Pattern SIGNATURE_SHAPED = Pattern.compile("(?<![0-9A-Za-z])[0-9a-f]{64}(?![0-9A-Za-z])");

	private static final Pattern PRINCIPAL_ARN = Pattern.compile("arn:aws[a-z-]*:(?:iam|sts)::[^\\s,;'\"]*");

	private static final String REDACTED = "[redacted]";

	private Redaction() {
	}

	/**
	 * Text without secrets.
	 * @param text any text, for example an exception's message
	 * @return the text with every secret replaced, {@code null} for {@code null}
	 */
	public static @Nullable String text(@Nullable String text) {
		if (text == null) {
			return null;
		}
		String redacted = SIGNING_ECHO.matcher(text).replaceAll("[signed request echo omitted]");
		redacted = LABELLED_SECRET.matcher(redacted).replaceAll("$1" + Matcher.quoteReplacement(REDACTED));
		redacted = PRINCIPAL_ARN.matcher(redacted).replaceAll("[principal ARN omitted]");
		redacted = ACCESS_KEY_ID.matcher(redacted).replaceAll("$1****");
		redacted = SECRET_SHAPED.matcher(redacted).replaceAll(Matcher.quoteReplacement(REDACTED));
		return SIGNATURE_SHAPED.matcher(redacted).replaceAll(Matcher.quoteReplacement(REDACTED));
	}

	/**
	 * An exception whose whole chain (causes and suppressed exceptions) carries no secret: the
	 * same instance when nothing in it needed redaction, otherwise a copy of each exception that
	 * did, with the same stack trace. AWS SDK exceptions are rebuilt as the same type with
	 * {@code toBuilder()} (status code, error code, request id, number of attempts and the rest
	 * kept; message, error details and raw response redacted), so that callers can still test
	 * {@code instanceof ConditionalCheckFailedException} and read the status code. Any other
	 * exception that carried a secret is replaced by a {@link RedactedException} naming its type.
	 * @param failure an exception
	 * @return the exception to keep, {@code null} for {@code null}
	 */
	public static @Nullable Throwable throwable(@Nullable Throwable failure) {
		return (failure != null) ? redact(failure, Collections.newSetFromMap(new IdentityHashMap<>())) : null;
	}

	private static Throwable redact(Throwable failure, Set<Throwable> seen) {
		if (!seen.add(failure)) {
			return failure; // a cycle in the chain: already being redacted further up
		}
		Throwable cause = failure.getCause();
		Throwable redactedCause = (cause != null) ? redact(cause, seen) : null;
		Throwable[] suppressed = failure.getSuppressed();
		boolean changed = redactedCause != cause || carriesSecret(failure);
		for (int i = 0; i < suppressed.length; i++) {
			Throwable original = suppressed[i];
			suppressed[i] = redact(original, seen);
			changed |= suppressed[i] != original;
		}
		if (!changed) {
			return failure;
		}
		Throwable copy = rebuild(failure, redactedCause);
		copy.setStackTrace(failure.getStackTrace());
		for (Throwable each : suppressed) {
			copy.addSuppressed(each);
		}
		return copy;
	}

	private static boolean carriesSecret(Throwable failure) {
		if (changes(failure.getMessage())) {
			return true;
		}
		if (failure instanceof AwsServiceException service && service.awsErrorDetails() != null) {
			AwsErrorDetails details = service.awsErrorDetails();
			return changes(details.errorMessage())
					|| (details.rawResponse() != null && changes(details.rawResponse().asUtf8String()));
		}
		return false;
	}

	private static boolean changes(@Nullable String text) {
		return !Objects.equals(text, text(text));
	}

	private static Throwable rebuild(Throwable failure, @Nullable Throwable cause) {
		if (failure instanceof AwsServiceException service) {
			AwsServiceException.Builder builder = service.toBuilder().message(text(service.rawMessage())).cause(cause);
			AwsErrorDetails details = service.awsErrorDetails();
			if (details != null) {
				SdkBytes raw = details.rawResponse();
				builder.awsErrorDetails(details.toBuilder()
					.errorMessage(text(details.errorMessage()))
					.rawResponse((raw != null) ? SdkBytes.fromUtf8String(text(raw.asUtf8String())) : null)
					.build());
			}
			return builder.build();
		}
		if (failure instanceof SdkException sdk) {
			return sdk.toBuilder().message(text(sdk.rawMessage())).cause(cause).build();
		}
		return new RedactedException(failure.getClass().getName(), text(failure.getMessage()), cause);
	}

	/**
	 * Stands in for an exception, not of the AWS SDK, whose message carried a secret: its
	 * {@code toString()} (and so its stack trace) names the original type, with the redacted
	 * message.
	 */
	public static final class RedactedException extends RuntimeException {

		private static final long serialVersionUID = 1L;

		private final String originalType;

		RedactedException(String originalType, @Nullable String message, @Nullable Throwable cause) {
			super(message, cause);
			this.originalType = originalType;
		}

		/** The class name of the exception this one replaces. */
		public String originalType() {
			return this.originalType;
		}

		@Override
		public String toString() {
			String message = getLocalizedMessage();
			return this.originalType + " (redacted)" + ((message != null) ? ": " + message : "");
		}

	}

}
