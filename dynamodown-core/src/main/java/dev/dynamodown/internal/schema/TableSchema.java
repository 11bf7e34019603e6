package dev.dynamodown.internal.schema;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.dynamodown.TableSchemaException;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/**
 * The layout of a table that can host stores: a string hash key (the namespace) and a string
 * range key (the store's key), whatever their attribute names, and the attribute that holds an
 * entry's expiry time. Knows how an item is laid out: key attributes, the expiry attribute (if
 * the entry expires) and the value's attributes.
 *
 * @param table the table name
 * @param hashName the hash-key attribute name
 * @param rangeName the range-key attribute name
 * @param expiryName the expiry attribute name, neither key attribute's
 */
public record TableSchema(String table, String hashName, String rangeName, String expiryName) {

	/** The expiry attribute of {@code DynamoDownOptions.defaults()}. */
	public static final String DEFAULT_EXPIRY_NAME = "expires";

	/** A layout with the default expiry attribute. */
	public TableSchema(String table, String hashName, String rangeName) {
		this(table, hashName, rangeName, DEFAULT_EXPIRY_NAME);
	}

	/**
	 * Reads the key layout from a table's description.
	 * @param description what {@code DescribeTable} returned
	 * @param expiryName the attribute the stores keep expiry times in
	 * @return the schema
	 * @throws TableSchemaException if the table has no range key, a key is not of type S, or a key
	 * attribute has the expiry attribute's name
	 */
	public static TableSchema of(TableDescription description, String expiryName) {
		String table = description.tableName();
		List<KeySchemaElement> keys = description.keySchema();
		String hash = attributeOf(keys, KeyType.HASH)
			.orElseThrow(() -> new TableSchemaException(table, "Table '" + table + "' has no hash key"));
		String range = attributeOf(keys, KeyType.RANGE)
			.orElseThrow(() -> new TableSchemaException(table, "Table '" + table + "' has no range key: "
					+ "a store needs a table with a hash key (the namespace) and a range key (the key), both of type S"));
		requireString(description, hash, "hash");
		requireString(description, range, "range");
		if (expiryName.equals(hash) || expiryName.equals(range)) {
			throw new TableSchemaException(table, "Table '" + table + "' has " + (expiryName.equals(hash) ? "hash" : "range")
					+ " key '" + expiryName + "', the name of the expiry attribute; choose another expiry attribute "
					+ "(DynamoDownOptions.expiryAttribute)");
		}
		return new TableSchema(table, hash, range, expiryName);
	}

	/** The key attributes of one item. */
	public Map<String, AttributeValue> key(String hashValue, String rangeValue) {
		return Map.of(this.hashName, AttributeValue.fromS(hashValue), this.rangeName, AttributeValue.fromS(rangeValue));
	}

	/** A whole item, as a new mutable map: its key attributes plus the value's attributes. */
	public Map<String, AttributeValue> item(String hashValue, String rangeValue, Map<String, AttributeValue> value) {
		Map<String, AttributeValue> item = new HashMap<>(value.size() + 2);
		item.putAll(value);
		item.put(this.hashName, AttributeValue.fromS(hashValue));
		item.put(this.rangeName, AttributeValue.fromS(rangeValue));
		return item;
	}

	/** The range-key value (the store's key) of an item read from the table. */
	public String rangeValue(Map<String, AttributeValue> item) {
		AttributeValue value = item.get(this.rangeName);
		if (value == null || value.s() == null) {
			throw new IllegalStateException("Item of table '" + this.table + "' has no string '" + this.rangeName + "'");
		}
		return value.s();
	}

	/** The attributes of an item that are neither key attributes nor its expiry time (what a codec decodes). */
	public Map<String, AttributeValue> valueAttributes(Map<String, AttributeValue> item) {
		Map<String, AttributeValue> value = new HashMap<>(item);
		value.remove(this.hashName);
		value.remove(this.rangeName);
		value.remove(this.expiryName);
		return value;
	}

	private static Optional<String> attributeOf(List<KeySchemaElement> keys, KeyType type) {
		return keys.stream().filter((key) -> key.keyType() == type).map(KeySchemaElement::attributeName).findFirst();
	}

	private static void requireString(TableDescription description, String attribute, String role) {
		ScalarAttributeType type = description.attributeDefinitions()
			.stream()
			.filter((definition) -> definition.attributeName().equals(attribute))
			.map(AttributeDefinition::attributeType)
			.findFirst()
			.orElse(null);
		if (type != ScalarAttributeType.S) {
			String table = description.tableName();
			throw new TableSchemaException(table, "Table '" + table + "' has " + role + " key '" + attribute
					+ "' of type " + (type == null ? "unknown" : type.toString()) + "; a store needs type S (string)");
		}
	}

}
