package dev.dynamodown.benchmarks.proxy;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * Item sizes and capacity units as DynamoDB counts them, computed from items in DynamoDB's JSON wire format
 * ({@code {"name": {"S": "text"}, …}}).
 * <ul>
 * <li>An item's size is the UTF-8 bytes of every attribute name plus the size of every value: S its UTF-8
 * bytes; B its raw bytes (the wire carries base64); N one byte per two significant digits plus one; BOOL and
 * NULL one byte; L and M three bytes plus, per element, one byte and its size (a map key counted like an
 * attribute name); SS, NS and BS the sum of their elements.</li>
 * <li>A write costs one unit per started kilobyte of the item, at least one; a read one unit per started
 * 4 KB, at least one, and half of that when eventually consistent.</li>
 * </ul>
 * Units are counted in millionths ({@link #UNIT}), so that half units and fractional refills stay exact.
 */
final class ItemSizes {

	/** One capacity unit, in the millionths the model counts. */
	static final long UNIT = 1_000_000;

	private static final int WRITE_UNIT_BYTES = 1024;

	private static final int READ_UNIT_BYTES = 4096;

	private static final int CONTAINER_OVERHEAD = 3;

	private static final int ELEMENT_OVERHEAD = 1;

	private ItemSizes() {
	}

	/** The size of an item (an object of attributes) in bytes. */
	static long size(JsonNode item) {
		long size = 0;
		for (Map.Entry<String, JsonNode> attribute : item.properties()) {
			size += utf8(attribute.getKey()) + value(attribute.getValue());
		}
		return size;
	}

	/** The write units of an item of {@code bytes}, in millionths. */
	static long writeUnits(long bytes) {
		return UNIT * Math.max(1, ceilDiv(bytes, WRITE_UNIT_BYTES));
	}

	/** The read units of {@code bytes} read in one request, in millionths. */
	static long readUnits(long bytes, boolean consistent) {
		long units = UNIT * Math.max(1, ceilDiv(bytes, READ_UNIT_BYTES));
		return consistent ? units : units / 2;
	}

	/** The least a read costs: one unit, half when eventually consistent, in millionths. */
	static long minimumReadUnits(boolean consistent) {
		return readUnits(0, consistent);
	}

	private static long value(JsonNode typed) {
		Map.Entry<String, JsonNode> only = typed.properties().iterator().next();
		JsonNode value = only.getValue();
		return switch (only.getKey()) {
			case "S" -> utf8(value.asString());
			case "N" -> number(value.asString());
			case "B" -> binary(value.asString());
			case "BOOL", "NULL" -> 1;
			case "SS" -> sum(value, "S");
			case "NS" -> sum(value, "N");
			case "BS" -> sum(value, "B");
			case "L" -> {
				long size = CONTAINER_OVERHEAD;
				for (JsonNode element : value) {
					size += ELEMENT_OVERHEAD + value(element);
				}
				yield size;
			}
			case "M" -> CONTAINER_OVERHEAD + size(value) + (long) ELEMENT_OVERHEAD * value.size();
			default -> throw new IllegalArgumentException("Unknown attribute type '" + only.getKey() + "'");
		};
	}

	private static long sum(JsonNode elements, String type) {
		long size = 0;
		for (JsonNode element : elements) {
			String text = element.asString();
			size += switch (type) {
				case "S" -> utf8(text);
				case "N" -> number(text);
				default -> binary(text);
			};
		}
		return size;
	}

	/** One byte per two significant digits (leading and trailing zeros dropped), plus one; zero is one byte. */
	private static long number(String text) {
		String mantissa = text.replaceFirst("[eE].*$", "").replace("-", "").replace("+", "").replace(".", "");
		String significant = mantissa.replaceFirst("^0+", "").replaceFirst("0+$", "");
		return significant.isEmpty() ? 1 : 1 + ceilDiv(significant.length(), 2);
	}

	/** The decoded length of base64 text. */
	private static long binary(String base64) {
		int padding = base64.endsWith("==") ? 2 : base64.endsWith("=") ? 1 : 0;
		return base64.length() / 4 * 3 - padding;
	}

	static long utf8(String text) {
		return text.getBytes(StandardCharsets.UTF_8).length;
	}

	private static long ceilDiv(long value, long divisor) {
		return (value + divisor - 1) / divisor;
	}

}
