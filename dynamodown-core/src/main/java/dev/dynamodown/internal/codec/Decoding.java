package dev.dynamodown.internal.codec;

import java.util.Map;

import dev.dynamodown.ValueCodec;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The step that turns a stored item into a value: the codec's {@link ValueCodec#decode decode},
 * which cannot know the key, with the key added to its refusal. Every read that decodes a value
 * goes through here, so that an item the codec cannot read is reported with the key that holds
 * it.
 */
public final class Decoding {

	private Decoding() {
	}

	/**
	 * Decodes the value of one key.
	 * @param codec the store's codec
	 * @param key the key whose item this is
	 * @param attributes the item's non-key attributes
	 * @param <V> the value type
	 * @return the value
	 * @throws IllegalArgumentException if the codec cannot read the item: the codec's refusal as
	 * the cause, its message after the key's; other exceptions of a codec pass unchanged
	 */
	public static <V> V decode(ValueCodec<V> codec, String key, Map<String, AttributeValue> attributes) {
		try {
			return codec.decode(attributes);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("Cannot read the value of key '" + key + "' with " + codec + ": "
					+ ex.getMessage(), ex);
		}
	}

}
