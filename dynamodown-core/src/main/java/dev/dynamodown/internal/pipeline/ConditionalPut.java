package dev.dynamodown.internal.pipeline;

import java.util.Map;
import java.util.concurrent.CompletableFuture;

import dev.dynamodown.internal.Futures;
import dev.dynamodown.internal.io.AttemptLog;
import dev.dynamodown.internal.schema.TableSchema;
import dev.dynamodown.internal.store.Store;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;

/**
 * {@code putIfAbsent}: a {@code PutItem} with {@code attribute_not_exists} on the range key, safe
 * to use as a lock or an idempotency marker.
 * <p>
 * When the condition fails, the key existed, unless the item that made it fail is this call's own:
 * the client retried, and an earlier attempt had been applied although its answer was lost. That
 * is only possible if an earlier attempt of THIS call may have been applied ({@link AttemptLog}:
 * it failed otherwise than by throttling), and then the existing item is compared with the one
 * written ({@link SameItem}): the same means this call's write. The existing item comes with the
 * failure ({@code ReturnValuesOnConditionCheckFailure.ALL_OLD}); endpoints that do not return it
 * are asked with a consistent {@code GetItem}.
 * <p>
 * A single attempt that meets an item, however alike, reports {@code false}, and so do attempts
 * after refusals only. The ambiguity left: after an attempt whose answer was lost AND that was in
 * fact not applied, another writer writing the identical item before the retry is taken for this
 * call's own write.
 */
final class ConditionalPut {

	private final Store store;

	ConditionalPut(Store store) {
		this.store = store;
	}

	/**
	 * Writes an item if its key is absent.
	 * @param schema the table's key layout
	 * @param key the item's key
	 * @param item an item built by {@link Store#item}
	 * @return {@code true} if the item is this call's, {@code false} if another write had the key
	 */
	CompletableFuture<Boolean> putIfAbsent(TableSchema schema, String key, Map<String, AttributeValue> item) {
		AttemptLog attempts = new AttemptLog();
		PutItemRequest request = attempts.attachTo(PutItemRequest.builder()
			.tableName(this.store.table())
			.item(item)
			.conditionExpression("attribute_not_exists(#r)")
			.expressionAttributeNames(Map.of("#r", schema.rangeName()))
			.returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD), this.store.calls()).build();
		return this.store.calls().putItem(request).handle((written, failure) -> {
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
			CompletableFuture<Map<String, AttributeValue>> existing = refused.hasItem()
					? CompletableFuture.completedFuture(refused.item()) : current(schema, key);
			return existing.thenApply((found) -> found != null && SameItem.same(found, item));
		}).thenCompose((outcome) -> outcome);
	}

	private CompletableFuture<Map<String, AttributeValue>> current(TableSchema schema, String key) {
		return this.store.calls()
			.getItem(GetItemRequest.builder()
				.tableName(this.store.table())
				.key(this.store.key(schema, key))
				.consistentRead(true)
				.build())
			.thenApply((response) -> response.hasItem() ? response.item() : null);
	}

}
