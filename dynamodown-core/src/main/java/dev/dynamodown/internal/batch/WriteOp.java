package dev.dynamodown.internal.batch;

import java.util.Map;

import dev.dynamodown.BatchOperation;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * One validated write of a batch, ready to send.
 *
 * @param kind put or delete
 * @param key the store's key it writes
 * @param attributes the whole item for a put, the key attributes for a delete
 */
public record WriteOp(BatchOperation.Kind kind, String key, Map<String, AttributeValue> attributes) {

	/** A put of a whole item. */
	public static WriteOp put(String key, Map<String, AttributeValue> item) {
		return new WriteOp(BatchOperation.Kind.PUT, key, item);
	}

	/** A delete of the item with these key attributes. */
	public static WriteOp delete(String key, Map<String, AttributeValue> keyAttributes) {
		return new WriteOp(BatchOperation.Kind.DELETE, key, keyAttributes);
	}

	/** How it is reported back to the user. */
	public BatchOperation operation() {
		return new BatchOperation(this.kind, this.key);
	}

	WriteRequest writeRequest() {
		return (this.kind == BatchOperation.Kind.PUT) ? WriteRequest.builder().putRequest((p) -> p.item(this.attributes)).build()
				: WriteRequest.builder().deleteRequest((d) -> d.key(this.attributes)).build();
	}

	TransactWriteItem transactItem(String table) {
		return (this.kind == BatchOperation.Kind.PUT)
				? TransactWriteItem.builder().put((p) -> p.tableName(table).item(this.attributes)).build()
				: TransactWriteItem.builder().delete((d) -> d.tableName(table).key(this.attributes)).build();
	}

}
