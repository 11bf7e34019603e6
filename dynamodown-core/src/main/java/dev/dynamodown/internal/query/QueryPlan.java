package dev.dynamodown.internal.query;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import dev.dynamodown.KeyRange;
import dev.dynamodown.internal.schema.TableSchema;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * How one {@link KeyRange} is read from one partition with {@code Query}: its
 * {@linkplain KeyInterval closed interval of keys} as an inclusive key condition, so that every
 * item a request returns belongs to the range.
 * <ul>
 * <li>A prefix alone becomes {@code begins_with}.</li>
 * <li>Otherwise two ends become {@code BETWEEN} (inclusive, the only two-sided key condition
 * DynamoDB has), one end {@code >=} or {@code <=}, none the partition alone.</li>
 * </ul>
 * Attribute names always go through {@code #h} and {@code #r}: they may be reserved words.
 * Reads are strongly consistent. A range that selects no key has no plan.
 */
public final class QueryPlan {

	private static final String HASH = "#h";

	private static final String RANGE = "#r";

	private final KeyRange range;

	private final String keyCondition;

	private final Map<String, AttributeValue> values;

	private final TableSchema schema;

	private QueryPlan(KeyRange range, TableSchema schema, String keyCondition, Map<String, AttributeValue> values) {
		this.range = range;
		this.keyCondition = keyCondition;
		this.values = values;
		this.schema = schema;
	}

	/**
	 * Plans the read of a range.
	 * @param range the range
	 * @param schema the table's key layout
	 * @param partition the hash-key value to read
	 * @return the plan, or empty if the range selects nothing (then nothing needs to be sent)
	 */
	public static Optional<QueryPlan> of(KeyRange range, TableSchema schema, String partition) {
		Optional<KeyInterval> selected = KeyInterval.of(range);
		if (selected.isEmpty() || range.isEmpty()) {
			return Optional.empty();
		}
		KeyInterval interval = selected.get();
		Map<String, AttributeValue> values = new HashMap<>();
		values.put(":h", AttributeValue.fromS(partition));
		String condition = HASH + " = :h";
		String prefix = range.prefixValue();
		if (prefix != null && range.lowerBound() == null && range.upperBound() == null) {
			values.put(":p", AttributeValue.fromS(prefix));
			condition += " AND begins_with(" + RANGE + ", :p)";
		}
		else if (interval.low() != null && interval.high() != null) {
			values.put(":lo", AttributeValue.fromS(interval.low()));
			values.put(":hi", AttributeValue.fromS(interval.high()));
			condition += " AND " + RANGE + " BETWEEN :lo AND :hi";
		}
		else if (interval.low() != null) {
			values.put(":lo", AttributeValue.fromS(interval.low()));
			condition += " AND " + RANGE + " >= :lo";
		}
		else if (interval.high() != null) {
			values.put(":hi", AttributeValue.fromS(interval.high()));
			condition += " AND " + RANGE + " <= :hi";
		}
		return Optional.of(new QueryPlan(range, schema, condition, values));
	}

	/**
	 * A request for the next page, without paging or limit: table, key condition, names and
	 * values, strongly consistent, in the range's direction.
	 * @param table the table
	 * @param keysOnly whether to project the key attributes only
	 * @return the request builder
	 */
	public QueryRequest.Builder request(String table, boolean keysOnly) {
		// DynamoDB refuses names the expressions do not use.
		Map<String, String> names = new HashMap<>();
		names.put(HASH, this.schema.hashName());
		if (keysOnly || this.keyCondition.contains(RANGE)) {
			names.put(RANGE, this.schema.rangeName());
		}
		QueryRequest.Builder request = QueryRequest.builder()
			.tableName(table)
			.keyConditionExpression(this.keyCondition)
			.expressionAttributeNames(names)
			.expressionAttributeValues(this.values)
			.consistentRead(true)
			.scanIndexForward(!this.range.isReverse());
		return keysOnly ? request.projectionExpression(HASH + ", " + RANGE) : request;
	}

	/** The range this plan reads. */
	public KeyRange range() {
		return this.range;
	}

}
