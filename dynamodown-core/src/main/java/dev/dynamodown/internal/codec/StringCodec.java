package dev.dynamodown.internal.codec;

import java.util.Map;
import java.util.Objects;

import dev.dynamodown.ValueCodec;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A {@code String} in the {@value ValueCodec#VALUE_ATTRIBUTE} attribute as {@code S}. Reads the
 * seed's {@code NULL} (how {@code dynamo-down} stored an empty string) back as {@code ""}.
 */
public final class StringCodec implements ValueCodec<String> {

	public static final StringCodec INSTANCE = new StringCodec();

	private StringCodec() {
	}

	@Override
	public Map<String, AttributeValue> encode(String value) {
		Objects.requireNonNull(value, "'value' must not be null");
		return Map.of(VALUE_ATTRIBUTE, AttributeValue.fromS(value));
	}

	@Override
	public String decode(Map<String, AttributeValue> attributes) {
		AttributeValue value = attributes.get(VALUE_ATTRIBUTE);
		if (value == null || Boolean.TRUE.equals(value.nul())) {
			return "";
		}
		if (value.s() == null) {
			throw new IllegalArgumentException("Attribute '" + VALUE_ATTRIBUTE + "' is not a string: " + value.type());
		}
		return value.s();
	}

}
