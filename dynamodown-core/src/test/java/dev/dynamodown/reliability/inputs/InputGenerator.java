package dev.dynamodown.reliability.inputs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Generates keys and values around DynamoDB's limits from a seed: keys of 1024 ± a few UTF-8
 * bytes built of 1- to 4-byte characters (so that an emoji straddles the boundary), NUL, '/',
 * '#', lone surrogates, empty keys; values with reserved and empty attribute names, nesting 31 to
 * 33 levels deep, items of 409,600 ± 1 bytes, numbers at and beyond DynamoDB's range and
 * precision, NaN and infinities, empty and duplicated sets, typeless values. Roughly half of what
 * it makes is valid, so that both outcomes are exercised.
 */
public final class InputGenerator {

	private static final String[] VALID_CHARACTERS = { "a", "Z", "0", "/", "#", "\u0000", " ", "\u007F", "\u0080", "é",
			"\u07FF", "\u0800", "€", "\uD7FF", "\uE000", "\uFFFF", "😀", "𝄞" };

	private static final String[] LONE_SURROGATES = { "\uD83D", "\uDE00", "\uDBFF", "\uDC00" };

	private static final String[] NUMBERS = { "0", "-0", "1", "-1.50", "0.000", "1e5", "1E+125",
			"9.9999999999999999999999999999999999999E+125", "-9.9999999999999999999999999999999999999E+125", "1E+126",
			"1E-130", "1E-131", "12345678901234567890123456789012345678", "123456789012345678901234567890123456789",
			"1" + "0".repeat(60), "0.1234567890123456789012345678901234567", "NaN", "Infinity", "-Infinity", "abc", "",
			"1.2.3" };

	private final Random random;

	public InputGenerator(long seed) {
		this.random = new Random(seed);
	}

	/** A key: about half of them storable. */
	public String key() {
		return switch (this.random.nextInt(10)) {
			case 0 -> "";
			case 1, 2, 3 -> filled(1018 + this.random.nextInt(10));
			case 4, 5 -> filled(1 + this.random.nextInt(40));
			case 6 -> pick(new String[] { "€", "😀", "é", "\uFFFF" }).repeat(200 + this.random.nextInt(200));
			case 7 -> withLoneSurrogate(filled(1 + this.random.nextInt(30)));
			case 8 -> filled(1020 + this.random.nextInt(4)) + "😀";
			default -> pick(new String[] { "\u0000", "/", "#", "a/b#c", "//", "##", " ", "😀", "\uFFFF\uFFFF" });
		};
	}

	/**
	 * A value's attributes for the item of {@code key} in {@code namespace} (of a table with hash
	 * key {@code ns} and range key {@code k}).
	 */
	public Map<String, AttributeValue> value(String namespace, String key) {
		if (this.random.nextInt(8) == 0) {
			return sizedItem(namespace, key, DynamoRules.MAX_ITEM_BYTES - 1 + this.random.nextInt(3));
		}
		Map<String, AttributeValue> attributes = new LinkedHashMap<>();
		int count = this.random.nextInt(4);
		for (int i = 0; i < count; i++) {
			attributes.put(name(true), attribute(1));
		}
		return attributes;
	}

	/**
	 * An item of exactly {@code size} bytes as DynamoDB counts them: its key attributes plus one
	 * string attribute, filled with 1-, 3- or 4-byte characters so that a multi-byte one ends at
	 * the limit.
	 */
	public Map<String, AttributeValue> sizedItem(String namespace, String key, int size) {
		String name = "big";
		long fixed = DynamoRules.utf8Length("ns") + DynamoRules.utf8Length(namespace) + DynamoRules.utf8Length("k")
				+ DynamoRules.utf8Length(key) + DynamoRules.utf8Length(name);
		int bytes = (int) (size - fixed);
		String filler = pick(new String[] { "a", "€", "😀" });
		int fillerBytes = DynamoRules.utf8Length(filler);
		String text = filler.repeat(bytes / fillerBytes) + "a".repeat(bytes % fillerBytes);
		return Map.of(name, AttributeValue.fromS(text));
	}

	private AttributeValue attribute(int depth) {
		int dice = this.random.nextInt(depth == 1 ? 16 : 12);
		return switch (dice) {
			case 0, 1 -> AttributeValue.fromS(pick(new String[] { "", "text", "\u0000", "😀", "x".repeat(100),
					"a" + pick(LONE_SURROGATES) + "b" }));
			case 2, 3 -> AttributeValue.fromN(pick(NUMBERS));
			case 4 -> AttributeValue.fromB(SdkBytes.fromByteArray(bytes(this.random.nextInt(17))));
			case 5 -> AttributeValue.fromBool(this.random.nextBoolean());
			case 6 -> AttributeValue.fromNul(this.random.nextInt(4) != 0);
			case 7 -> AttributeValue.fromSs(pick(List.of(List.of("a", "b"), List.of(), List.of("a", "a"), List.of("😀"),
					List.of("x" + pick(LONE_SURROGATES)))));
			case 8 -> AttributeValue.fromNs(pick(List.of(List.of("1", "2"), List.of("1", "1.0"), List.of(), List.of("NaN"),
					List.of("1E+126"), List.of("-0", "3.14"))));
			case 9 -> AttributeValue.fromBs(pick(List.of(List.of(SdkBytes.fromUtf8String("x"), SdkBytes.fromUtf8String("y")),
					List.of(SdkBytes.fromUtf8String("x"), SdkBytes.fromUtf8String("x")), List.<SdkBytes>of())));
			case 10 -> {
				List<AttributeValue> elements = new ArrayList<>();
				int count = (depth < 4) ? this.random.nextInt(4) : 0;
				for (int i = 0; i < count; i++) {
					elements.add(attribute(depth + 1));
				}
				yield AttributeValue.fromL(elements);
			}
			case 11 -> {
				Map<String, AttributeValue> fields = new LinkedHashMap<>();
				int count = (depth < 4) ? this.random.nextInt(4) : 0;
				for (int i = 0; i < count; i++) {
					fields.put(name(false), attribute(depth + 1));
				}
				yield AttributeValue.fromM(fields);
			}
			case 12, 13 -> nested(30 + this.random.nextInt(4), AttributeValue.fromS("deep"));
			case 14 -> AttributeValue.builder().build();
			default -> nested(31, AttributeValue.fromM(Map.of()));
		};
	}

	/** {@code levels} maps and lists nested around a value: the value sits at depth {@code levels + 1}. */
	private AttributeValue nested(int levels, AttributeValue value) {
		AttributeValue nested = value;
		for (int i = 0; i < levels; i++) {
			nested = this.random.nextBoolean() ? AttributeValue.fromM(Map.of("n", nested)) : AttributeValue.fromL(List.of(nested));
		}
		return nested;
	}

	private String name(boolean topLevel) {
		int dice = this.random.nextInt(20);
		if (dice == 0) {
			return "";
		}
		if (dice == 1) {
			return "x" + pick(LONE_SURROGATES);
		}
		if (dice == 2 && topLevel) {
			return pick(new String[] { "ns", "k" });
		}
		return pick(new String[] { "a", "b", "value", "data", "名前", "x y", "#", ".", "ns.k", "😀", "k" + dice });
	}

	private String filled(int utf8Bytes) {
		StringBuilder text = new StringBuilder();
		int bytes = 0;
		while (bytes < utf8Bytes) {
			String character = pick(VALID_CHARACTERS);
			text.append(character);
			bytes += DynamoRules.utf8Length(character);
		}
		return text.toString();
	}

	private String withLoneSurrogate(String text) {
		int at = this.random.nextInt(text.length() + 1);
		while (at > 0 && at < text.length() && Character.isLowSurrogate(text.charAt(at))) {
			at--;
		}
		return text.substring(0, at) + pick(LONE_SURROGATES) + text.substring(at);
	}

	private byte[] bytes(int length) {
		byte[] bytes = new byte[length];
		this.random.nextBytes(bytes);
		return bytes;
	}

	private <T> T pick(T[] choices) {
		return choices[this.random.nextInt(choices.length)];
	}

	private <T> T pick(List<T> choices) {
		return choices.get(this.random.nextInt(choices.size()));
	}

}
