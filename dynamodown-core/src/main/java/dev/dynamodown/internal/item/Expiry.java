package dev.dynamodown.internal.item;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * When entries expire: the attribute that holds an item's expiry time and the clock that says
 * what time it is. Expiry times are seconds since the epoch, what DynamoDB's TTL reads.
 * <ul>
 * <li>An entry written at clock time {@code t} to live {@code ttl} expires at second
 * {@code floor(t + ttl)}, a whole number: rounded down, so that it is never readable once
 * {@code ttl} has elapsed (it may expire up to a second early, never late).</li>
 * <li>An item has expired when its expiry time is at or before the clock's time when the read is
 * sent ({@link #now()}, exact to the clock's precision, not rounded): for the whole seconds this
 * library writes, that is exactly "the expiry second has begun", and an expiry time another
 * writer gave a fraction of a second is compared exactly too.</li>
 * <li>An item without the attribute, or whose attribute is not a number, never expires (DynamoDB's
 * TTL ignores such items too).</li>
 * </ul>
 * The same rule is written twice, once for DynamoDB ({@link #EXPIRED} and {@link #LIVE}, condition
 * and filter expressions over {@link #NAME} and {@link #NOW}) and once in Java
 * ({@link #expired}), for the reads DynamoDB cannot filter ({@code GetItem}, {@code BatchGetItem},
 * the old item of a {@code DeleteItem}). In DynamoDB a comparison with a missing attribute, or
 * with one of another type, is false, so {@code NOT (#e <= :now)} holds exactly for the items
 * that have not expired, in one comparison.
 */
public final class Expiry {

	/** The expression name that stands for the expiry attribute. */
	public static final String NAME = "#e";

	/** The expression value that stands for the present. */
	public static final String NOW = ":now";

	/** Holds for an item that has expired. */
	public static final String EXPIRED = NAME + " <= " + NOW;

	/** Holds for an item that has not expired: without an expiry time, or one still to come. */
	public static final String LIVE = "NOT (" + EXPIRED + ")";

	private final String attribute;

	private final Clock clock;

	/**
	 * @param attribute the expiry attribute's name
	 * @param clock what time it is
	 */
	public Expiry(String attribute, Clock clock) {
		this.attribute = attribute;
		this.clock = clock;
	}

	/** The expiry attribute's name. */
	public String attribute() {
		return this.attribute;
	}

	/** The present, in seconds since the epoch, exact to the clock's precision. */
	public BigDecimal now() {
		Instant now = this.clock.instant();
		return BigDecimal.valueOf(now.getEpochSecond()).add(BigDecimal.valueOf(now.getNano(), 9)).stripTrailingZeros();
	}

	/**
	 * The expiry time of an entry written now that lives {@code ttl}.
	 * @param ttl how long the entry lives, positive
	 * @return the expiry second, rounded down, as a number attribute
	 * @throws NullPointerException if {@code ttl} is {@code null}
	 * @throws IllegalArgumentException if it is zero, negative, or beyond the representable time
	 */
	public AttributeValue expiresAt(Duration ttl) {
		Objects.requireNonNull(ttl, "'ttl' must not be null");
		if (ttl.isNegative() || ttl.isZero()) {
			throw new IllegalArgumentException("'ttl' must be positive, was " + ttl);
		}
		try {
			return AttributeValue.fromN(Long.toString(this.clock.instant().plus(ttl).getEpochSecond()));
		}
		catch (DateTimeException | ArithmeticException ex) {
			throw new IllegalArgumentException("'ttl' of " + ttl + " ends beyond the representable time", ex);
		}
	}

	/**
	 * Whether an item has expired at a given second.
	 * @param item the item, or its non-key attributes
	 * @param now the present ({@link #now()}, taken when the read was sent)
	 * @return {@code true} if its expiry attribute is a number not after {@code now}
	 */
	public boolean expired(Map<String, AttributeValue> item, BigDecimal now) {
		AttributeValue expires = item.get(this.attribute);
		return expires != null && expires.n() != null && new BigDecimal(expires.n()).compareTo(now) <= 0;
	}

	/** The expression names of {@link #EXPIRED} and {@link #LIVE}. */
	public Map<String, String> names() {
		return Map.of(NAME, this.attribute);
	}

	/**
	 * The expression values of {@link #EXPIRED} and {@link #LIVE}.
	 * @param now the present ({@link #now()})
	 * @return the values
	 */
	public static Map<String, AttributeValue> values(BigDecimal now) {
		return Map.of(NOW, AttributeValue.fromN(now.toPlainString()));
	}

}
