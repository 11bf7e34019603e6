package dev.dynamodown.data.core;

import java.io.IOException;

import dev.dynamodown.BatchWriteException;
import dev.dynamodown.DynamoDownException;
import dev.dynamodown.TableSchemaException;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.InvalidDataAccessApiUsageException;
import org.springframework.dao.InvalidDataAccessResourceUsageException;
import org.springframework.dao.PermissionDeniedDataAccessException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.dao.support.PersistenceExceptionTranslator;
import org.springframework.data.keyvalue.core.KeyValuePersistenceExceptionTranslator;
import org.springframework.data.keyvalue.core.UncategorizedKeyValueException;
import org.springframework.data.mapping.MappingException;

/**
 * Translates dynamodown's exceptions into Spring's {@link DataAccessException} hierarchy, as every
 * Spring Data module does, always keeping the original exception as the cause (so a
 * {@link BatchWriteException}'s {@link BatchWriteException#unapplied() unapplied()} list stays
 * reachable through {@code getCause()}). Used by the repositories' template, and, as a bean, by
 * Spring's {@code @Repository} exception translation for code that uses dynamodown templates.
 * <table>
 * <caption>Translations</caption>
 * <tr><th>exception</th><th>translated to</th></tr>
 * <tr><td>{@code IllegalArgumentException}, {@code NullPointerException}, Spring Data's
 * {@code MappingException}: bad entity, key or argument, refused before any request</td>
 * <td>{@link InvalidDataAccessApiUsageException}</td></tr>
 * <tr><td>{@link TableSchemaException}: missing table, unusable key schema</td>
 * <td>{@link InvalidDataAccessResourceUsageException}</td></tr>
 * <tr><td>any {@link DynamoDownException} (a {@link BatchWriteException} included) caused by
 * throttling ({@code ProvisionedThroughputExceededException}, {@code RequestLimitExceeded},
 * {@code ThrottlingException}) or a 5xx answer that outlived the client's retries, and a
 * {@code BatchWriteException} whose items stayed unprocessed after every retry</td>
 * <td>{@link TransientDataAccessResourceException}</td></tr>
 * <tr><td>... caused by the client's call or attempt timeout</td>
 * <td>{@link QueryTimeoutException}</td></tr>
 * <tr><td>... caused by an unreachable endpoint (connection refused or reset, unknown host: a
 * client-side failure with an I/O cause)</td>
 * <td>{@link DataAccessResourceFailureException}</td></tr>
 * <tr><td>... caused by a 403 answer (bad credentials or signature, access denied)</td>
 * <td>{@link PermissionDeniedDataAccessException}</td></tr>
 * <tr><td>... caused by a cancelled transaction ({@code atomicBatch})</td>
 * <td>{@link ConcurrencyFailureException}</td></tr>
 * <tr><td>any other {@link DynamoDownException}</td>
 * <td>{@link UncategorizedKeyValueException}</td></tr>
 * <tr><td>anything else</td><td>as Spring Data KeyValue translates it (or not at all)</td></tr>
 * </table>
 * A {@code DataAccessException} is returned as it is.
 */
public class DynamoDownExceptionTranslator implements PersistenceExceptionTranslator {

	private final PersistenceExceptionTranslator keyValue = new KeyValuePersistenceExceptionTranslator();

	@Override
	public @Nullable DataAccessException translateExceptionIfPossible(RuntimeException exception) {
		if (exception instanceof DataAccessException dataAccess) {
			return dataAccess;
		}
		if (exception instanceof IllegalArgumentException || exception instanceof NullPointerException
				|| exception instanceof MappingException) {
			return new InvalidDataAccessApiUsageException(exception.getMessage(), exception);
		}
		if (exception instanceof TableSchemaException) {
			return new InvalidDataAccessResourceUsageException(exception.getMessage(), exception);
		}
		if (exception instanceof DynamoDownException dynamoDown) {
			return translate(dynamoDown);
		}
		return this.keyValue.translateExceptionIfPossible(exception);
	}

	private static DataAccessException translate(DynamoDownException exception) {
		String message = exception.getMessage();
		SdkException cause = sdkCause(exception);
		if (cause == null) {
			// A batch without an SDK failure gave up on items DynamoDB kept unprocessed: throughput.
			return (exception instanceof BatchWriteException) ? new TransientDataAccessResourceException(message, exception)
					: new UncategorizedKeyValueException(message, exception);
		}
		if (cause instanceof ApiCallTimeoutException || cause instanceof ApiCallAttemptTimeoutException) {
			return new QueryTimeoutException(message, exception);
		}
		if (cause instanceof TransactionCanceledException) {
			return new ConcurrencyFailureException(message, exception);
		}
		if (cause instanceof AwsServiceException service) {
			if (service.isThrottlingException() || service.statusCode() >= 500) {
				return new TransientDataAccessResourceException(message, exception);
			}
			if (service.statusCode() == 403) {
				return new PermissionDeniedDataAccessException(message, exception);
			}
		}
		if (cause instanceof SdkClientException && hasCause(cause, IOException.class)) {
			return new DataAccessResourceFailureException(message, exception);
		}
		return new UncategorizedKeyValueException(message, exception);
	}

	private static @Nullable SdkException sdkCause(Throwable exception) {
		for (Throwable cause = exception.getCause(); cause != null; cause = cause.getCause()) {
			if (cause instanceof SdkException sdk) {
				return sdk;
			}
		}
		return null;
	}

	private static boolean hasCause(Throwable exception, Class<? extends Throwable> type) {
		for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
			if (type.isInstance(cause)) {
				return true;
			}
		}
		return false;
	}

}
