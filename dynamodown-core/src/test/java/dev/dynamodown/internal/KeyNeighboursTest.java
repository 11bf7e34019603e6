package dev.dynamodown.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link Keys#successor} and {@link Keys#predecessor}: the valid keys right next to a key, so that
 * an exclusive bound can be sent as an inclusive one. Checked against the definition: every valid
 * key above {@code k} is at least {@code successor(k)}, every valid key below it at most
 * {@code predecessor(k)}, and both are valid keys themselves.
 */
class KeyNeighboursTest {

	private static final String MAX = new String(Character.toChars(Character.MAX_CODE_POINT));

	/** Code points at the edges of UTF-8's lengths and around the surrogates. */
	private static final int[] EDGES = { 0, 1, 'a', 0x7F, 0x80, 0x7FF, 0x800, 0xD7FF, 0xE000, 0xFFFF, 0x10000,
			Character.MAX_CODE_POINT };

	@Test
	void shortKeysAreFollowedByThemselvesAndUPlus0000() {
		assertThat(Keys.successor("a")).isEqualTo("a\u0000");
		assertThat(Keys.successor(MAX)).isEqualTo(MAX + "\u0000");
	}

	@Test
	void keysOfTheMaximumLengthAreFollowedByAnIncrementedPrefix() {
		assertThat(Keys.successor("a".repeat(1024))).isEqualTo("a".repeat(1023) + "b");
		// U+007F + 1 needs two bytes: the code point before it is incremented instead
		assertThat(Keys.successor("a".repeat(1023) + "\u007f")).isEqualTo("a".repeat(1022) + "b");
		assertThat(Keys.successor("a".repeat(1021) + "\uD7FF")).as("skips the surrogates")
			.isEqualTo("a".repeat(1021) + "\uE000");
		assertThat(Keys.successor("a".repeat(1021) + "\uFFFF")).as("U+10000 needs four bytes")
			.isEqualTo("a".repeat(1020) + "b");
		assertThat(Keys.successor(MAX.repeat(256))).as("nothing follows the greatest key").isNull();
	}

	@Test
	void predecessorsArePaddedWithTheGreatestCodePoints() {
		assertThat(Keys.predecessor("b")).isEqualTo("a" + MAX.repeat(255) + "\uFFFF");
		assertThat(Keys.predecessor("a\u0000")).isEqualTo("a");
		assertThat(Keys.predecessor("\u0000")).as("nothing precedes U+0000").isNull();
		assertThat(Keys.predecessor("\uE000")).startsWith("\uD7FF" + MAX);
		assertThat(Keys.predecessor("\uD800\uDC00")).startsWith("\uFFFF" + MAX);
		assertThat(Keys.lastWithPrefix("ab")).isEqualTo("ab" + MAX.repeat(255) + "\u07FF");
		assertThat(Keys.lastWithPrefix("abc")).isEqualTo("abc" + MAX.repeat(255) + "\u007F");
		assertThat(Keys.lastWithPrefix("a".repeat(1024))).isEqualTo("a".repeat(1024));
	}

	@Test
	void neighboursMatchTheOrderOfValidKeys() {
		Random random = new Random(42);
		List<String> keys = new ArrayList<>();
		for (int i = 0; i < 300; i++) {
			keys.add(randomKey(random));
		}
		for (String key : keys) {
			List<String> candidates = near(key, random);
			String successor = Keys.successor(key);
			String predecessor = Keys.predecessor(key);
			if (successor != null) {
				assertThat(Keys.requireValid(successor, "successor")).isNotNull();
				assertThat(Keys.compareUtf8(successor, key)).isPositive();
			}
			if (predecessor != null) {
				assertThat(Keys.requireValid(predecessor, "predecessor")).isNotNull();
				assertThat(Keys.compareUtf8(predecessor, key)).isNegative();
			}
			for (String other : candidates) {
				int c = Keys.compareUtf8(other, key);
				assertThat(c > 0).as("%s > %s", describe(other), describe(key))
					.isEqualTo(successor != null && Keys.compareUtf8(other, successor) >= 0);
				assertThat(c < 0).as("%s < %s", describe(other), describe(key))
					.isEqualTo(predecessor != null && Keys.compareUtf8(other, predecessor) <= 0);
			}
		}
	}

	/** Valid keys close to {@code key} in order: its prefixes, extensions and small changes. */
	private static List<String> near(String key, Random random) {
		List<String> near = new ArrayList<>();
		int[] points = key.codePoints().toArray();
		for (int length = 1; length <= points.length; length++) {
			if (length > 2 && length < points.length - 2) {
				continue; // the middle of a long key changes nothing near its neighbours
			}
			String prefix = new String(points, 0, length);
			near.add(prefix);
			for (int edge : EDGES) {
				near.add(prefix + Character.toString(edge));
				near.add(new String(points, 0, length - 1) + Character.toString(edge));
			}
			near.add(prefix + randomKey(random));
			near.add(Keys.lastWithPrefix(prefix));
		}
		near.removeIf((candidate) -> !valid(candidate));
		return near;
	}

	private static String randomKey(Random random) {
		StringBuilder key = new StringBuilder();
		int length = random.nextInt(4) == 0 ? 300 + random.nextInt(200) : 1 + random.nextInt(4);
		for (int i = 0; i < length; i++) {
			key.appendCodePoint(EDGES[random.nextInt(EDGES.length)]);
		}
		String text = key.toString();
		while (!valid(text)) {
			text = text.substring(0, text.offsetByCodePoints(text.length(), -1));
		}
		return text;
	}

	private static boolean valid(String key) {
		try {
			Keys.requireValid(key, "key");
			return true;
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	private static String describe(String key) {
		StringBuilder text = new StringBuilder();
		key.codePoints().limit(8).forEach((c) -> text.append(String.format("U+%04X ", c)));
		return text.append("(").append(key.codePointCount(0, key.length())).append(" code points)").toString();
	}

}
