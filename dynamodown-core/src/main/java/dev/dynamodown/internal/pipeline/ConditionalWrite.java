package dev.dynamodown.internal.pipeline;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;

import dev.dynamodown.WriteCondition;
import dev.dynamodown.internal.Futures;
import dev.dynamodown.internal.io.AttemptLog;
import dev.dynamodown.internal.item.Expiry;
import dev.dynamodown.internal.schema.TableSchema;
import dev.dynamodown.internal.store.Store;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;

/**
 * Conditional writes: {@code putIfAbsent}, {@code putIf} and {@code deleteIf}, one conditional
 * {@code PutItem} or {@code DeleteItem} each. {@code putIfAbsent} is safe to use as a lock or an
 * idempotency marker.
 * <p>
 * An entry whose expiry time has passed is absent, in the same request: "the key is absent" is
 * {@code attribute_not_exists(#r) OR #e <= :now}, and "an attribute equals a value" also requires
 * the item not to have expired ({@link Expiry}), {@code :now} being the clock when the request is
 * built. So an expired entry that DynamoDB has not deleted yet is replaced by {@code putIfAbsent}
 * atomically, and never satisfies {@code attributeEquals}.
 * <p>
 * When the condition fails, it held no longer, unless what made it fail is this call's own write:
 * the client retried, and an earlier attempt had been applied although its answer was lost. That
 * is only possible if an earlier attempt of THIS call may have been applied ({@link AttemptLog}:
 * it failed otherwise than by throttling), and only then is the key looked at: a put is this
 * call's own when the existing item is the one written ({@link SameItem}), a delete when the key
 * is absent. The existing item comes with the failure
 * ({@code ReturnValuesOnConditionCheckFailure.ALL_OLD}); endpoints that do not return it are asked
 * with a consistent {@code GetItem}.
 * <p>
 * A single attempt that fails the condition reports {@code false}, however alike the item is, and
 * so do attempts after throttling only. The ambiguity left: after an attempt whose answer was lost
 * AND that was in fact not applied, another writer producing the same state before the retry (the
 * identical item, the key deleted) is taken for this call's own write.
 */
final class ConditionalWrite {

	private final Store store;

	ConditionalWrite(Store store) {
		this.store = store;
	}

	/**
	 * Writes an item if a condition holds.
	 * @param schema the table's key layout
	 * @param key the item's key
	 * @param item an item built by {@link Store#item}
	 * @param condition what must hold, checked against the schema already
	 * @return {@code true} if the item is this call's, {@code false} if the condition did not hold
	 */
	CompletableFuture<Boolean> put(TableSchema schema, String key, Map<String, AttributeValue> item,
			WriteCondition condition) {
		Expression expression = Expression.of(condition, schema, this.store.expiry().now());
		AttemptLog attempts = new AttemptLog();
		PutItemRequest request = attempts.attachTo(PutItemRequest.builder()
			.tableName(this.store.table())
			.item(item)
			.conditionExpression(expression.text())
			.expressionAttributeNames(expression.names())
			.expressionAttributeValues(expression.values())
			.returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD), this.store.calls()).build();
		return settle(this.store.calls().putItem(request), attempts, schema, key,
				(existing) -> existing != null && SameItem.same(existing, item));
	}

	/**
	 * Deletes a key if a condition holds.
	 * @param schema the table's key layout
	 * @param key a valid key
	 * @param condition what must hold, checked against the schema already
	 * @return {@code true} if the item was deleted, {@code false} if the condition did not hold
	 */
	CompletableFuture<Boolean> delete(TableSchema schema, String key, WriteCondition condition) {
		Expression expression = Expression.of(condition, schema, this.store.expiry().now());
		AttemptLog attempts = new AttemptLog();
		DeleteItemRequest request = attempts.attachTo(DeleteItemRequest.builder()
			.tableName(this.store.table())
			.key(this.store.key(schema, key))
			.conditionExpression(expression.text())
			.expressionAttributeNames(expression.names())
			.expressionAttributeValues(expression.values())
			.returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD), this.store.calls()).build();
		return settle(this.store.calls().deleteItem(request), attempts, schema, key, (existing) -> existing == null);
	}

	/**
	 * The outcome of a conditional request: {@code true} if it was applied, or if its condition
	 * failed on what may be this call's own earlier attempt ({@code ownWrite} of the key's item).
	 */
	private CompletableFuture<Boolean> settle(CompletableFuture<?> sent, AttemptLog attempts, TableSchema schema,
			String key, Predicate<@Nullable Map<String, AttributeValue>> ownWrite) {
		return sent.handle((written, failure) -> {
			if (failure == null) {
				return CompletableFuture.completedFuture(true);
			}
			Throwable cause = Futures.unwrap(failure);
			if (!(cause instanceof ConditionalCheckFailedException refused)) {
				throw Futures.unchecked(cause);
			}
			if (!attempts.earlierAttemptMayHaveApplied(refused)) {
				return CompletableFuture.completedFuture(false);
			}
			CompletableFuture<@Nullable Map<String, AttributeValue>> existing = refused.hasItem()
					? CompletableFuture.completedFuture(refused.item()) : current(schema, key);
			return existing.thenApply(ownWrite::test);
		}).thenCompose((outcome) -> outcome);
	}

	private CompletableFuture<@Nullable Map<String, AttributeValue>> current(TableSchema schema, String key) {
		// Decides this call's outcome: strongly consistent, whatever the store's reads are.
		return this.store.calls()
			.getItem(GetItemRequest.builder()
				.tableName(this.store.table())
				.key(this.store.key(schema, key))
				.consistentRead(true)
				.build())
			.thenApply((response) -> (response.hasItem() && !response.item().isEmpty()) ? response.item() : null);
	}

	/**
	 * A {@link WriteCondition} as a condition expression in which an expired item is absent; its
	 * names may be reserved words.
	 */
	private record Expression(String text, Map<String, String> names, Map<String, AttributeValue> values) {

		static Expression of(WriteCondition condition, TableSchema schema, BigDecimal now) {
			Map<String, String> names = new HashMap<>(Map.of(Expiry.NAME, schema.expiryName()));
			Map<String, AttributeValue> values = new HashMap<>(Expiry.values(now));
			Optional<String> attribute = condition.attribute();
			if (attribute.isEmpty()) {
				names.put("#r", schema.rangeName());
				return new Expression("attribute_not_exists(#r) OR " + Expiry.EXPIRED, names, values);
			}
			names.put("#a", attribute.get());
			values.put(":v", condition.value().orElseThrow());
			return new Expression("#a = :v AND " + Expiry.LIVE, names, values);
		}

	}

}
