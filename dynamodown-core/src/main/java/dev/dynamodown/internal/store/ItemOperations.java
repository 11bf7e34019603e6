package dev.dynamodown.internal.store;

import java.util.Map;
import java.util.Optional;

import dev.dynamodown.WriteCondition;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;

/**
 * The single-item requests of a store, on encoded values: {@code GetItem} (strongly
 * consistent), {@code PutItem}, conditional {@code PutItem} and {@code DeleteItem}. Each is one
 * request, retried only by the client's own retry policy.
 */
public final class ItemOperations {

	private final Store store;

	public ItemOperations(Store store) {
		this.store = store;
	}

	/**
	 * Reads the value attributes of a key.
	 * @param key a valid key
	 * @return the item's non-key attributes, or empty if the key is absent
	 */
	public Optional<Map<String, AttributeValue>> get(String key) {
		GetItemResponse response = this.store.client()
			.getItem((r) -> r.tableName(this.store.table()).key(this.store.key(key)).consistentRead(true));
		if (!response.hasItem() || response.item().isEmpty()) {
			return Optional.empty();
		}
		return Optional.of(this.store.schema().valueAttributes(response.item()));
	}

	/**
	 * Writes an item, replacing the key's previous item.
	 * @param item an item built by {@link Store#item}
	 */
	public void put(Map<String, AttributeValue> item) {
		this.store.client().putItem((r) -> r.tableName(this.store.table()).item(item));
	}

	/**
	 * Writes an item only if its key is absent: {@code attribute_not_exists} on the range key.
	 * <p>
	 * When the condition fails, the item that made it fail is compared with the one this call
	 * writes: if they are the same, the condition met this call's own earlier attempt (the
	 * client retried a request whose first attempt was applied but whose answer was lost), and
	 * the call reports success. The existing item comes with the failure
	 * ({@code ReturnValuesOnConditionCheckFailure.ALL_OLD}); endpoints that do not return it are
	 * asked with a consistent {@code GetItem}. The residual ambiguity: a different writer that
	 * wrote the identical item just before is indistinguishable from our own attempt, and is also
	 * reported as success.
	 * @param key the item's key
	 * @param item an item built by {@link Store#item}
	 * @return {@code true} if the item is this call's, {@code false} if another write had the key
	 */
	public boolean putIfAbsent(String key, Map<String, AttributeValue> item) {
		String rangeName = this.store.schema().rangeName();
		try {
			this.store.client()
				.putItem((r) -> r.tableName(this.store.table())
					.item(item)
					.conditionExpression("attribute_not_exists(#r)")
					.expressionAttributeNames(Map.of("#r", rangeName))
					.returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD));
			return true;
		}
		catch (ConditionalCheckFailedException ex) {
			Map<String, AttributeValue> existing = ex.hasItem() ? ex.item() : currentItem(key);
			return existing != null && SameItem.same(existing, item);
		}
	}

	/**
	 * Writes an item only if a condition holds: one conditional {@code PutItem}.
	 * <p>
	 * A failed condition is this call's own earlier attempt only when the client made more than one
	 * attempt ({@link SdkException#numAttempts()}: an applied attempt whose answer was lost) and the
	 * key now holds exactly the item this call writes; then the call reports success. Otherwise a
	 * failed condition means nothing was written.
	 * @param key the item's key
	 * @param item an item built by {@link Store#item}
	 * @param condition what must hold
	 * @return {@code true} if the item was written, {@code false} if the condition did not hold
	 */
	public boolean putIf(String key, Map<String, AttributeValue> item, WriteCondition condition) {
		Condition expression = Condition.of(condition, this.store.schema().rangeName());
		try {
			this.store.client()
				.putItem((r) -> r.tableName(this.store.table())
					.item(item)
					.conditionExpression(expression.expression())
					.expressionAttributeNames(expression.names())
					.expressionAttributeValues(expression.values())
					.returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD));
			return true;
		}
		catch (ConditionalCheckFailedException ex) {
			if (!retried(ex)) {
				return false;
			}
			Map<String, AttributeValue> existing = ex.hasItem() ? ex.item() : currentItem(key);
			return existing != null && SameItem.same(existing, item);
		}
	}

	/**
	 * Deletes a key only if a condition holds: one conditional {@code DeleteItem}. A failed
	 * condition after more than one attempt, with the key now absent, is this call's own earlier
	 * attempt (applied, its answer lost), and reported as success.
	 * @param key a valid key
	 * @param condition what must hold
	 * @return {@code true} if the item was deleted, {@code false} if the condition did not hold
	 */
	public boolean deleteIf(String key, WriteCondition condition) {
		Condition expression = Condition.of(condition, this.store.schema().rangeName());
		try {
			this.store.client()
				.deleteItem((r) -> r.tableName(this.store.table())
					.key(this.store.key(key))
					.conditionExpression(expression.expression())
					.expressionAttributeNames(expression.names())
					.expressionAttributeValues(expression.values())
					.returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD));
			return true;
		}
		catch (ConditionalCheckFailedException ex) {
			return retried(ex) && !ex.hasItem() && currentItem(key) == null;
		}
	}

	/**
	 * Deletes a key; no error if it is absent.
	 * @param key a valid key
	 */
	public void delete(String key) {
		this.store.client().deleteItem((r) -> r.tableName(this.store.table()).key(this.store.key(key)));
	}

	private static boolean retried(SdkException failure) {
		Integer attempts = failure.numAttempts();
		return attempts != null && attempts > 1;
	}

	/** A {@link WriteCondition} as a DynamoDB condition expression. */
	private record Condition(String expression, Map<String, String> names,
			@Nullable Map<String, AttributeValue> values) {

		static Condition of(WriteCondition condition, String rangeName) {
			Optional<String> attribute = condition.attribute();
			if (attribute.isEmpty()) {
				return new Condition("attribute_not_exists(#a)", Map.of("#a", rangeName), null);
			}
			return new Condition("#a = :v", Map.of("#a", attribute.get()),
					Map.of(":v", condition.value().orElseThrow()));
		}

	}

	private @Nullable Map<String, AttributeValue> currentItem(String key) {
		GetItemResponse response = this.store.client()
			.getItem((r) -> r.tableName(this.store.table()).key(this.store.key(key)).consistentRead(true));
		return response.hasItem() ? response.item() : null;
	}

}
