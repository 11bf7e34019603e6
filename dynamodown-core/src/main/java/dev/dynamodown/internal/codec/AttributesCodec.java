package dev.dynamodown.internal.codec;

import java.util.Map;
import java.util.Objects;

import dev.dynamodown.ValueCodec;
import dev.dynamodown.internal.item.ItemRules;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The item's non-key attributes as they are: no mapping at all. Checked against DynamoDB's rules
 * when encoded, like every codec's output.
 */
public final class AttributesCodec implements ValueCodec<Map<String, AttributeValue>> {

	public static final AttributesCodec INSTANCE = new AttributesCodec();

	private AttributesCodec() {
	}

	@Override
	public Map<String, AttributeValue> encode(Map<String, AttributeValue> value) {
		Objects.requireNonNull(value, "'value' must not be null");
		ItemRules.checkAttributes(value);
		return Map.copyOf(value);
	}

	@Override
	public Map<String, AttributeValue> decode(Map<String, AttributeValue> attributes) {
		return Map.copyOf(attributes);
	}

}
