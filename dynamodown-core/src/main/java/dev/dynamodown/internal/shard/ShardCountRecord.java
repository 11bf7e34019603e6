package dev.dynamodown.internal.shard;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import dev.dynamodown.DynamoDownException;
import dev.dynamodown.internal.schema.TableSchema;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;

/**
 * The item that records how many shards a namespace is laid out over, so that a store opened with
 * another count fails before it could miss an item: the requests that read, claim and delete it,
 * and what their answers mean. Sends nothing itself.
 * <p>
 * <b>The item.</b> Hash-key value {@code namespace + U+0000} (see {@link ShardLayout}), range-key
 * value {@value #RANGE_VALUE}, and the count as a number in the attribute {@code shards} (or
 * {@code shards_} if the table's key attributes are themselves called {@code shards}). It is in
 * no partition a store reads, so neither {@code dynamo-down} nor a range read ever sees it, and
 * one consistent {@code GetItem} finds it whatever count the store was opened with.
 * <p>
 * <b>The protocol</b>, run by a store at its first use and at every use until it returns
 * {@link Check#VERIFIED}, before the operation sends anything else:
 * <ol>
 * <li>{@link #readRequest()}: one consistent {@code GetItem}; {@link #afterRead} reads the
 * answer. A recorded count that differs from the store's fails the operation with a
 * {@link DynamoDownException} naming both. An unsharded store ({@code shards(1)}) writes nothing:
 * a missing record means its layout, and it is {@link Check#VERIFIED}.</li>
 * <li>A sharded store that finds no record must make sure the namespace holds no items of an
 * unsharded store ({@code dynamo-down} and {@code shards(1)} never write a record):
 * {@link #plainProbeRequest()}, one consistent {@code Query} of one key in the namespace's own
 * partition, read by {@link #afterPlainProbe}. If it is empty the store is {@link Check#UNCLAIMED}:
 * reads go on (the namespace is empty) and the next use checks again.</li>
 * <li>Before its first write, an unclaimed sharded store claims the namespace:
 * {@link #claimRequest()}, one {@code PutItem} under the condition "no record, or a record of the
 * same count". It succeeds for every store of that count (the item written is the same), and
 * fails with {@code ConditionalCheckFailedException} when a store of another count claimed first:
 * {@link #claimRefused} turns the record that won into the error. Then the store is verified.</li>
 * </ol>
 * <b>What this does not prevent</b> (the races left, documented for users): the check runs once
 * per store, so
 * <ul>
 * <li>an unsharded store that found no record, and a sharded store that then found the namespace
 * empty and claimed it, may both write: each sees only its own items. Only when both are first
 * used on an empty namespace at about the same time, or when the unsharded store is
 * {@code dynamo-down} (which checks nothing);</li>
 * <li>deleting the record ({@link #deleteRequest()}) while stores of the namespace are open, or
 * while its shards hold items, lets another count be claimed next to them.</li>
 * </ul>
 * Two sharded stores of different counts never both write: the conditional claim lets one win.
 */
public final class ShardCountRecord {

	/** The range-key value of every record item. */
	public static final String RANGE_VALUE = "shards";

	private static final String COUNT_ATTRIBUTE = "shards";

	private final TableSchema schema;

	private final ShardLayout layout;

	private final @Nullable Map<String, AttributeValue> key;

	private final String countAttribute;

	private ShardCountRecord(TableSchema schema, ShardLayout layout) {
		this.schema = schema;
		this.layout = layout;
		String partition = layout.recordPartition();
		this.key = (partition != null) ? schema.key(partition, RANGE_VALUE) : null;
		String name = COUNT_ATTRIBUTE;
		while (name.equals(schema.hashName()) || name.equals(schema.rangeName())) {
			name += "_";
		}
		this.countAttribute = name;
	}

	/**
	 * The record of a namespace in a table.
	 * @param schema the table's key layout
	 * @param layout the namespace's layout as the store was opened
	 * @return the record
	 */
	public static ShardCountRecord of(TableSchema schema, ShardLayout layout) {
		Objects.requireNonNull(schema, "'schema' must not be null");
		Objects.requireNonNull(layout, "'layout' must not be null");
		return new ShardCountRecord(schema, layout);
	}

	/** Where a store stands after a step of the protocol. */
	public enum Check {

		/** The namespace is laid out with the store's count: no further checks. */
		VERIFIED,

		/**
		 * A sharded store's namespace has no record and no unsharded items yet: reads may go on, the
		 * next use checks again, and the first write must claim it first.
		 */
		UNCLAIMED

	}

	/**
	 * The read of the record: one strongly consistent {@code GetItem}.
	 * @return the request, or empty for an unsharded namespace so long that it can have no record
	 * (its store is {@link Check#VERIFIED} without a request)
	 */
	public Optional<GetItemRequest> readRequest() {
		if (this.key == null) {
			return Optional.empty();
		}
		return Optional.of(GetItemRequest.builder()
			.tableName(this.schema.table())
			.key(this.key)
			.consistentRead(true)
			.build());
	}

	/**
	 * Reads the answer to {@link #readRequest()}.
	 * @param response the answer
	 * @return {@link Check#VERIFIED} if the recorded count is the store's, or if there is none and
	 * the store is unsharded; {@link Check#UNCLAIMED} if there is none and the store is sharded
	 * (then {@link #plainProbeRequest()} comes next)
	 * @throws DynamoDownException if another count is recorded (the message names both), or the
	 * record is not one dynamodown wrote
	 */
	public Check afterRead(GetItemResponse response) {
		Integer recorded = response.hasItem() ? recordedCount(response.item()) : null;
		if (recorded == null) {
			return this.layout.sharded() ? Check.UNCLAIMED : Check.VERIFIED;
		}
		if (recorded != this.layout.shards()) {
			throw mismatch(ShardLayout.count(recorded) + " (recorded in the table)");
		}
		return Check.VERIFIED;
	}

	/**
	 * The count a namespace is laid out over, as the answer to {@link #readRequest()} records it,
	 * whatever count the store was opened with: how {@code DynamoDown.destroy(location)} finds the
	 * shards to destroy.
	 * @param response the answer
	 * @return the recorded count, or 1 if there is no record (the unsharded layout)
	 * @throws DynamoDownException if the record is not one dynamodown wrote
	 */
	public int recordedShards(GetItemResponse response) {
		Integer recorded = response.hasItem() ? recordedCount(response.item()) : null;
		return (recorded != null) ? recorded : 1;
	}

	/**
	 * The look for items of an unsharded store in the namespace's own partition: one strongly
	 * consistent {@code Query} of at most one item, keys only.
	 * @return the request
	 * @throws IllegalStateException for an unsharded store, which needs no probe
	 */
	public QueryRequest plainProbeRequest() {
		requireSharded("probe");
		return QueryRequest.builder()
			.tableName(this.schema.table())
			.keyConditionExpression("#h = :h")
			.expressionAttributeNames(Map.of("#h", this.schema.hashName()))
			.expressionAttributeValues(Map.of(":h", AttributeValue.fromS(this.layout.namespace())))
			.projectionExpression("#h")
			.limit(1)
			.consistentRead(true)
			.build();
	}

	/**
	 * Reads the answer to {@link #plainProbeRequest()}.
	 * @param response the answer
	 * @return {@link Check#UNCLAIMED}: the namespace has no unsharded items
	 * @throws DynamoDownException if it has some (an unsharded store's, or {@code dynamo-down}'s),
	 * naming both counts
	 */
	public Check afterPlainProbe(QueryResponse response) {
		requireSharded("probe");
		if ((response.count() != null && response.count() > 0) || (response.hasItems() && !response.items().isEmpty())) {
			throw mismatch("1 shard (it holds items written without sharding)");
		}
		return Check.UNCLAIMED;
	}

	/**
	 * The claim of the namespace for the store's count: one {@code PutItem} of the record under the
	 * condition "no record yet, or one of the same count". A refusal comes back as a
	 * {@code ConditionalCheckFailedException} carrying the record that won
	 * ({@code ReturnValuesOnConditionCheckFailure.ALL_OLD}); where the endpoint does not return it,
	 * read it with {@link #readRequest()} and pass it to {@link #claimRefused}.
	 * @return the request
	 * @throws IllegalStateException for an unsharded store, which never writes a record
	 */
	public PutItemRequest claimRequest() {
		requireSharded("claim");
		AttributeValue count = AttributeValue.fromN(Integer.toString(this.layout.shards()));
		return PutItemRequest.builder()
			.tableName(this.schema.table())
			.item(this.schema.item(Objects.requireNonNull(this.layout.recordPartition()), RANGE_VALUE,
					Map.of(this.countAttribute, count)))
			.conditionExpression("attribute_not_exists(#h) OR #c = :c")
			.expressionAttributeNames(Map.of("#h", this.schema.hashName(), "#c", this.countAttribute))
			.expressionAttributeValues(Map.of(":c", count))
			.returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)
			.build();
	}

	/**
	 * The error for a refused claim.
	 * @param existing the record that made the condition fail (from the exception, or read again);
	 * empty if it is gone again
	 * @return the exception to fail the operation with: naming both counts, or, if the record is
	 * gone or now has the store's count, saying that it changed while the store claimed it
	 */
	public DynamoDownException claimRefused(Map<String, AttributeValue> existing) {
		Integer recorded = existing.isEmpty() ? null : recordedCount(existing);
		if (recorded == null || recorded == this.layout.shards()) {
			return new DynamoDownException(where() + ": the record of its shard count changed while a store over "
					+ ShardLayout.count(this.layout.shards()) + " claimed it; try again");
		}
		return mismatch(ShardLayout.count(recorded) + " (recorded in the table)");
	}

	/**
	 * The removal of the record, for when the namespace is destroyed and no store of it is in use:
	 * afterwards it may be opened with another count.
	 * @return the request, or empty if the namespace can have no record
	 */
	public Optional<DeleteItemRequest> deleteRequest() {
		if (this.key == null) {
			return Optional.empty();
		}
		return Optional.of(DeleteItemRequest.builder().tableName(this.schema.table()).key(this.key).build());
	}

	/** The count recorded in a record item, or {@code null} if the item has none. */
	private @Nullable Integer recordedCount(Map<String, AttributeValue> item) {
		if (item.isEmpty()) {
			return null;
		}
		AttributeValue count = item.get(this.countAttribute);
		String text = (count != null) ? count.n() : null;
		try {
			int recorded = (text != null) ? Integer.parseInt(text) : 0;
			if (recorded >= 1) {
				return recorded;
			}
		}
		catch (NumberFormatException ex) {
			// reported below
		}
		throw new DynamoDownException(where() + ": the item recording its shard count has no positive whole number in '"
				+ this.countAttribute + "' (" + ((count != null) ? count : "missing") + "); it was not written by dynamodown");
	}

	private DynamoDownException mismatch(String recorded) {
		return new DynamoDownException(where() + " is laid out over " + recorded + ", but was opened with "
				+ ShardLayout.count(this.layout.shards()) + ": open it with its own count, or copy its items into a namespace"
				+ " of the new count (range read + batch)");
	}

	private String where() {
		return "Namespace '" + this.layout.namespace() + "' of table '" + this.schema.table() + "'";
	}

	private void requireSharded(String step) {
		if (!this.layout.sharded()) {
			throw new IllegalStateException("An unsharded store does not " + step + ": " + this.layout);
		}
	}

}
