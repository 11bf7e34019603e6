package dev.dynamodown;

import java.util.Map;

import dev.dynamodown.internal.codec.AttributesCodec;
import dev.dynamodown.internal.codec.BytesCodec;
import dev.dynamodown.internal.codec.JsonCodec;
import dev.dynamodown.internal.codec.StringCodec;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import tools.jackson.databind.ObjectMapper;

/**
 * Maps a value to and from the non-key attributes of its item. Implementations must be
 * thread-safe and must not put the table's hash or range attribute names in the map
 * (the store refuses such a value with {@link IllegalArgumentException}).
 * <p>
 * The built-in codecs use the layout of the npm {@code dynamo-down}: an object-shaped value
 * is spread over the item, one attribute per top-level field; any other value lives in one
 * attribute named {@value #VALUE_ATTRIBUTE}.
 * <p>
 * <b>Scalar or object: one rule for every built-in codec.</b> Both layouts meet in an item whose
 * only non-key attribute is {@value #VALUE_ATTRIBUTE}: it is how the scalar {@code 5} is stored,
 * and also the object {@code {"value": 5}}. The rule:
 * <ul>
 * <li>an item whose only attribute is {@value #VALUE_ATTRIBUTE}, holding anything but
 * {@code NULL}, is the scalar in that attribute. Codecs of a type that is not object-shaped read
 * that scalar: {@link #string()}, {@link #bytes()}, {@code json} of a {@code String}, number,
 * array..., and also of {@code Object} and {@code JsonNode}. Codecs of an object-shaped type (a
 * record or bean, a {@code Map}, an {@code ObjectNode}) cannot hold a scalar and read the object
 * {@code {"value": x}};</li>
 * <li>every other item is an object, including one whose lone {@value #VALUE_ATTRIBUTE} is
 * {@code NULL}: no codec stores a {@code null} scalar ({@link #encode} refuses {@code null}), so
 * that {@code NULL} can only be an object's field, such as {@code dynamo-down}'s
 * {@code {value: null}} and {@code {value: ""}} (it stores {@code ""} as {@code NULL}).
 * {@code json(Object.class)} reads it as a {@code Map}, {@code json(JsonNode.class)} as an
 * {@code ObjectNode}; {@link #string()} and {@link #bytes()} refuse an object with an
 * {@link IllegalArgumentException}, which the store reports naming the key, never with a made-up
 * {@code ""}.</li>
 * </ul>
 * {@link #attributes()} shows the item as it is and needs no rule.
 * <p>
 * A {@link #decode} that cannot read an item throws {@link IllegalArgumentException}; the store
 * adds the key to its message (its cause is the codec's exception).
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
	 * A {@code String} stored as {@code S} in the {@value #VALUE_ATTRIBUTE} attribute. Reads only
	 * scalar items (see above): an object, written by another codec or by {@code dynamo-down}, is an
	 * {@link IllegalArgumentException} naming the key.
	 * @return the codec
	 */
	static ValueCodec<String> string() {
		return StringCodec.INSTANCE;
	}

	/**
	 * A {@code byte[]} stored as {@code B} in the {@value #VALUE_ATTRIBUTE} attribute. Reads only
	 * scalar items (see above), like {@link #string()}.
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

	/**
	 * A value mapped by Jackson 3 with a shared mapper of Jackson's defaults, built the first time
	 * this method is called.
	 * @param type the value type
	 * @param <T> the value type
	 * @return the codec
	 * @see #json(Class, ObjectMapper)
	 */
	static <T> ValueCodec<T> json(Class<T> type) {
		return JsonCodec.withDefaultMapper(type);
	}

	/**
	 * A value mapped by Jackson 3 with the given mapper (its naming strategy, modules and features
	 * apply), stored like the npm {@code dynamo-down} stores JSON:
	 * <ul>
	 * <li>a value the mapper writes as a JSON object (a POJO, record, {@code Map}) is spread over the
	 * item, one attribute per top-level field: string → {@code S} (an empty string too), number →
	 * {@code N} with its exact decimal text, boolean → {@code BOOL}, null → {@code NULL}, array →
	 * {@code L}, object → {@code M}, {@code byte[]} → {@code B};</li>
	 * <li>any other value (a {@code String}, number, boolean, array, {@code byte[]}) is stored in the
	 * {@value #VALUE_ATTRIBUTE} attribute.</li>
	 * </ul>
	 * Numbers keep every digit: they are read as {@code BigDecimal} or integers, never through
	 * {@code double} ({@code 1e+21} and {@code 0.1} written by {@code dynamo-down} read exactly).
	 * Attributes of other writers read as JSON too: {@code NULL} as {@code null} (how
	 * {@code dynamo-down} stored {@code ""}), string, number and binary sets as arrays.
	 * <p>
	 * Jackson 3 ({@code tools.jackson.core:jackson-databind}) is a dependency of this library, so
	 * this codec works with nothing but {@code dynamodown-core} on the class path.
	 * <p>
	 * {@link #encode} refuses, with an {@link IllegalArgumentException} naming the field path (such
	 * as {@code address.lines[3]}), what DynamoDB cannot store: a number that is not finite, has
	 * more than 38 significant digits or is out of DynamoDB's range, an empty field name, nesting
	 * deeper than 32 levels, a value Jackson cannot write. {@link #decode} throws
	 * {@link IllegalArgumentException} for an item that does not convert to the type.
	 * @param type the value type
	 * @param mapper the mapper, e.g. the application's
	 * @param <T> the value type
	 * @return the codec, thread-safe
	 */
	static <T> ValueCodec<T> json(Class<T> type, ObjectMapper mapper) {
		return new JsonCodec<>(type, mapper);
	}

}
