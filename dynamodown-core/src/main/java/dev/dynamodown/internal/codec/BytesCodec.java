package dev.dynamodown.internal.codec;

import java.util.Map;
import java.util.Objects;

import dev.dynamodown.ValueCodec;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A {@code byte[]} in the {@value ValueCodec#VALUE_ATTRIBUTE} attribute as {@code B}. Reads only an
 * item that is a scalar by {@link LoneValue}'s rule: an object is an
 * {@link IllegalArgumentException}.
 */
public final class BytesCodec implements ValueCodec<byte[]> {

	public static final BytesCodec INSTANCE = new BytesCodec();

	private BytesCodec() {
	}

	@Override
	public Map<String, AttributeValue> encode(byte[] value) {
		Objects.requireNonNull(value, "'value' must not be null");
		return Map.of(VALUE_ATTRIBUTE, AttributeValue.fromB(SdkBytes.fromByteArray(value)));
	}

	@Override
	public byte[] decode(Map<String, AttributeValue> attributes) {
		AttributeValue value = LoneValue.requireScalar(attributes, "binary data");
		if (value.b() == null) {
			throw new IllegalArgumentException("Attribute '" + VALUE_ATTRIBUTE + "' is not binary: " + value.type());
		}
		return value.b().asByteArray();
	}

	@Override
	public String toString() {
		return "ValueCodec.bytes()";
	}

}
