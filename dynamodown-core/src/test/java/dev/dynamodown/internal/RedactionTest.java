package dev.dynamodown.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

import dev.dynamodown.DynamoDownException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link Redaction} on text and on exception chains built in memory: what is replaced, what is
 * kept, and that AWS SDK exceptions keep their type and everything but their text.
 */
class RedactionTest {

	private static final String TOKEN = "FwoGZXIvYXdzEBYaDHVzZXItc2Vzc2lvbiIsInRva2VuIjoiYWJjZGVmZ2hpams0NTY3ODkwIn0+/==";

	private static final String SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";

	private static final String SIGNATURE = "5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7";

	@Test
	void replacesSecretsAndKeepsWhatAnOperatorNeeds() {
		String text = "UnrecognizedClientException: x-amz-security-token:" + TOKEN + " Credential=AKIAIOSFODNN7EXAMPLE/20260101/"
				+ "us-east-1/dynamodb/aws4_request, SignedHeaders=host;x-amz-date, Signature=" + SIGNATURE + " key "
				+ "ASIAIOSFODNN7EXAMPLE secret " + SECRET + " bare " + SIGNATURE + " User: arn:aws:sts::123456789012:"
				+ "assumed-role/app/session is not authorized on arn:aws:dynamodb:us-east-1:123456789012:table/notes "
				+ "(table 'notes', HTTP 400, request id 4b3f2a1c-9d8e-4f7a-b6c5-d4e3f2a1b0c9)";
		String redacted = Redaction.text(text);
		assertThat(redacted).doesNotContain(TOKEN, "AKIAIOSFODNN7EXAMPLE", "ASIAIOSFODNN7EXAMPLE", SECRET, SIGNATURE,
				"assumed-role/app/session");
		assertThat(redacted).contains("UnrecognizedClientException", "x-amz-security-token:[redacted]", "Credential=[redacted]",
				"Signature=[redacted]", "SignedHeaders=host;x-amz-date", "ASIA****", "[principal ARN omitted]",
				"arn:aws:dynamodb:us-east-1:123456789012:table/notes", "table 'notes'", "HTTP 400",
				"4b3f2a1c-9d8e-4f7a-b6c5-d4e3f2a1b0c9");
		assertThat(Redaction.text("Table 'user/profile/settings/notifications/email-preferences' has no range key"))
			.isEqualTo("Table 'user/profile/settings/notifications/email-preferences' has no range key");
		assertThat(Redaction.text(null)).isNull();
	}

	@Test
	void rebuildsAwsExceptionsAsTheSameTypeWithTheirDetails() {
		Map<String, AttributeValue> item = Map.of("k", AttributeValue.fromS("a"));
		ConditionalCheckFailedException original = ConditionalCheckFailedException.builder()
			.message("The conditional request failed for token " + TOKEN)
			.statusCode(400)
			.requestId("request-1")
			.numAttempts(3)
			.item(item)
			.awsErrorDetails(AwsErrorDetails.builder()
				.errorCode("ConditionalCheckFailedException")
				.errorMessage("The conditional request failed for token " + TOKEN)
				.serviceName("DynamoDb")
				.rawResponse(SdkBytes.fromUtf8String("{\"message\":\"token " + TOKEN + "\"}"))
				.build())
			.build();

		Throwable redacted = Redaction.throwable(original);

		assertThat(redacted).isNotSameAs(original).isExactlyInstanceOf(ConditionalCheckFailedException.class);
		ConditionalCheckFailedException copy = (ConditionalCheckFailedException) redacted;
		assertThat(copy.statusCode()).isEqualTo(400);
		assertThat(copy.requestId()).isEqualTo("request-1");
		assertThat(copy.numAttempts()).isEqualTo(3);
		assertThat(copy.item()).isEqualTo(item);
		assertThat(copy.awsErrorDetails().errorCode()).isEqualTo("ConditionalCheckFailedException");
		assertThat(copy.awsErrorDetails().serviceName()).isEqualTo("DynamoDb");
		assertThat(copy.getStackTrace()).isEqualTo(original.getStackTrace());
		assertThat(copy.getMessage()).startsWith("The conditional request failed for token [redacted]")
			.contains("Status Code: 400", "Request ID: request-1");
		assertThat(copy.awsErrorDetails().errorMessage()).doesNotContain(TOKEN);
		assertThat(copy.awsErrorDetails().rawResponse().asUtf8String()).isEqualTo("{\"message\":\"token [redacted]\"}");
	}

	@Test
	void redactsCausesAndSuppressedExceptionsAndKeepsCleanOnes() {
		ProvisionedThroughputExceededException clean = ProvisionedThroughputExceededException.builder()
			.message("Rate exceeded")
			.statusCode(400)
			.build();
		UncheckedIOException leaky = new UncheckedIOException("Sent with x-amz-security-token: " + TOKEN,
				new IOException("Credential=AKIAIOSFODNN7EXAMPLE/20260101/us-east-1/dynamodb/aws4_request"));
		SdkClientException top = SdkClientException.builder().message("Unable to execute HTTP request").cause(leaky).build();
		top.addSuppressed(clean);
		top.addSuppressed(new IllegalStateException("secret key " + SECRET));

		DynamoDownException failure = new DynamoDownException("put failed: " + SECRET, top);

		assertThat(failure.getMessage()).isEqualTo("put failed: [redacted]");
		Throwable cause = failure.getCause();
		assertThat(cause).isExactlyInstanceOf(SdkClientException.class).hasMessage("Unable to execute HTTP request");
		assertThat(cause.getStackTrace()).isEqualTo(top.getStackTrace());
		assertThat(cause.getCause()).isInstanceOf(Redaction.RedactedException.class)
			.hasMessage("Sent with x-amz-security-token: [redacted]");
		assertThat(cause.getCause().toString())
			.isEqualTo("java.io.UncheckedIOException (redacted): Sent with x-amz-security-token: [redacted]");
		assertThat(cause.getCause().getCause()).isInstanceOf(Redaction.RedactedException.class)
			.hasMessage("Credential=[redacted]");
		assertThat(cause.getSuppressed()).hasSize(2);
		assertThat(cause.getSuppressed()[0]).isSameAs(clean);
		assertThat(cause.getSuppressed()[1]).hasMessage("secret key [redacted]");

		IllegalStateException harmless = new IllegalStateException("Connection refused", new IOException("reset"));
		assertThat(Redaction.throwable(harmless)).isSameAs(harmless);
	}

	@Test
	void survivesACycleInTheChain() {
		IllegalStateException first = new IllegalStateException("token " + TOKEN);
		IllegalStateException second = new IllegalStateException("second", first);
		first.addSuppressed(second);
		Throwable redacted = Redaction.throwable(second);
		assertThat(redacted.getCause()).hasMessage("token [redacted]");
	}

}
