package dev.dynamodown.cache;

import java.lang.reflect.Field;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.StringJoiner;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.cache.interceptor.SimpleKey;
import org.springframework.util.ObjectUtils;
import org.springframework.util.ReflectionUtils;

/**
 * How a Spring cache key becomes a store key: a type tag, a colon, the key's text. Distinct keys
 * (by {@code equals}) never share a store key, except numbers, which compare by value as they
 * do in SpEL and in Redis keys ({@code 1}, {@code 1L} and {@code 1.0} are one key):
 * <ul>
 * <li>{@code String} {@code s}: {@code s:} + {@code s};</li>
 * <li>{@code Byte}, {@code Short}, {@code Integer}, {@code Long}, {@code BigInteger},
 * {@code BigDecimal}, {@code Float}, {@code Double}: {@code n:} + the exact decimal value, plain,
 * without trailing zeros ({@code n:42}, {@code n:0.1}, {@code n:NaN});</li>
 * <li>{@code Boolean}: {@code b:true} / {@code b:false}; {@code Character}: {@code c:} + it;
 * {@code UUID}: {@code u:} + it; an enum constant: {@code e:} + its class + {@code .} + its name;</li>
 * <li>{@link SimpleKey} (the key of a method with several parameters, or none):
 * {@code k:[} + each parameter mapped by these rules ({@code null} as {@code null}), with
 * {@code \}, {@code ,} and {@code ]} escaped by {@code \}, joined by {@code ,} + {@code ]}; an
 * array (which {@code SimpleKey} compares by content) likewise with {@code a:[}, a {@code List}
 * with {@code l:[};</li>
 * <li>any other key: {@code o:} + its class name + {@code :} + its {@code toString()}, which must
 * be its own (a record's, say) and tell distinct keys apart; a key without one is refused.</li>
 * </ul>
 * A store key is at most 1024 UTF-8 bytes and has no lone surrogate: a mapped key that breaks
 * either rule is replaced by {@code h:} + the hexadecimal SHA-256 of its UTF-16 code units.
 */
final class CacheKeys {

	private static final int MAX_KEY_BYTES = 1024;

	private static final Field SIMPLE_KEY_PARAMS = simpleKeyParams();

	private CacheKeys() {
	}

	/**
	 * The store key of a cache key.
	 * @param key the cache key, not {@code null}
	 * @return the store key
	 * @throws IllegalArgumentException if the key's type has no mapping and no {@code toString()}
	 * of its own
	 */
	static String storeKey(Object key) {
		String mapped = map(key);
		return storable(mapped) ? mapped : "h:" + sha256(mapped);
	}

	private static String map(Object key) {
		if (key instanceof String text) {
			return "s:" + text;
		}
		if (key instanceof Byte || key instanceof Short || key instanceof Integer || key instanceof Long
				|| key instanceof BigInteger || key instanceof BigDecimal) {
			return "n:" + plain(new BigDecimal(key.toString()));
		}
		if (key instanceof Double || key instanceof Float) {
			double number = ((Number) key).doubleValue();
			return "n:" + (Double.isFinite(number) ? plain(new BigDecimal(key.toString())) : key.toString());
		}
		if (key instanceof Boolean || key instanceof Character || key instanceof UUID) {
			return ((key instanceof Boolean) ? "b:" : (key instanceof Character) ? "c:" : "u:") + key;
		}
		if (key instanceof Enum<?> constant) {
			return "e:" + constant.getDeclaringClass().getName() + "." + constant.name();
		}
		if (key instanceof SimpleKey simpleKey) {
			return sequence("k:[", Arrays.asList((Object[]) ReflectionUtils.getField(SIMPLE_KEY_PARAMS, simpleKey)));
		}
		if (key.getClass().isArray()) {
			return sequence("a:[", Arrays.asList(ObjectUtils.toObjectArray(key)));
		}
		if (key instanceof List<?> list) {
			return sequence("l:[", list);
		}
		if (ReflectionUtils.findMethod(key.getClass(), "toString").getDeclaringClass() == Object.class) {
			throw new IllegalArgumentException("Cannot use a cache key of type " + key.getClass().getName()
					+ ": it has no toString() of its own to tell keys apart (give it one, or use a key expression)");
		}
		return "o:" + key.getClass().getName() + ":" + key;
	}

	private static String sequence(String opening, List<?> elements) {
		StringJoiner mapped = new StringJoiner(",", opening, "]");
		for (@Nullable Object element : elements) {
			mapped.add((element != null) ? escape(map(element)) : "null");
		}
		return mapped.toString();
	}

	private static String plain(BigDecimal number) {
		return (number.signum() == 0) ? "0" : number.stripTrailingZeros().toPlainString();
	}

	private static String escape(String mapped) {
		StringBuilder escaped = new StringBuilder(mapped.length() + 4);
		for (int i = 0; i < mapped.length(); i++) {
			char c = mapped.charAt(i);
			if (c == '\\' || c == ',' || c == ']') {
				escaped.append('\\');
			}
			escaped.append(c);
		}
		return escaped.toString();
	}

	/** Within DynamoDB's range-key limit, and valid UTF-16 (a lone surrogate cannot be sent). */
	private static boolean storable(String key) {
		for (int i = 0; i < key.length(); i++) {
			char c = key.charAt(i);
			if (Character.isHighSurrogate(c) && i + 1 < key.length() && Character.isLowSurrogate(key.charAt(i + 1))) {
				i++;
			}
			else if (Character.isSurrogate(c)) {
				return false;
			}
		}
		return key.getBytes(StandardCharsets.UTF_8).length <= MAX_KEY_BYTES;
	}

	/** Of the UTF-16 code units, so that text with lone surrogates hashes without loss too. */
	private static String sha256(String key) {
		byte[] units = new byte[key.length() * 2];
		for (int i = 0; i < key.length(); i++) {
			units[2 * i] = (byte) (key.charAt(i) >> 8);
			units[2 * i + 1] = (byte) key.charAt(i);
		}
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(units));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java runtime has SHA-256", ex);
		}
	}

	/**
	 * {@code SimpleKey} keeps its parameters private and has no accessor; they are read by
	 * reflection (registered for native images by the starter's hints).
	 */
	private static Field simpleKeyParams() {
		Field params = ReflectionUtils.findField(SimpleKey.class, "params", Object[].class);
		if (params == null) {
			throw new IllegalStateException("SimpleKey has no 'params' field in this version of Spring Framework: "
					+ "dynamodown cannot map its cache keys");
		}
		ReflectionUtils.makeAccessible(params);
		return params;
	}

}
