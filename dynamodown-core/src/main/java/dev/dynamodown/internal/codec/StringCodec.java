package dev.dynamodown.internal.codec;

import java.util.Map;
import java.util.Objects;

import dev.dynamodown.ValueCodec;
import dev.dynamodown.internal.item.ItemRules;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A {@code String} in the {@value ValueCodec#VALUE_ATTRIBUTE} attribute as {@code S}; writes
 * {@code ""} as an empty {@code S}, which DynamoDB accepts outside keys. Refuses a lone surrogate,
 * which cannot be sent as UTF-8. Reads only an item that is a scalar by {@link LoneValue}'s rule:
 * an object (another codec's, or {@code dynamo-down}'s {@code {value: null}}) is an
 * {@link IllegalArgumentException}, never a made-up {@code ""}.
 */
public final class StringCodec implements ValueCodec<String> {

	public static final StringCodec INSTANCE = new StringCodec();

	private StringCodec() {
	}

	@Override
	public Map<String, AttributeValue> encode(String value) {
		Objects.requireNonNull(value, "'value' must not be null");
		Map<String, AttributeValue> attributes = Map.of(VALUE_ATTRIBUTE, AttributeValue.fromS(value));
		ItemRules.checkAttributes(attributes);
		return attributes;
	}

	@Override
	public String decode(Map<String, AttributeValue> attributes) {
		AttributeValue value = LoneValue.requireScalar(attributes, "a string");
		if (value.s() == null) {
			throw new IllegalArgumentException("Attribute '" + VALUE_ATTRIBUTE + "' is not a string: " + value.type());
		}
		return value.s();
	}

	@Override
	public String toString() {
		return "ValueCodec.string()";
	}

}
