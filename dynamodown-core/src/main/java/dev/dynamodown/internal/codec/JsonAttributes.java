package dev.dynamodown.internal.codec;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.dynamodown.internal.item.AttributePath;
import dev.dynamodown.internal.item.ItemRules;
import dev.dynamodown.internal.item.Numbers;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.BigIntegerNode;
import tools.jackson.databind.node.BinaryNode;
import tools.jackson.databind.node.BooleanNode;
import tools.jackson.databind.node.DecimalNode;
import tools.jackson.databind.node.IntNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.LongNode;
import tools.jackson.databind.node.NullNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.POJONode;
import tools.jackson.databind.node.StringNode;

/**
 * The mapping between JSON trees and DynamoDB attributes, the one {@code dynamo-down} uses:
 * string ⇄ S, number ⇄ N (exact decimal text), boolean ⇄ BOOL, null ⇄ NULL, binary ⇄ B,
 * array ⇄ L, object ⇄ M. Sets (SS, NS, BS), which only other writers produce, read as arrays.
 */
final class JsonAttributes {

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	private JsonAttributes() {
	}

	/**
	 * Spreads an object over attributes, one per field, in field order.
	 * @param object the object
	 * @return the attributes
	 */
	static Map<String, AttributeValue> spread(ObjectNode object) {
		Map<String, AttributeValue> attributes = new LinkedHashMap<>();
		for (Map.Entry<String, JsonNode> field : object.properties()) {
			attributes.put(field.getKey(), toAttribute(field.getValue(), AttributePath.attribute(field.getKey())));
		}
		return attributes;
	}

	/**
	 * Converts one JSON value.
	 * @param node the value
	 * @param path where it goes, for messages; also counts the nesting depth
	 * @return the attribute value
	 * @throws IllegalArgumentException if DynamoDB cannot store it
	 */
	static AttributeValue toAttribute(JsonNode node, AttributePath path) {
		// Checked as we descend, so that a runaway tree fails here rather than deep in the stack.
		ItemRules.requireDepth(path);
		return switch (node.getNodeType()) {
			case STRING -> AttributeValue.fromS(node.stringValue());
			case NUMBER -> AttributeValue.fromN(Numbers.text(Numbers.requireStorable(exactNumber(node, path), path)));
			case BOOLEAN -> AttributeValue.fromBool(node.booleanValue());
			case NULL -> AttributeValue.fromNul(true);
			case BINARY -> AttributeValue.fromB(SdkBytes.fromByteArray(node.binaryValue()));
			case ARRAY -> AttributeValue.fromL(toList(node, path));
			case OBJECT -> AttributeValue.fromM(toMap(node, path));
			// Jackson keeps a byte[] it serialises into a tree as an embedded POJO.
			case POJO -> embedded(((POJONode) node).getPojo(), path);
			default -> throw unsupported(node, path);
		};
	}

	private static List<AttributeValue> toList(JsonNode array, AttributePath path) {
		List<AttributeValue> elements = new ArrayList<>(array.size());
		int index = 0;
		for (JsonNode element : array.values()) {
			elements.add(toAttribute(element, path.element(index++)));
		}
		return elements;
	}

	private static Map<String, AttributeValue> toMap(JsonNode object, AttributePath path) {
		Map<String, AttributeValue> fields = new LinkedHashMap<>();
		for (Map.Entry<String, JsonNode> field : object.properties()) {
			ItemRules.requireFieldName(field.getKey(), path);
			fields.put(field.getKey(), toAttribute(field.getValue(), path.field(field.getKey())));
		}
		return fields;
	}

	private static AttributeValue embedded(Object pojo, AttributePath path) {
		if (pojo == null) {
			return AttributeValue.fromNul(true);
		}
		if (pojo instanceof byte[] bytes) {
			return AttributeValue.fromB(SdkBytes.fromByteArray(bytes));
		}
		throw new IllegalArgumentException("Attribute '" + path + "' holds a " + pojo.getClass().getName()
				+ " that Jackson did not serialise to JSON; DynamoDB cannot store it");
	}

	/** The number's exact decimal value: floating-point values by their shortest text, never widened. */
	private static BigDecimal exactNumber(JsonNode node, AttributePath path) {
		return switch (node.numberType()) {
			case INT, LONG -> BigDecimal.valueOf(node.longValue());
			case BIG_INTEGER -> new BigDecimal(node.bigIntegerValue());
			case BIG_DECIMAL -> node.decimalValue();
			// Float.toString, not (double) f: 0.1f is "0.1", not 0.10000000149011612.
			case FLOAT -> new BigDecimal(Float.toString(requireFinite(node.floatValue(), path)));
			case DOUBLE -> new BigDecimal(Double.toString(requireFinite(node.doubleValue(), path)));
		};
	}

	private static <N extends Number> N requireFinite(N number, AttributePath path) {
		double value = number.doubleValue();
		if (Double.isNaN(value) || Double.isInfinite(value)) {
			throw new IllegalArgumentException("Attribute '" + path + "' is " + number
					+ "; DynamoDB numbers must be finite");
		}
		return number;
	}

	private static IllegalArgumentException unsupported(JsonNode node, AttributePath path) {
		return new IllegalArgumentException("Attribute '" + path + "' is a JSON " + node.getNodeType()
				+ " node, which DynamoDB cannot store");
	}

	/**
	 * Gathers attributes into one JSON object.
	 * @param attributes the attributes
	 * @return the object, fields in the map's order
	 */
	static ObjectNode gather(Map<String, AttributeValue> attributes) {
		ObjectNode object = NODES.objectNode();
		for (Map.Entry<String, AttributeValue> attribute : attributes.entrySet()) {
			object.set(attribute.getKey(), toNode(attribute.getValue(), AttributePath.attribute(attribute.getKey())));
		}
		return object;
	}

	/**
	 * Converts one attribute value.
	 * @param value the value
	 * @param path where it comes from, for messages
	 * @return the JSON value
	 * @throws IllegalArgumentException if it has no type this mapping knows
	 */
	static JsonNode toNode(AttributeValue value, AttributePath path) {
		AttributeValue.Type type = value.type();
		if (type == null) {
			throw new IllegalArgumentException("Attribute '" + path + "' has more than one type: " + value);
		}
		return switch (type) {
			case S -> StringNode.valueOf(value.s());
			case N -> numberNode(value.n(), path);
			case B -> BinaryNode.valueOf(value.b().asByteArray());
			case BOOL -> BooleanNode.valueOf(value.bool());
			case NUL -> NullNode.getInstance();
			case L -> arrayNode(value.l(), path, JsonAttributes::toNode);
			case M -> mapNode(value.m(), path);
			case SS -> arrayNode(value.ss(), path, (text, at) -> StringNode.valueOf(text));
			case NS -> arrayNode(value.ns(), path, JsonAttributes::numberNode);
			case BS -> arrayNode(value.bs(), path, (bytes, at) -> BinaryNode.valueOf(bytes.asByteArray()));
			default -> throw new IllegalArgumentException("Attribute '" + path + "' has a type this codec cannot read: " + value);
		};
	}

	private interface ElementReader<E> {

		JsonNode read(E element, AttributePath path);

	}

	private static <E> ArrayNode arrayNode(List<E> elements, AttributePath path, ElementReader<E> reader) {
		ArrayNode array = NODES.arrayNode(elements.size());
		for (int i = 0; i < elements.size(); i++) {
			array.add(reader.read(elements.get(i), path.element(i)));
		}
		return array;
	}

	private static ObjectNode mapNode(Map<String, AttributeValue> fields, AttributePath path) {
		ObjectNode object = NODES.objectNode();
		for (Map.Entry<String, AttributeValue> field : fields.entrySet()) {
			object.set(field.getKey(), toNode(field.getValue(), path.field(field.getKey())));
		}
		return object;
	}

	/**
	 * A number node that holds the stored digits exactly: integral values as int, long or
	 * BigInteger nodes (so that {@code 1e+21} reads into a {@code long} or {@code BigInteger}),
	 * others as BigDecimal nodes. Zero has no sign in decimal: {@code -0} reads as 0.
	 */
	private static JsonNode numberNode(String text, AttributePath path) {
		BigDecimal value = Numbers.parse(text, path);
		BigDecimal stripped = value.stripTrailingZeros();
		if (stripped.scale() > 0) {
			return DecimalNode.valueOf(value);
		}
		BigInteger integer = stripped.toBigIntegerExact();
		if (integer.bitLength() < Integer.SIZE) {
			return IntNode.valueOf(integer.intValue());
		}
		if (integer.bitLength() < Long.SIZE) {
			return LongNode.valueOf(integer.longValue());
		}
		return BigIntegerNode.valueOf(integer);
	}

}
