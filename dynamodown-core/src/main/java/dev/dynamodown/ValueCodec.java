package dev.dynamodown;

import java.util.Map;

import dev.dynamodown.internal.codec.AttributesCodec;
import dev.dynamodown.internal.codec.BytesCodec;
import dev.dynamodown.internal.codec.StringCodec;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Maps a value to and from the non-key attributes of its item. Implementations must be
 * thread-safe and must not put the table's hash or range attribute names in the map
 * (the store refuses such a value with {@link IllegalArgumentException}).
 * <p>
 * The built-in codecs use the layout of the npm {@code dynamo-down}: an object-shaped value
 * is spread over the item, one attribute per top-level field; any other value lives in one
 * attribute named {@value #VALUE_ATTRIBUTE}.
 *
 * @param <V> the value type
 */
public interface ValueCodec<V> {

	/** The attribute that holds a value that is not object-shaped. */
	String VALUE_ATTRIBUTE = "value";

	/**
	 * Encodes a value as attributes.
	 * @param value the value, never {@code null}
	 * @return the item's non-key attributes
	 * @throws IllegalArgumentException if the value cannot be stored
	 */
	Map<String, AttributeValue> encode(V value);

	/**
	 * Decodes a value from the item's non-key attributes.
	 * @param attributes the attributes, key attributes removed
	 * @return the value
	 */
	V decode(Map<String, AttributeValue> attributes);

	/**
	 * A {@code String} stored as {@code S} in the {@value #VALUE_ATTRIBUTE} attribute.
	 * @return the codec
	 */
	static ValueCodec<String> string() {
		return StringCodec.INSTANCE;
	}

	/**
	 * A {@code byte[]} stored as {@code B} in the {@value #VALUE_ATTRIBUTE} attribute.
	 * @return the codec
	 */
	static ValueCodec<byte[]> bytes() {
		return BytesCodec.INSTANCE;
	}

	/**
	 * The raw non-key attributes, unmapped.
	 * @return the codec
	 */
	static ValueCodec<Map<String, AttributeValue>> attributes() {
		return AttributesCodec.INSTANCE;
	}

}
