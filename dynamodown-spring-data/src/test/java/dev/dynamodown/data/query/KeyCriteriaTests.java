package dev.dynamodown.data.query;

import dev.dynamodown.KeyRange;
import dev.dynamodown.KeyValue;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class KeyCriteriaTests {

	@Test
	void allSelectsEverythingUnfiltered() {
		assertThat(KeyCriteria.all().range()).isEqualTo(KeyRange.all());
		assertThat(KeyCriteria.all().hasFilter()).isFalse();
		assertThat(KeyCriteria.all().selectsNothing()).isFalse();
	}

	@Test
	void andKeepsTheTighterBounds() {
		KeyCriteria criteria = KeyCriteria.range(KeyRange.all().gte("b").lte("x"))
			.and(KeyCriteria.range(KeyRange.all().gt("c").lt("y")));
		assertThat(criteria.range()).isEqualTo(KeyRange.all().gt("c").lte("x"));
	}

	@Test
	void onEqualBoundsExclusiveWins() {
		KeyCriteria criteria = KeyCriteria.range(KeyRange.all().gte("b").lte("x"))
			.and(KeyCriteria.range(KeyRange.all().gt("b").lt("x")));
		assertThat(criteria.range()).isEqualTo(KeyRange.all().gt("b").lt("x"));
	}

	@Test
	void boundsCompareInUtf8Order() {
		// U+FFFF sorts before U+1F600 in UTF-8, though after it in UTF-16.
		KeyCriteria criteria = KeyCriteria.range(KeyRange.all().gt("\uFFFF"))
			.and(KeyCriteria.range(KeyRange.all().gt("\uD83D\uDE00")));
		assertThat(criteria.range().lowerBound()).isEqualTo("\uD83D\uDE00");
	}

	@Test
	void nestedPrefixesKeepTheLongerOne() {
		KeyCriteria criteria = KeyCriteria.range(KeyRange.prefix("user:")).and(KeyCriteria.range(KeyRange.prefix("user:1")));
		assertThat(criteria.range().prefixValue()).isEqualTo("user:1");
	}

	@Test
	void disjointPrefixesSelectNothing() {
		assertThat(KeyCriteria.range(KeyRange.prefix("a")).and(KeyCriteria.range(KeyRange.prefix("b"))).selectsNothing())
			.isTrue();
	}

	@Test
	void boundsOutsideThePrefixSelectNothing() {
		assertThat(KeyCriteria.range(KeyRange.prefix("a")).and(KeyCriteria.range(KeyRange.all().gt("b"))).selectsNothing())
			.isTrue();
		assertThat(KeyCriteria.range(KeyRange.all().gte("b").lte("a")).selectsNothing()).isTrue();
	}

	@Test
	void andCombinesFilters() {
		KeyCriteria criteria = KeyCriteria.filter((entry) -> entry.key().endsWith("1"))
			.and(KeyCriteria.filter((entry) -> entry.key().length() == 2))
			.and(KeyCriteria.range(KeyRange.prefix("a")));
		assertThat(criteria.range().prefixValue()).isEqualTo("a");
		assertThat(criteria.testFilter(new KeyValue<>("a1", "v"))).isTrue();
		assertThat(criteria.testFilter(new KeyValue<>("a11", "v"))).isFalse();
		assertThat(criteria.testFilter(new KeyValue<>("a2", "v"))).isFalse();
	}

	@Test
	void orReadsEverythingAndFiltersBothSides() {
		KeyCriteria criteria = KeyCriteria.range(KeyRange.prefix("a")).or(KeyCriteria.range(KeyRange.all().gte("x")));
		assertThat(criteria.range()).isEqualTo(KeyRange.all());
		assertThat(criteria.testFilter(new KeyValue<>("ab", "v"))).isTrue();
		assertThat(criteria.testFilter(new KeyValue<>("xy", "v"))).isTrue();
		assertThat(criteria.testFilter(new KeyValue<>("m", "v"))).isFalse();
	}

	@Test
	void orWithNothingIsTheOtherSide() {
		KeyCriteria prefix = KeyCriteria.range(KeyRange.prefix("a"));
		KeyCriteria nothing = KeyCriteria.range(KeyRange.prefix("a")).and(KeyCriteria.range(KeyRange.prefix("b")));
		assertThat(nothing.or(prefix)).isSameAs(prefix);
		assertThat(prefix.or(nothing)).isSameAs(prefix);
	}

}
