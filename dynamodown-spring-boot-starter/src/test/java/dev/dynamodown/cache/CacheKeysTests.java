package dev.dynamodown.cache;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Month;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import org.springframework.cache.interceptor.SimpleKey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** How Spring's cache keys become store keys: readable, typed, collision-free. */
class CacheKeysTests {

	@Test
	void stringsAndNumbersAreTaggedSoThatTheyNeverMeet() {
		assertThat(CacheKeys.storeKey("978-3")).isEqualTo("s:978-3");
		assertThat(CacheKeys.storeKey(42)).isEqualTo("n:42");
		assertThat(CacheKeys.storeKey("42")).isEqualTo("s:42");
		assertThat(CacheKeys.storeKey("n:42")).isEqualTo("s:n:42");
		assertThat(CacheKeys.storeKey("")).isEqualTo("s:");
	}

	@Test
	void numbersCompareByValueAsInSpelAndRedis() {
		assertThat(Stream.of((byte) 1, (short) 1, 1, 1L, BigInteger.ONE, new BigDecimal("1.00"), 1.0f, 1.0d)
			.map(CacheKeys::storeKey)
			.collect(Collectors.toSet())).containsExactly("n:1");
		assertThat(CacheKeys.storeKey(0.1)).isEqualTo("n:0.1");
		assertThat(CacheKeys.storeKey(-0.0)).isEqualTo("n:0");
		assertThat(CacheKeys.storeKey(1e21)).isEqualTo("n:1000000000000000000000");
		assertThat(CacheKeys.storeKey(Double.NaN)).isEqualTo("n:NaN");
		assertThat(CacheKeys.storeKey(Float.NEGATIVE_INFINITY)).isEqualTo("n:-Infinity");
	}

	@Test
	void otherWellKnownTypes() {
		UUID id = UUID.fromString("123e4567-e89b-12d3-a456-426614174000");
		assertThat(CacheKeys.storeKey(true)).isEqualTo("b:true");
		assertThat(CacheKeys.storeKey('x')).isEqualTo("c:x");
		assertThat(CacheKeys.storeKey(id)).isEqualTo("u:123e4567-e89b-12d3-a456-426614174000");
		assertThat(CacheKeys.storeKey(Month.MAY)).isEqualTo("e:java.time.Month.MAY");
	}

	record BookKey(String isbn, int edition) {
	}

	@Test
	void otherKeysAreTheirClassAndTheirOwnToString() {
		assertThat(CacheKeys.storeKey(new BookKey("978-3", 2))).isEqualTo("o:" + BookKey.class.getName()
				+ ":BookKey[isbn=978-3, edition=2]");
		assertThatIllegalArgumentException().isThrownBy(() -> CacheKeys.storeKey(new Object()))
			.withMessageContaining("Cannot use a cache key of type java.lang.Object")
			.withMessageContaining("toString()");
	}

	@Test
	void simpleKeysArraysAndListsListTheirElementsEscaped() {
		assertThat(CacheKeys.storeKey(SimpleKey.EMPTY)).isEqualTo("k:[]");
		assertThat(CacheKeys.storeKey(new SimpleKey("a", 1))).isEqualTo("k:[s:a,n:1]");
		assertThat(CacheKeys.storeKey(new SimpleKey("a", null))).isEqualTo("k:[s:a,null]");
		assertThat(CacheKeys.storeKey(new SimpleKey("null"))).isEqualTo("k:[s:null]");
		assertThat(CacheKeys.storeKey(new SimpleKey("a,b"))).isEqualTo("k:[s:a\\,b]");
		assertThat(CacheKeys.storeKey(new String[] { "a", "b" })).isEqualTo("a:[s:a,s:b]");
		assertThat(CacheKeys.storeKey(new int[] { 1, 2 })).isEqualTo("a:[n:1,n:2]");
		assertThat(CacheKeys.storeKey(List.of("a", new SimpleKey("b", "c]")))).isEqualTo("l:[s:a,k:[s:b\\,s:c\\\\\\]\\]]");
	}

	@Test
	void keysThatLookAlikeAsTextStayApart() {
		List<Object> keys = List.of(new SimpleKey("a", "b"), new SimpleKey("a,b"), new SimpleKey("a", "b", ""),
				new SimpleKey("a\\", "b"), new SimpleKey("a\\,b"), new SimpleKey(new SimpleKey("a", "b")),
				new SimpleKey(new SimpleKey("a"), "b"), new SimpleKey("a]", "b"), "k:[s:a,s:b]", List.of("a", "b"),
				new SimpleKey((Object) null), new SimpleKey("null"), SimpleKey.EMPTY, new SimpleKey(""), "");
		Set<String> mapped = keys.stream().map(CacheKeys::storeKey).collect(Collectors.toSet());
		assertThat(mapped).hasSameSizeAs(keys);
	}

	@Test
	void keysTooLongOrWithALoneSurrogateAreHashed() {
		assertThat(CacheKeys.storeKey("x".repeat(1021))).isEqualTo("s:" + "x".repeat(1021)).hasSize(1023);
		assertThat(CacheKeys.storeKey("x".repeat(1022))).isEqualTo("s:" + "x".repeat(1022));
		assertThat(CacheKeys.storeKey("x".repeat(1023))).matches("h:[0-9a-f]{64}");
		assertThat(CacheKeys.storeKey("x".repeat(1023))).isNotEqualTo(CacheKeys.storeKey("x".repeat(1024)));
		assertThat(CacheKeys.storeKey("a\uD800")).matches("h:[0-9a-f]{64}")
			.isNotEqualTo(CacheKeys.storeKey("a\uD801"))
			.isNotEqualTo(CacheKeys.storeKey("a?"));
		assertThat(CacheKeys.storeKey("😀")).isEqualTo("s:😀");
	}

}
