package dev.dynamodown.internal.query;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import dev.dynamodown.KeyRange;
import dev.dynamodown.internal.item.Expiry;
import dev.dynamodown.internal.schema.TableSchema;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.Select;

/**
 * How one {@link KeyRange} is read from one partition with {@code Query}: its
 * {@linkplain KeyInterval closed interval of keys} as an inclusive key condition, so that every
 * item a request returns belongs to the range.
 * <ul>
 * <li>A prefix alone becomes {@code begins_with}.</li>
 * <li>Otherwise two ends become {@code BETWEEN} (inclusive, the only two-sided key condition
 * DynamoDB has), one end {@code >=} or {@code <=}, none the partition alone.</li>
 * </ul>
 * Attribute names always go through {@code #h} and {@code #r}: they may be reserved words. Every
 * request but {@code clear}'s also filters out the expired entries ({@link RangeRead}). A range
 * that selects no key has no plan.
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
	 * A request for the next page, without paging or limit: table, key condition, the filter on
	 * expiry (unless {@code read} keeps expired items), projection or {@code Select.COUNT}, names and
	 * values, in the range's direction.
	 * @param table the table
	 * @param read what to read
	 * @param consistent whether the read is strongly consistent
	 * @param now the present, for the filter on expiry ({@link Expiry#now()})
	 * @return the request builder
	 */
	public QueryRequest.Builder request(String table, RangeRead read, boolean consistent, BigDecimal now) {
		// DynamoDB refuses names and values the expressions do not use.
		Map<String, String> names = new HashMap<>();
		names.put(HASH, this.schema.hashName());
		if (read.keysOnly() || this.keyCondition.contains(RANGE)) {
			names.put(RANGE, this.schema.rangeName());
		}
		Map<String, AttributeValue> values = this.values;
		QueryRequest.Builder request = QueryRequest.builder()
			.tableName(table)
			.keyConditionExpression(this.keyCondition)
			.consistentRead(consistent)
			.scanIndexForward(!this.range.isReverse());
		if (read.skipsExpired()) {
			// Applied to the items read: Limit counts them, matching or not (see QueryPageSource).
			names.put(Expiry.NAME, this.schema.expiryName());
			values = new HashMap<>(values);
			values.putAll(Expiry.values(now));
			request.filterExpression(Expiry.LIVE);
		}
		if (read.keysOnly()) {
			request.projectionExpression(HASH + ", " + RANGE);
		}
		if (read == RangeRead.COUNT) {
			request.select(Select.COUNT);
		}
		return request.expressionAttributeNames(names).expressionAttributeValues(values);
	}

	/** The range this plan reads. */
	public KeyRange range() {
		return this.range;
	}

}
