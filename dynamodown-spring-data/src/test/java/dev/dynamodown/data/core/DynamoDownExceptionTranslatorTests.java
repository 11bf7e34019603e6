package dev.dynamodown.data.core;

import java.io.IOException;
import java.net.ConnectException;
import java.util.List;

import dev.dynamodown.AtomicBatchException;
import dev.dynamodown.BatchOperation;
import dev.dynamodown.BatchOperation.Kind;
import dev.dynamodown.BatchWriteException;
import dev.dynamodown.DynamoDownException;
import dev.dynamodown.TableSchemaException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataRetrievalFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.InvalidDataAccessApiUsageException;
import org.springframework.dao.InvalidDataAccessResourceUsageException;
import org.springframework.dao.PermissionDeniedDataAccessException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.data.keyvalue.core.UncategorizedKeyValueException;
import org.springframework.data.mapping.MappingException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The translation table of {@link DynamoDownExceptionTranslator}, on the exceptions the core
 * throws with the AWS SDK exceptions the client throws. The same translations against a real
 * endpoint are in {@code ExceptionTranslationIntegrationTests}.
 */
class DynamoDownExceptionTranslatorTests {

	private final DynamoDownExceptionTranslator translator = new DynamoDownExceptionTranslator();

	@Test
	void badInputIsInvalidApiUsage() {
		assertTranslated(new IllegalArgumentException("bad key"), InvalidDataAccessApiUsageException.class);
		assertTranslated(new NullPointerException("'key' must not be null"), InvalidDataAccessApiUsageException.class);
		assertTranslated(new MappingException("no @Id"), InvalidDataAccessApiUsageException.class);
	}

	@Test
	void aMissingTableIsInvalidResourceUsage() {
		assertTranslated(new TableSchemaException("t", "Table 't' does not exist"),
				InvalidDataAccessResourceUsageException.class);
	}

	@Test
	void throttlingThatOutlivedTheRetriesIsTransient() {
		assertTranslated(failed(ProvisionedThroughputExceededException.builder()
			.statusCode(400)
			.awsErrorDetails(details("ProvisionedThroughputExceededException"))
			.build()), TransientDataAccessResourceException.class);
		assertTranslated(failed(DynamoDbException.builder()
			.statusCode(400)
			.awsErrorDetails(details("ThrottlingException"))
			.build()), TransientDataAccessResourceException.class);
		assertTranslated(failed(DynamoDbException.builder()
			.statusCode(503)
			.awsErrorDetails(details("ServiceUnavailable"))
			.build()), TransientDataAccessResourceException.class);
	}

	@Test
	void anUnreachableEndpointIsAResourceFailure() {
		assertTranslated(failed(SdkClientException.create("Unable to execute HTTP request",
				new ConnectException("Connection refused"))), DataAccessResourceFailureException.class);
	}

	@Test
	void aTimeoutIsAQueryTimeout() {
		assertTranslated(failed(ApiCallTimeoutException.create(1000)), QueryTimeoutException.class);
	}

	@Test
	void refusedCredentialsArePermissionDenied() {
		assertTranslated(failed(DynamoDbException.builder()
			.statusCode(403)
			.awsErrorDetails(details("UnrecognizedClientException"))
			.build()), PermissionDeniedDataAccessException.class);
	}

	@Test
	void aCancelledTransactionIsAConcurrencyFailure() {
		assertTranslated(new AtomicBatchException("cancelled, nothing was written",
				TransactionCanceledException.builder().statusCode(400).build()), ConcurrencyFailureException.class);
	}

	@Test
	void aBatchWithUnappliedWritesKeepsThemOnItsCause() {
		BatchWriteException unprocessed = new BatchWriteException("1 write unprocessed after 10 attempts",
				List.of(new BatchOperation(Kind.PUT, "a")), 3, null);
		DataAccessException translated = assertTranslated(unprocessed, TransientDataAccessResourceException.class);
		assertThat(((BatchWriteException) translated.getCause()).unapplied())
			.containsExactly(new BatchOperation(Kind.PUT, "a"));
		BatchWriteException unreachable = new BatchWriteException("2 writes failed",
				List.of(new BatchOperation(Kind.DELETE, "b")), 0,
				SdkClientException.create("Unable to execute HTTP request", new IOException("Connection reset")));
		assertTranslated(unreachable, DataAccessResourceFailureException.class);
	}

	@Test
	void otherServiceFailuresAreUncategorized() {
		assertTranslated(failed(DynamoDbException.builder()
			.statusCode(400)
			.awsErrorDetails(details("ValidationException"))
			.build()), UncategorizedKeyValueException.class);
		assertTranslated(new DynamoDownException("getAll was stopped"), UncategorizedKeyValueException.class);
	}

	@Test
	void dataAccessExceptionsStayAsTheyAreAndOthersAreTranslatedAsKeyValueTranslatesThem() {
		DuplicateKeyException duplicate = new DuplicateKeyException("exists");
		assertThat(this.translator.translateExceptionIfPossible(duplicate)).isSameAs(duplicate);
		assertThat(this.translator.translateExceptionIfPossible(new IllegalStateException("state")))
			.isInstanceOf(DataRetrievalFailureException.class);
		assertThat(this.translator.translateExceptionIfPossible(new UnsupportedOperationException("no")))
			.isInstanceOf(UncategorizedKeyValueException.class);
	}

	private DataAccessException assertTranslated(RuntimeException exception, Class<? extends DataAccessException> type) {
		DataAccessException translated = this.translator.translateExceptionIfPossible(exception);
		assertThat(translated).isExactlyInstanceOf(type).hasMessage(exception.getMessage());
		assertThat(translated.getCause()).isSameAs(exception);
		return translated;
	}

	/** What the core throws when a request fails: the SDK's exception, wrapped with the store named. */
	private static DynamoDownException failed(Exception sdk) {
		return new DynamoDownException("put on table 't', namespace 'n' failed", sdk);
	}

	private static AwsErrorDetails details(String code) {
		return AwsErrorDetails.builder().errorCode(code).errorMessage(code).build();
	}

}
