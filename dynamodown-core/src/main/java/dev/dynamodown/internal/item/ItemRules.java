package dev.dynamodown.internal.item;

import java.util.Map;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * DynamoDB's limits on an item, enforced before any request because local servers are more
 * lenient than DynamoDB.
 */
public final class ItemRules {

	private ItemRules() {
	}

	/**
	 * Checks one item about to be written.
	 * @param hashName the table's hash-key attribute name
	 * @param namespace the hash-key value
	 * @param rangeName the table's range-key attribute name
	 * @param key the range-key value (already a valid key)
	 * @param valueAttributes the encoded value's attributes
	 * @throws IllegalArgumentException naming what is wrong
	 */
	public static void checkItem(String hashName, String namespace, String rangeName, String key,
			Map<String, AttributeValue> valueAttributes) {
		for (String name : valueAttributes.keySet()) {
			if (name.equals(hashName) || name.equals(rangeName)) {
				throw new IllegalArgumentException("Value of key \"" + key + "\" has a field named '" + name
						+ "', which is the table's " + (name.equals(hashName) ? "hash" : "range")
						+ "-key attribute and cannot be overwritten");
			}
		}
	}

}
