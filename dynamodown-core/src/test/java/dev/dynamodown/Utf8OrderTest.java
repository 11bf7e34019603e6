package dev.dynamodown;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keys sort in UTF-8 byte order (code point order), as DynamoDB stores them, not in
 * {@link String#compareTo} (UTF-16) order: {@code "\uFFFF"} comes before {@code "😀"} (a surrogate
 * pair), in range reads, bounds and {@code getAll}'s map.
 */
@ParameterizedClass
@EnumSource(Api.class)
class Utf8OrderTest {

	@Parameter
	Api api;

	private static final String BMP_MAX = "\uFFFF";

	private static final String EMOJI = "😀";

	/** Every key, in UTF-8 order; UTF-16 order would put the two emoji keys before the U+FFFF ones. */
	private static final List<String> ORDERED = List.of("a", "é", "\uE000", BMP_MAX, BMP_MAX + "a", EMOJI,
			EMOJI + "x");

	@RegisterExtension
	static final DynamoDownFixture fixture = DynamoDownFixture.table("utf8");

	private SortedKeyValueOperations<String> store;

	@BeforeAll
	static void fill() {
		fixture.template("utf8").batch((b) -> ORDERED.forEach((key) -> b.put(key, key)));
	}

	@BeforeEach
	void open() {
		this.store = fixture.template(this.api, "utf8");
	}

	@Test
	void utf16OrderWouldDiffer() {
		assertThat(BMP_MAX.compareTo(EMOJI)).as("String.compareTo").isPositive();
	}

	@Test
	void rangeReadsInUtf8Order() {
		assertThat(this.store.keys(KeyRange.all()).toList()).containsExactlyElementsOf(ORDERED);
		assertThat(this.store.keys(KeyRange.all().reverse()).toList()).containsExactly(EMOJI + "x", EMOJI, BMP_MAX + "a",
				BMP_MAX, "\uE000", "é", "a");
	}

	@Test
	void singleBoundsCompareInUtf8Order() {
		assertThat(this.store.keys(KeyRange.all().gt(BMP_MAX)).toList()).containsExactly(BMP_MAX + "a", EMOJI, EMOJI + "x");
		assertThat(this.store.keys(KeyRange.all().lt(EMOJI)).toList()).containsExactly("a", "é", "\uE000", BMP_MAX,
				BMP_MAX + "a");
	}

	@Test
	void prefixesSpanningSurrogatePairs() {
		assertThat(this.store.keys(KeyRange.prefix(EMOJI)).toList()).containsExactly(EMOJI, EMOJI + "x");
		assertThat(this.store.keys(KeyRange.prefix(BMP_MAX)).toList()).containsExactly(BMP_MAX, BMP_MAX + "a");
		assertThat(this.store.keys(KeyRange.prefix(BMP_MAX).gt(BMP_MAX)).toList()).containsExactly(BMP_MAX + "a");
	}

	@Test
	void bothBoundsAcrossTheSurrogateRange() {
		// BETWEEN "\uFFFF" AND "😀": dynalite's stock validation compares UTF-16 and refuses it
		// as inverted; the launcher of dynamodown-dynalite fixes that.
		assertThat(this.store.keys(KeyRange.all().gte(BMP_MAX).lte(EMOJI)).toList()).containsExactly(BMP_MAX,
				BMP_MAX + "a", EMOJI);
		assertThat(this.store.keys(KeyRange.all().gt(BMP_MAX).lt(EMOJI).reverse()).toList()).containsExactly(BMP_MAX + "a");
		assertThat(this.store.count(KeyRange.all().gt("\uE000").lt(EMOJI + "x"))).isEqualTo(3);
	}

	@Test
	void getAllMapIteratesInUtf8Order() {
		Map<String, String> found = this.store.getAll(List.of(EMOJI, BMP_MAX, "a", EMOJI + "x", "missing"));
		assertThat(found.keySet()).containsExactly("a", BMP_MAX, EMOJI, EMOJI + "x");
	}

}
