package dev.dynamodown.data.core;

import dev.dynamodown.DynamoDownException;
import org.jspecify.annotations.Nullable;

import org.springframework.dao.DataAccessException;
import org.springframework.dao.support.PersistenceExceptionTranslator;
import org.springframework.data.keyvalue.core.KeyValuePersistenceExceptionTranslator;

/**
 * Spring Data KeyValue's exception translation, minus two cases it would wrap in an
 * {@code UncategorizedKeyValueException}:
 * <ul>
 * <li>{@link IllegalArgumentException} and {@link NullPointerException} stay as they are: bad
 * input is reported as such, before any request, as everywhere in dynamodown;</li>
 * <li>{@link DynamoDownException}s stay as they are, so that callers can use what they carry
 * (e.g. {@link dev.dynamodown.BatchWriteException#unapplied()} after a failed {@code saveAll}).</li>
 * </ul>
 */
final class DynamoDownExceptionTranslator implements PersistenceExceptionTranslator {

	private final PersistenceExceptionTranslator keyValue = new KeyValuePersistenceExceptionTranslator();

	@Override
	public @Nullable DataAccessException translateExceptionIfPossible(RuntimeException exception) {
		if (exception instanceof IllegalArgumentException || exception instanceof NullPointerException
				|| exception instanceof DynamoDownException) {
			return null;
		}
		return this.keyValue.translateExceptionIfPossible(exception);
	}

}
