package dev.dynamodown.health;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import dev.dynamodown.internal.Redaction;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

import org.springframework.util.Assert;

/**
 * Whether a table can host dynamodown stores right now, found with one
 * {@code DescribeTable} whose whole call (retries included) is bounded by a timeout, so
 * that an endpoint that never answers is reported within that time.
 * <p>
 * A table is {@link State#READY} when it is {@code ACTIVE} and both its hash and range key
 * are of type {@code S}. Reasons name the table, key attributes and the endpoint's host and
 * port at most, or quote the service's error, redacted; never credentials, signatures or session
 * tokens.
 *
 * @param table the table
 * @param state what was found
 * @param reason why the table is not ready, {@code null} when it is
 */
public record TableCheck(String table, State state, @Nullable String reason) {

	/**
	 * What a check can find.
	 */
	public enum State {

		/** Active, with string hash and range keys. */
		READY,

		/** The table does not exist. */
		MISSING,

		/** The table exists but is not {@code ACTIVE} (being created, updated or deleted). */
		NOT_ACTIVE,

		/** The key schema cannot host stores: no range key, or a key not of type {@code S}. */
		UNUSABLE_SCHEMA,

		/** No answer in time, or no connection. */
		UNREACHABLE,

		/** The service refused the request (for example access denied). */
		FAILED

	}

	/**
	 * A check's outcome; the reason is redacted ({@link Redaction}), so that AWS error text that
	 * echoes a signed request or names a principal never reaches a health detail or a log.
	 */
	public TableCheck {
		Assert.notNull(table, "'table' must not be null");
		Assert.notNull(state, "'state' must not be null");
		reason = Redaction.text(reason);
	}

	/**
	 * Whether the table can host stores.
	 * @return {@code true} if {@link State#READY}
	 */
	public boolean isReady() {
		return this.state == State.READY;
	}

	/**
	 * Describes a table and judges it.
	 * @param client the client
	 * @param table the table
	 * @param timeout bound of the whole call, retries included
	 * @return the outcome; never throws for service or connection failures
	 */
	public static TableCheck of(DynamoDbClient client, String table, Duration timeout) {
		Assert.notNull(client, "'client' must not be null");
		Assert.hasText(table, "'table' must not be empty");
		Assert.notNull(timeout, "'timeout' must not be null");
		try {
			TableDescription description = client
				.describeTable((request) -> request.tableName(table)
					.overrideConfiguration((call) -> call.apiCallTimeout(timeout).apiCallAttemptTimeout(timeout)))
				.table();
			return judge(table, description);
		}
		catch (ResourceNotFoundException ex) {
			return new TableCheck(table, State.MISSING, "table does not exist");
		}
		catch (ApiCallTimeoutException | ApiCallAttemptTimeoutException ex) {
			return new TableCheck(table, State.UNREACHABLE, "no answer within " + timeout.toMillis() + " ms");
		}
		catch (SdkClientException ex) {
			return new TableCheck(table, State.UNREACHABLE, ex.getMessage());
		}
		catch (AwsServiceException ex) {
			return new TableCheck(table, State.FAILED, (ex.awsErrorDetails() != null)
					? ex.awsErrorDetails().errorCode() + ": " + ex.awsErrorDetails().errorMessage() : ex.getMessage());
		}
	}

	private static TableCheck judge(String table, TableDescription description) {
		if (description.tableStatus() != TableStatus.ACTIVE) {
			return new TableCheck(table, State.NOT_ACTIVE, "table is " + description.tableStatusAsString());
		}
		Map<String, String> types = description.attributeDefinitions()
			.stream()
			.collect(Collectors.toMap(AttributeDefinition::attributeName, AttributeDefinition::attributeTypeAsString));
		Optional<KeySchemaElement> range = key(description, KeyType.RANGE);
		if (range.isEmpty()) {
			return new TableCheck(table, State.UNUSABLE_SCHEMA, "table has no range key");
		}
		for (KeySchemaElement key : new KeySchemaElement[] { key(description, KeyType.HASH).orElseThrow(),
				range.get() }) {
			String type = types.get(key.attributeName());
			if (!ScalarAttributeType.S.toString().equals(type)) {
				return new TableCheck(table, State.UNUSABLE_SCHEMA, key.keyTypeAsString().toLowerCase() + " key '"
						+ key.attributeName() + "' is of type " + type + ", not S");
			}
		}
		return new TableCheck(table, State.READY, null);
	}

	private static Optional<KeySchemaElement> key(TableDescription description, KeyType type) {
		return description.keySchema().stream().filter((key) -> key.keyType() == type).findFirst();
	}

}
