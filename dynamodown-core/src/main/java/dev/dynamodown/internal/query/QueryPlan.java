package dev.dynamodown.internal.query;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.dynamodown.KeyRange;
import dev.dynamodown.internal.Keys;
import dev.dynamodown.internal.schema.TableSchema;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * How one {@link KeyRange} is read from one partition with {@code Query}.
 * <ul>
 * <li>A prefix alone becomes {@code begins_with}. A prefix with bounds is intersected with them,
 * the prefix standing for {@code [prefix, successor(prefix))}.</li>
 * <li>One bound becomes {@code >}, {@code >=}, {@code <} or {@code <=}.</li>
 * <li>Two bounds become {@code BETWEEN} (the only two-sided key condition DynamoDB has), which
 * includes both ends: an exclusive end is dropped client-side ({@link #accepts}). Only the end
 * read first can cost an extra item before the limit is reached, so a limited query asks for
 * {@link #startAllowance() one more} item until it has seen any.</li>
 * </ul>
 * Attribute names always go through {@code #h} and {@code #r}: they may be reserved words.
 * Reads are strongly consistent. An {@linkplain KeyRange#isEmpty() empty} range has no plan.
 */
public final class QueryPlan {

	private static final String HASH = "#h";

	private static final String RANGE = "#r";

	private final KeyRange range;

	private final String keyCondition;

	private final Map<String, AttributeValue> values;

	private final TableSchema schema;

	private final List<String> excludedEnds;

	private final @Nullable String excludedStart;

	private QueryPlan(KeyRange range, TableSchema schema, String keyCondition, Map<String, AttributeValue> values,
			List<String> excludedEnds, @Nullable String excludedStart) {
		this.range = range;
		this.keyCondition = keyCondition;
		this.values = values;
		this.schema = schema;
		this.excludedEnds = excludedEnds;
		this.excludedStart = excludedStart;
	}

	/**
	 * Plans the read of a range.
	 * @param range the range
	 * @param schema the table's key layout
	 * @param partition the hash-key value to read
	 * @return the plan, or empty if the range selects nothing (then nothing needs to be sent)
	 */
	public static Optional<QueryPlan> of(KeyRange range, TableSchema schema, String partition) {
		if (range.isEmpty()) {
			return Optional.empty();
		}
		Map<String, AttributeValue> values = new HashMap<>();
		values.put(":h", AttributeValue.fromS(partition));
		String hashCondition = HASH + " = :h";
		String prefix = range.prefixValue();
		Bound low = Bound.of(range.lowerBound(), range.isLowerInclusive());
		Bound high = Bound.of(range.upperBound(), range.isUpperInclusive());
		if (prefix != null && low == null && high == null) {
			values.put(":p", AttributeValue.fromS(prefix));
			return Optional.of(new QueryPlan(range, schema, hashCondition + " AND begins_with(" + RANGE + ", :p)",
					values, List.of(), null));
		}
		if (prefix != null) {
			low = Bound.tighterLow(low, new Bound(prefix, true));
			high = Bound.tighterHigh(high, Bound.aboveEveryKeyStartingWith(prefix));
		}
		if (low != null && high != null) {
			values.put(":lo", AttributeValue.fromS(low.key()));
			values.put(":hi", AttributeValue.fromS(high.key()));
			List<String> excluded = new ArrayList<>(2);
			if (!low.inclusive()) {
				excluded.add(low.key());
			}
			if (!high.inclusive()) {
				excluded.add(high.key());
			}
			Bound start = range.isReverse() ? high : low;
			return Optional.of(new QueryPlan(range, schema, hashCondition + " AND " + RANGE + " BETWEEN :lo AND :hi",
					values, List.copyOf(excluded), start.inclusive() ? null : start.key()));
		}
		String keyCondition = hashCondition;
		if (low != null) {
			values.put(":lo", AttributeValue.fromS(low.key()));
			keyCondition += " AND " + RANGE + (low.inclusive() ? " >= " : " > ") + ":lo";
		}
		else if (high != null) {
			values.put(":hi", AttributeValue.fromS(high.key()));
			keyCondition += " AND " + RANGE + (high.inclusive() ? " <= " : " < ") + ":hi";
		}
		return Optional.of(new QueryPlan(range, schema, keyCondition, values, List.of(), null));
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

	/** Whether a key the query returned belongs to the range (false only for a dropped exclusive end). */
	public boolean accepts(String key) {
		return this.excludedEnds.isEmpty() || this.range.contains(key);
	}

	/**
	 * The exclusive ends the key condition includes: the query may return them, but they are not
	 * part of the range.
	 */
	public List<String> excludedEnds() {
		return this.excludedEnds;
	}

	/**
	 * How many items beyond the limit to ask for while no item has been seen yet: 1 if the first
	 * item in reading order may be an excluded end, else 0.
	 */
	public int startAllowance() {
		return (this.excludedStart != null) ? 1 : 0;
	}

	/** The range this plan reads. */
	public KeyRange range() {
		return this.range;
	}

	/** One end of a range. */
	private record Bound(String key, boolean inclusive) {

		static @Nullable Bound of(@Nullable String key, boolean inclusive) {
			return (key != null) ? new Bound(key, inclusive) : null;
		}

		/**
		 * The smallest bound above every key starting with {@code prefix}, or {@code null} if no
		 * key is above them all. When the successor would exceed the key length limit, the
		 * prefix has the maximum length and is itself the only such key.
		 */
		static @Nullable Bound aboveEveryKeyStartingWith(String prefix) {
			String successor = Keys.prefixSuccessor(prefix);
			if (successor == null) {
				return null;
			}
			if (Keys.utf8Length(successor, "prefix") > Keys.MAX_KEY_BYTES) {
				return new Bound(prefix, true);
			}
			return new Bound(successor, false);
		}

		static Bound tighterLow(@Nullable Bound bound, Bound other) {
			if (bound == null) {
				return other;
			}
			int c = Keys.compareUtf8(other.key, bound.key);
			return (c > 0 || (c == 0 && !other.inclusive)) ? other : bound;
		}

		static @Nullable Bound tighterHigh(@Nullable Bound bound, @Nullable Bound other) {
			if (bound == null || other == null) {
				return (bound != null) ? bound : other;
			}
			int c = Keys.compareUtf8(other.key, bound.key);
			return (c < 0 || (c == 0 && !other.inclusive)) ? other : bound;
		}

	}

}
