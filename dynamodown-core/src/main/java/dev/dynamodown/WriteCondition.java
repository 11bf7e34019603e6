package dev.dynamodown;

import java.util.Objects;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * What must hold for a {@linkplain SortedKeyValueTemplate#putIf conditional write} to be applied,
 * checked by DynamoDB atomically with the write (one conditional {@code PutItem} or
 * {@code DeleteItem}): the key's item is absent, or one of its attributes equals a value. Used,
 * for example, for optimistic locking on a version attribute. Immutable.
 * <p>
 * On {@link SortedKeyValueTemplate} only, not on the {@link SortedKeyValueOperations} interface.
 */
public final class WriteCondition {

	private static final WriteCondition ITEM_ABSENT = new WriteCondition(null, null);

	private final @Nullable String attribute;

	private final @Nullable AttributeValue value;

	private WriteCondition(@Nullable String attribute, @Nullable AttributeValue value) {
		this.attribute = attribute;
		this.value = value;
	}

	/** Holds when the key has no item. */
	public static WriteCondition itemAbsent() {
		return ITEM_ABSENT;
	}

	/**
	 * Holds when the key's item exists and its attribute equals the value (numbers compare by
	 * value, as DynamoDB compares them).
	 * @param attribute a value attribute of the item (not a key attribute)
	 * @param value the value it must have
	 * @return the condition
	 * @throws IllegalArgumentException if the attribute name is empty
	 */
	public static WriteCondition attributeEquals(String attribute, AttributeValue value) {
		Objects.requireNonNull(attribute, "'attribute' must not be null");
		Objects.requireNonNull(value, "'value' must not be null");
		if (attribute.isEmpty()) {
			throw new IllegalArgumentException("'attribute' must not be empty");
		}
		return new WriteCondition(attribute, value);
	}

	/** The attribute compared, or empty for {@link #itemAbsent()}. */
	public Optional<String> attribute() {
		return Optional.ofNullable(this.attribute);
	}

	/** The value the attribute must equal, or empty for {@link #itemAbsent()}. */
	public Optional<AttributeValue> value() {
		return Optional.ofNullable(this.value);
	}

	@Override
	public boolean equals(@Nullable Object other) {
		return other instanceof WriteCondition condition && Objects.equals(this.attribute, condition.attribute)
				&& Objects.equals(this.value, condition.value);
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.attribute, this.value);
	}

	@Override
	public String toString() {
		return (this.attribute != null) ? "WriteCondition[" + this.attribute + " = " + this.value + "]"
				: "WriteCondition[item absent]";
	}

}
