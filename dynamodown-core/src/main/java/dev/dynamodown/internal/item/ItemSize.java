package dev.dynamodown.internal.item;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import dev.dynamodown.internal.Keys;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The size of an item as DynamoDB counts it against its 400 KB limit: the UTF-8 bytes of every
 * attribute name plus the size of every value, the key attributes included.
 * <ul>
 * <li>S: its UTF-8 bytes; B: its raw bytes (not base64); BOOL and NULL: 1 byte;</li>
 * <li>N: see {@link Numbers#size};</li>
 * <li>L and M: 3 bytes, plus 1 byte and the size of each element (a map entry's key counted
 * like an attribute name);</li>
 * <li>SS, NS, BS: the sum of their elements.</li>
 * </ul>
 * Expects values that passed {@link ItemRules} (valid numbers, no lone surrogates).
 *
 * @see <a href="https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/CapacityUnitCalculations.html">DynamoDB item sizes and formats</a>
 */
public final class ItemSize {

	/** DynamoDB's limit for one item: 400 KB. */
	public static final int MAX_ITEM_BYTES = 409_600;

	private static final int CONTAINER_OVERHEAD = 3;

	private static final int ELEMENT_OVERHEAD = 1;

	private ItemSize() {
	}

	/**
	 * The size of a whole item of a store: its two key attributes and its value's attributes.
	 * @param hashName the hash-key attribute name
	 * @param namespace the hash-key value
	 * @param rangeName the range-key attribute name
	 * @param key the range-key value
	 * @param valueAttributes the value's attributes
	 * @return the item's size in bytes
	 */
	public static long ofItem(String hashName, String namespace, String rangeName, String key,
			Map<String, AttributeValue> valueAttributes) {
		return utf8(hashName) + utf8(namespace) + utf8(rangeName) + utf8(key) + of(valueAttributes);
	}

	/**
	 * The size of some attributes: names plus values.
	 * @param attributes the attributes
	 * @return their size in bytes
	 */
	public static long of(Map<String, AttributeValue> attributes) {
		long size = 0;
		for (Map.Entry<String, AttributeValue> attribute : attributes.entrySet()) {
			size += utf8(attribute.getKey()) + value(attribute.getValue());
		}
		return size;
	}

	/**
	 * The size of one value, without its name.
	 * @param value the value
	 * @return its size in bytes
	 */
	public static long value(AttributeValue value) {
		return switch (value.type()) {
			case S -> utf8(value.s());
			case N -> number(value.n());
			case B -> value.b().asByteArrayUnsafe().length;
			case BOOL, NUL -> 1;
			case SS -> value.ss().stream().mapToLong(ItemSize::utf8).sum();
			case NS -> value.ns().stream().mapToLong(ItemSize::number).sum();
			case BS -> value.bs().stream().mapToLong((bytes) -> bytes.asByteArrayUnsafe().length).sum();
			case L -> list(value.l());
			case M -> CONTAINER_OVERHEAD + of(value.m()) + (long) ELEMENT_OVERHEAD * value.m().size();
			default -> throw new IllegalArgumentException("Attribute value has no single type: " + value);
		};
	}

	private static long list(List<AttributeValue> elements) {
		long size = CONTAINER_OVERHEAD;
		for (AttributeValue element : elements) {
			size += ELEMENT_OVERHEAD + value(element);
		}
		return size;
	}

	private static long number(String text) {
		return Numbers.size(new BigDecimal(text));
	}

	private static long utf8(String text) {
		return Keys.utf8Length(text, "string");
	}

}
