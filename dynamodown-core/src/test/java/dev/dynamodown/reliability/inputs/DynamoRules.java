package dev.dynamodown.reliability.inputs;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.IntStream;

import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * DynamoDB's rules for keys and items, written down independently of the library from the
 * DynamoDB documentation, as the oracle of the generated bad-input tests: what it accepts must be
 * stored, what it refuses must be refused before any request.
 * <p>
 * Item sizes are only computed for items of strings, binaries, booleans and nulls, whose sizes are
 * exact (numbers and containers have an approximate size formula); generated items with other
 * types stay far below the limit.
 */
public final class DynamoRules {

	/** Range-key values: at most 1024 bytes of UTF-8. */
	public static final int MAX_KEY_BYTES = 1024;

	/** Items: at most 400 KB of attribute names and values in UTF-8. */
	public static final int MAX_ITEM_BYTES = 409_600;

	/** Nesting: a top-level attribute is level 1; at most 32 levels. */
	public static final int MAX_DEPTH = 32;

	private DynamoRules() {
	}

	/** Whether a string is a valid range-key value: non-empty, valid UTF-16, at most 1024 UTF-8 bytes. */
	public static boolean isStorableKey(String key) {
		int bytes = utf8Length(key);
		return bytes > 0 && bytes <= MAX_KEY_BYTES;
	}

	/**
	 * What is wrong with an item of a store, or {@code null} if DynamoDB accepts it.
	 * @param hashName the hash-key attribute name
	 * @param namespace the hash-key value
	 * @param rangeName the range-key attribute name
	 * @param key the range-key value, already valid
	 * @param attributes the value's attributes
	 */
	public static @Nullable String problem(String hashName, String namespace, String rangeName, String key,
			Map<String, AttributeValue> attributes) {
		for (Map.Entry<String, AttributeValue> attribute : attributes.entrySet()) {
			String name = attribute.getKey();
			if (name == null || attribute.getValue() == null) {
				return "null name or value";
			}
			if (name.equals(hashName) || name.equals(rangeName)) {
				return "reserved name " + name;
			}
			String problem = nameProblem(name);
			if (problem == null) {
				problem = valueProblem(attribute.getValue(), 1);
			}
			if (problem != null) {
				return name + ": " + problem;
			}
		}
		long size = utf8Length(hashName) + utf8Length(namespace) + utf8Length(rangeName) + utf8Length(key);
		for (Map.Entry<String, AttributeValue> attribute : attributes.entrySet()) {
			size += utf8Length(attribute.getKey()) + exactSize(attribute.getValue());
		}
		return (size > MAX_ITEM_BYTES) ? "item of " + size + " bytes" : null;
	}

	/** The exact size of a value of type S, B, BOOL or NULL. */
	public static long exactSize(AttributeValue value) {
		return switch (value.type()) {
			case S -> utf8Length(value.s());
			case B -> value.b().asByteArrayUnsafe().length;
			case BOOL, NUL -> 1;
			// other types only occur in generated items far below the limit
			default -> 64;
		};
	}

	/** Whether DynamoDB can store a number text: a decimal of at most 38 significant digits within 1E-130 and 9.99…E+125. */
	public static boolean isStorableNumber(String text) {
		BigDecimal number;
		try {
			number = new BigDecimal(text);
		}
		catch (NumberFormatException ex) {
			return false;
		}
		if (number.signum() == 0) {
			return true;
		}
		BigDecimal stripped = number.stripTrailingZeros();
		int exponent = stripped.precision() - stripped.scale() - 1;
		return stripped.precision() <= 38 && exponent >= -130 && exponent <= 125;
	}

	/** The UTF-8 length of a string, or -1 if it holds a lone surrogate (no UTF-8 form). */
	public static int utf8Length(String text) {
		CharsetEncoder encoder = StandardCharsets.UTF_8.newEncoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
		try {
			ByteBuffer bytes = encoder.encode(CharBuffer.wrap(text));
			return bytes.remaining();
		}
		catch (CharacterCodingException ex) {
			return -1;
		}
	}

	private static @Nullable String nameProblem(String name) {
		if (name.isEmpty()) {
			return "empty name";
		}
		return (utf8Length(name) < 0) ? "lone surrogate in a name" : null;
	}

	private static @Nullable String valueProblem(AttributeValue value, int depth) {
		if (depth > MAX_DEPTH) {
			return "nested " + depth + " levels deep";
		}
		if (value.type() == null || value.type() == AttributeValue.Type.UNKNOWN_TO_SDK_VERSION) {
			return "no type";
		}
		return switch (value.type()) {
			case S -> (utf8Length(value.s()) < 0) ? "lone surrogate in a string" : null;
			case N -> isStorableNumber(value.n()) ? null : "number " + value.n();
			case NUL -> value.nul() ? null : "NULL false";
			case SS -> setProblem(value.ss(), (element) -> (utf8Length(element) < 0) ? null : element);
			case NS -> setProblem(value.ns(),
					(element) -> isStorableNumber(element) ? new BigDecimal(element).stripTrailingZeros() : null);
			case BS -> setProblem(value.bs(), (element) -> ByteBuffer.wrap(element.asByteArrayUnsafe()));
			case L -> {
				for (AttributeValue element : value.l()) {
					String problem = valueProblem(element, depth + 1);
					if (problem != null) {
						yield problem;
					}
				}
				yield null;
			}
			case M -> {
				for (Map.Entry<String, AttributeValue> entry : value.m().entrySet()) {
					String problem = nameProblem(entry.getKey());
					if (problem == null) {
						problem = valueProblem(entry.getValue(), depth + 1);
					}
					if (problem != null) {
						yield problem;
					}
				}
				yield null;
			}
			default -> null;
		};
	}

	/** Sets: non-empty, every element valid (identity not null), no two elements alike. */
	private static <E> @Nullable String setProblem(List<E> elements, Function<E, @Nullable Object> identity) {
		if (elements.isEmpty()) {
			return "empty set";
		}
		Set<Object> seen = new HashSet<>();
		for (E element : elements) {
			Object id = identity.apply(element);
			if (id == null) {
				return "bad set element " + element;
			}
			if (!seen.add(id)) {
				return "duplicate set element " + element;
			}
		}
		return null;
	}

	/** Whether two stored values are the same data as DynamoDB sees it: numbers by value, sets unordered. */
	public static boolean sameData(Map<String, AttributeValue> a, Map<String, AttributeValue> b) {
		if (!a.keySet().equals(b.keySet())) {
			return false;
		}
		return a.keySet().stream().allMatch((name) -> sameData(a.get(name), b.get(name)));
	}

	private static boolean sameData(AttributeValue a, AttributeValue b) {
		if (a.type() != b.type()) {
			return false;
		}
		return switch (a.type()) {
			case N -> new BigDecimal(a.n()).compareTo(new BigDecimal(b.n())) == 0;
			case NS -> numbers(a.ns()).equals(numbers(b.ns()));
			case SS -> new HashSet<>(a.ss()).equals(new HashSet<>(b.ss()));
			case BS -> new HashSet<SdkBytes>(a.bs()).equals(new HashSet<SdkBytes>(b.bs()));
			case L -> a.l().size() == b.l().size() && IntStream.range(0, a.l().size())
				.allMatch((i) -> sameData(a.l().get(i), b.l().get(i)));
			case M -> sameData(a.m(), b.m());
			default -> a.equals(b);
		};
	}

	private static Set<BigDecimal> numbers(List<String> texts) {
		Set<BigDecimal> numbers = new HashSet<>();
		texts.forEach((text) -> numbers.add(new BigDecimal(text).stripTrailingZeros()));
		return numbers;
	}

}
