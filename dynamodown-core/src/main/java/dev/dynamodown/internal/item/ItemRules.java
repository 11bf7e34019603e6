package dev.dynamodown.internal.item;

import java.nio.ByteBuffer;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import dev.dynamodown.internal.schema.TableSchema;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * DynamoDB's limits on an item, enforced before any request because local servers are more
 * lenient than DynamoDB: attribute names at least one character long (map keys too), nesting at
 * most {@value #MAX_DEPTH} levels, numbers DynamoDB can store, sets non-empty and without
 * duplicates, {@code NULL} only as {@code true}, text that is valid UTF-16 (a lone surrogate cannot
 * be sent as UTF-8), and at most {@value ItemSize#MAX_ITEM_BYTES} bytes per item.
 *
 * @see <a href="https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/ServiceQuotas.html#limits-attributes">DynamoDB attribute quotas</a>
 */
public final class ItemRules {

	/**
	 * DynamoDB's nesting limit. A top-level attribute is level 1 and each map or list adds one:
	 * DynamoDB accepts a scalar inside 31 nested maps and refuses it inside 32.
	 */
	public static final int MAX_DEPTH = 32;

	private ItemRules() {
	}

	/**
	 * Checks one item about to be written: its value's attributes may not use the name of a key
	 * attribute or of the expiry attribute (the item's own key and expiry time would be overwritten),
	 * must follow DynamoDB's rules, and the whole item must fit DynamoDB's size limit.
	 * @param schema the table's layout
	 * @param namespace the hash-key value
	 * @param key the range-key value (already a valid key)
	 * @param valueAttributes the encoded value's attributes
	 * @param expiresAt the item's expiry time, or {@code null} if it does not expire
	 * @throws NullPointerException if an attribute value is {@code null}
	 * @throws IllegalArgumentException naming the key and what is wrong
	 */
	public static void checkItem(TableSchema schema, String namespace, String key,
			Map<String, AttributeValue> valueAttributes, @Nullable AttributeValue expiresAt) {
		for (String name : valueAttributes.keySet()) {
			String role = name.equals(schema.hashName()) ? "the table's hash-key attribute"
					: name.equals(schema.rangeName()) ? "the table's range-key attribute"
							: name.equals(schema.expiryName()) ? "the expiry attribute (DynamoDownOptions.expiryAttribute)" : null;
			if (role != null) {
				throw new IllegalArgumentException("Value of key \"" + key + "\" has a field named '" + name
						+ "', which is " + role + " and cannot be overwritten");
			}
		}
		try {
			checkAttributes(valueAttributes);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("Item \"" + key + "\": " + ex.getMessage(), ex);
		}
		long size = ItemSize.ofItem(schema.hashName(), namespace, schema.rangeName(), key, valueAttributes)
				+ ((expiresAt != null) ? ItemSize.of(Map.of(schema.expiryName(), expiresAt)) : 0);
		if (size > ItemSize.MAX_ITEM_BYTES) {
			throw new IllegalArgumentException(String.format(Locale.ROOT,
					"Item \"%s\" is %,d bytes; DynamoDB allows at most %,d (attribute names and values in UTF-8)", key,
					size, ItemSize.MAX_ITEM_BYTES));
		}
	}

	/**
	 * Checks attributes against every rule that does not need the item's key: names, nesting,
	 * numbers, sets, text. Codecs call it so that a bad value fails when it is encoded.
	 * @param attributes the attributes
	 * @throws NullPointerException if an attribute value is {@code null}
	 * @throws IllegalArgumentException naming the attribute path and what is wrong
	 */
	public static void checkAttributes(Map<String, AttributeValue> attributes) {
		Objects.requireNonNull(attributes, "'attributes' must not be null");
		for (Map.Entry<String, AttributeValue> attribute : attributes.entrySet()) {
			String name = Objects.requireNonNull(attribute.getKey(), "Attribute names must not be null");
			if (name.isEmpty()) {
				throw new IllegalArgumentException("Attribute names must not be empty (DynamoDB refuses them)");
			}
			AttributePath path = AttributePath.attribute(name);
			requireText(name, path, "name");
			checkValue(attribute.getValue(), path);
		}
	}

	/**
	 * Checks that a value at this path is within DynamoDB's nesting limit.
	 * @param path the value's path
	 * @throws IllegalArgumentException if it is nested too deep
	 */
	public static void requireDepth(AttributePath path) {
		if (path.depth() > MAX_DEPTH) {
			throw new IllegalArgumentException("Attribute '" + path + "' is nested " + path.depth()
					+ " levels deep; DynamoDB allows at most " + MAX_DEPTH);
		}
	}

	/**
	 * Checks the key of a map entry at any depth: DynamoDB refuses empty names there too.
	 * @param name the key
	 * @param map the path of the map
	 * @throws IllegalArgumentException if it is empty
	 */
	public static void requireFieldName(String name, AttributePath map) {
		if (name.isEmpty()) {
			throw new IllegalArgumentException("Attribute '" + map
					+ "' has a field with an empty name; DynamoDB refuses empty attribute names");
		}
	}

	private static void checkValue(AttributeValue value, AttributePath path) {
		Objects.requireNonNull(value, () -> "Attribute '" + path + "' must not be null (use AttributeValue.fromNul(true))");
		requireDepth(path);
		AttributeValue.Type type = value.type();
		if (type == null || type == AttributeValue.Type.UNKNOWN_TO_SDK_VERSION) {
			throw new IllegalArgumentException("Attribute '" + path + "' must have exactly one type: " + value);
		}
		switch (type) {
			case S -> requireText(value.s(), path, "text");
			case N -> Numbers.requireStorable(Numbers.parse(value.n(), path), path);
			case NUL -> {
				if (!value.nul()) {
					throw new IllegalArgumentException("Attribute '" + path + "' is NULL false; DynamoDB accepts only NULL true");
				}
			}
			case SS -> checkSet(value.ss(), path, "string", (element, at) -> {
				requireText(element, at, "text");
				return element;
			});
			case NS -> checkSet(value.ns(), path, "number",
					(element, at) -> Numbers.requireStorable(Numbers.parse(element, at), at).stripTrailingZeros());
			case BS -> checkSet(value.bs(), path, "binary", (element, at) -> ByteBuffer.wrap(element.asByteArrayUnsafe()));
			case L -> {
				List<AttributeValue> elements = value.l();
				for (int i = 0; i < elements.size(); i++) {
					checkValue(elements.get(i), path.element(i));
				}
			}
			case M -> {
				for (Map.Entry<String, AttributeValue> entry : value.m().entrySet()) {
					requireFieldName(entry.getKey(), path);
					AttributePath field = path.field(entry.getKey());
					requireText(entry.getKey(), field, "name");
					checkValue(entry.getValue(), field);
				}
			}
			default -> {
				// B and BOOL: every value is storable; an empty B is allowed outside keys.
			}
		}
	}

	/** Elements compare by what DynamoDB stores: numbers by value, so 1 and 1.0 are duplicates. */
	private interface SetElement<E> {

		Object identity(E element, AttributePath path);

	}

	private static <E> void checkSet(List<E> elements, AttributePath path, String kind, SetElement<E> element) {
		if (elements.isEmpty()) {
			throw new IllegalArgumentException("Attribute '" + path + "' is an empty " + kind
					+ " set; DynamoDB refuses empty sets");
		}
		Set<Object> seen = new HashSet<>();
		for (int i = 0; i < elements.size(); i++) {
			AttributePath at = path.element(i);
			Object identity = element.identity(Objects.requireNonNull(elements.get(i),
					() -> "Attribute '" + at + "' must not be null"), at);
			if (!seen.add(identity)) {
				throw new IllegalArgumentException("Attribute '" + path + "' is a " + kind
						+ " set with a duplicate element at index " + i + "; DynamoDB refuses duplicates in sets");
			}
		}
	}

	private static void requireText(String text, AttributePath path, String what) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (Character.isSurrogate(c)) {
				if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
					i++;
				}
				else {
					throw new IllegalArgumentException("Attribute '" + path + "' has a lone surrogate in its " + what
							+ " at index " + i + ", which cannot be stored as UTF-8");
				}
			}
		}
	}

}
