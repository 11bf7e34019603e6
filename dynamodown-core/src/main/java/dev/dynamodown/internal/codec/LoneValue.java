package dev.dynamodown.internal.codec;

import java.util.Map;

import dev.dynamodown.ValueCodec;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The one rule every built-in codec follows to tell a scalar item from an object item (see
 * {@link ValueCodec}): an item whose only non-key attribute is {@value ValueCodec#VALUE_ATTRIBUTE}
 * and holds anything but {@code NULL} is the scalar in that attribute, which is how every codec
 * writes a value that is not an object. Every other item is an object: one with more attributes or
 * none, and one whose lone {@value ValueCodec#VALUE_ATTRIBUTE} is {@code NULL}, because no codec
 * ever stores a {@code null} scalar, so that {@code NULL} can only be an object's field (the npm
 * {@code dynamo-down} writes {@code {value: null}} and {@code {value: ""}} so).
 */
final class LoneValue {

	private LoneValue() {
	}

	/**
	 * The scalar an item holds.
	 * @param attributes the item's non-key attributes
	 * @return its lone {@value ValueCodec#VALUE_ATTRIBUTE} attribute, or {@code null} if the item is
	 * an object
	 */
	static @Nullable AttributeValue scalar(Map<String, AttributeValue> attributes) {
		if (attributes.size() != 1) {
			return null;
		}
		AttributeValue value = attributes.get(ValueCodec.VALUE_ATTRIBUTE);
		return (value != null && !Boolean.TRUE.equals(value.nul())) ? value : null;
	}

	/**
	 * The scalar an item holds, for a codec that reads nothing else.
	 * @param attributes the item's non-key attributes
	 * @param what what the codec reads, for the message: {@code "a string"}
	 * @return its lone {@value ValueCodec#VALUE_ATTRIBUTE} attribute
	 * @throws IllegalArgumentException if the item is an object
	 */
	static AttributeValue requireScalar(Map<String, AttributeValue> attributes, String what) {
		AttributeValue value = scalar(attributes);
		if (value == null) {
			throw new IllegalArgumentException("The item is an object with attributes " + attributes.keySet()
					+ ", not " + what + " in a lone '" + ValueCodec.VALUE_ATTRIBUTE + "' attribute"
					+ (attributes.containsKey(ValueCodec.VALUE_ATTRIBUTE) ? " (a NULL '" + ValueCodec.VALUE_ATTRIBUTE
							+ "' is an object's field: no codec stores a null scalar)" : ""));
		}
		return value;
	}

}
