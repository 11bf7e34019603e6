package dev.dynamodown.internal;

import java.util.Comparator;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * The rules and the order of keys: non-empty, at most {@value #MAX_KEY_BYTES} UTF-8 bytes, no
 * lone surrogate (it cannot round-trip through UTF-8), compared in UTF-8 byte order.
 */
public final class Keys {

	/** DynamoDB's limit for a range-key value. */
	public static final int MAX_KEY_BYTES = 1024;

	/**
	 * UTF-8 byte order, which equals Unicode code point order. {@link String#compareTo} compares
	 * UTF-16 units instead and sorts {@code "\uFFFF"} after {@code "😀"}; DynamoDB does not.
	 */
	public static final Comparator<String> UTF8_ORDER = Keys::compareUtf8;

	private Keys() {
	}

	/**
	 * Checks a key (or a range bound, which follows the same rules).
	 * @param key the key
	 * @param what how to name it in the message, e.g. {@code "key"}
	 * @return the key
	 * @throws NullPointerException if it is {@code null}
	 * @throws IllegalArgumentException if it is empty, too long or not valid UTF-16
	 */
	public static String requireValid(String key, String what) {
		Objects.requireNonNull(key, () -> "'" + what + "' must not be null");
		if (key.isEmpty()) {
			throw new IllegalArgumentException("'" + what + "' must not be empty");
		}
		int bytes = utf8Length(key, what);
		if (bytes > MAX_KEY_BYTES) {
			throw new IllegalArgumentException("'" + what + "' is " + bytes + " UTF-8 bytes long; DynamoDB allows at most "
					+ MAX_KEY_BYTES + " (key starts with \"" + abbreviate(key) + "\")");
		}
		return key;
	}

	/**
	 * Counts the UTF-8 bytes of a string, refusing lone surrogates.
	 * @param text the text
	 * @param what how to name it in the message
	 * @return its length in UTF-8
	 * @throws IllegalArgumentException if it has a lone surrogate
	 */
	public static int utf8Length(String text, String what) {
		int bytes = 0;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c < 0x80) {
				bytes += 1;
			}
			else if (c < 0x800) {
				bytes += 2;
			}
			else if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
				bytes += 4;
				i++;
			}
			else if (Character.isSurrogate(c)) {
				throw new IllegalArgumentException("'" + what + "' has a lone surrogate at index " + i
						+ ", which cannot be stored as UTF-8");
			}
			else {
				bytes += 3;
			}
		}
		return bytes;
	}

	/** Compares two valid strings in UTF-8 byte order (code point order). */
	public static int compareUtf8(String a, String b) {
		int length = Math.min(a.length(), b.length());
		for (int i = 0; i < length; i++) {
			char ca = a.charAt(i);
			char cb = b.charAt(i);
			if (ca != cb) {
				// Surrogates (U+D800..U+DFFF) encode code points above U+FFFF: they sort after
				// every other UTF-16 unit in code point order, though U+E000..U+FFFF are larger units.
				boolean sa = Character.isSurrogate(ca);
				boolean sb = Character.isSurrogate(cb);
				if (sa != sb) {
					return sa ? 1 : -1;
				}
				return ca - cb;
			}
		}
		return a.length() - b.length();
	}

	/**
	 * The smallest valid key greater than {@code key}, in UTF-8 order, or {@code null} if there is
	 * none: {@code key + "\u0000"} when that fits in {@value #MAX_KEY_BYTES} bytes, else the
	 * longest prefix of {@code key} whose last code point can be incremented within the limit.
	 * So {@code > key} selects exactly the keys {@code >= successor(key)}.
	 * @param key a valid key
	 * @return its successor among valid keys, or {@code null}
	 */
	public static @Nullable String successor(String key) {
		int bytes = utf8Length(key, "key");
		if (bytes < MAX_KEY_BYTES) {
			return key + '\u0000';
		}
		// No extension fits: the next key differs at the latest code point that can be incremented.
		int end = key.length();
		while (end > 0) {
			int last = key.codePointBefore(end);
			int start = end - Character.charCount(last);
			bytes -= utf8Length(last);
			if (last < Character.MAX_CODE_POINT) {
				int next = nextCodePoint(last);
				if (bytes + utf8Length(next) <= MAX_KEY_BYTES) {
					return key.substring(0, start) + Character.toString(next);
				}
			}
			end = start;
		}
		return null;
	}

	/**
	 * The greatest valid key less than {@code key}, in UTF-8 order, or {@code null} if there is
	 * none ({@code key} is {@code "\u0000"}). If {@code key} ends with U+0000 that is its longest
	 * proper prefix; otherwise its last code point is decremented and followed by the greatest code
	 * points that fit in {@value #MAX_KEY_BYTES} bytes. So {@code < key} selects exactly the keys
	 * {@code <= predecessor(key)}.
	 * @param key a valid key
	 * @return its predecessor among valid keys, or {@code null}
	 */
	public static @Nullable String predecessor(String key) {
		int last = key.codePointBefore(key.length());
		String stem = key.substring(0, key.length() - Character.charCount(last));
		if (last == 0) {
			return stem.isEmpty() ? null : stem;
		}
		return padToLimit(stem + Character.toString(previousCodePoint(last)));
	}

	/**
	 * The greatest valid key that starts with {@code prefix}: the prefix followed by the greatest
	 * code points that fit in {@value #MAX_KEY_BYTES} bytes.
	 * @param prefix a valid prefix
	 * @return the last key with that prefix
	 */
	public static String lastWithPrefix(String prefix) {
		return padToLimit(prefix);
	}

	/** Appends the greatest code points that fit: U+10FFFF while 4 bytes are left, then one shorter. */
	private static String padToLimit(String text) {
		int left = MAX_KEY_BYTES - utf8Length(text, "key");
		StringBuilder padded = new StringBuilder(text);
		for (; left >= 4; left -= 4) {
			padded.appendCodePoint(Character.MAX_CODE_POINT);
		}
		switch (left) {
			case 3 -> padded.append('\uFFFF');
			case 2 -> padded.append('\u07FF');
			case 1 -> padded.append('\u007F');
			default -> {
			}
		}
		return padded.toString();
	}

	private static int nextCodePoint(int codePoint) {
		return (codePoint + 1 == Character.MIN_SURROGATE) ? Character.MAX_SURROGATE + 1 : codePoint + 1;
	}

	private static int previousCodePoint(int codePoint) {
		return (codePoint - 1 == Character.MAX_SURROGATE) ? Character.MIN_SURROGATE - 1 : codePoint - 1;
	}

	private static int utf8Length(int codePoint) {
		return (codePoint < 0x80) ? 1 : (codePoint < 0x800) ? 2 : (codePoint < 0x10000) ? 3 : 4;
	}

	private static String abbreviate(String key) {
		int end = Math.min(key.length(), 32);
		if (end < key.length() && Character.isHighSurrogate(key.charAt(end - 1))) {
			end--;
		}
		return key.substring(0, end) + (end < key.length() ? "…" : "");
	}

}
