package dev.dynamodown.data.repository;

import java.util.List;
import java.util.stream.Stream;

import dev.dynamodown.data.RepositoryIntegrationTest;
import dev.dynamodown.data.RequestLog;
import dev.dynamodown.data.sample.Meetup;
import dev.dynamodown.data.sample.MeetupRepository;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.Select;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Limit;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Slice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

/**
 * Derived queries: criteria on the key are the Query's key condition (asserted on the requests
 * sent and on how many items DynamoDB read), other criteria filter what that range holds.
 */
@RepositoryIntegrationTest
class DynamoDownPartTreeQueryIntegrationTests {

	@Autowired
	MeetupRepository meetups;

	@Autowired
	RequestLog requests;

	/** aa ab ac ba bb bc ca cb cc: cities alternate Oslo, Rome, Lima. */
	@BeforeEach
	void nineMeetups() {
		this.meetups.deleteAll();
		String[] cities = { "Oslo", "Rome", "Lima" };
		List<Meetup> all = Stream.of("a", "b", "c")
			.flatMap((first) -> Stream.of("a", "b", "c").map((second) -> first + second))
			.map((key) -> new Meetup(key, "Meetup " + key, cities[(key.charAt(0) + key.charAt(1)) % 3],
					key.charAt(1) - 'a'))
			.toList();
		this.meetups.saveAll(all);
		this.requests.clear();
	}

	@Test
	void betweenIsInclusiveAndReadsOnlyTheRange() {
		assertThat(keys(this.meetups.findByKeyBetween("ab", "ba"))).containsExactly("ab", "ac", "ba");
		assertThat(onlyQuery()).contains("\"ab\"").contains("\"ba\"");
		assertThat(this.requests.itemsRead()).isEqualTo(3);
	}

	@Test
	void invertedBetweenIsEmptyWithoutRequest() {
		assertThat(this.meetups.findByKeyBetween("ba", "ab")).isEmpty();
		assertThat(this.requests.requests()).isEmpty();
	}

	@Test
	void startingWithReadsOnlyThePrefix() {
		assertThat(keys(this.meetups.findByKeyStartingWith("b"))).containsExactly("ba", "bb", "bc");
		assertThat(onlyQuery()).contains("\"b\"");
		assertThat(this.requests.itemsRead()).isEqualTo(3);
	}

	@Test
	void comparisons() {
		assertThat(keys(this.meetups.findByKeyGreaterThan("cb"))).containsExactly("cc");
		assertThat(keys(this.meetups.findByKeyGreaterThanEqual("cb"))).containsExactly("cb", "cc");
		assertThat(keys(this.meetups.findByKeyLessThan("ab"))).containsExactly("aa");
		assertThat(keys(this.meetups.findByKeyLessThanEqual("ab"))).containsExactly("aa", "ab");
		assertThat(this.requests.queries()).hasSize(4)
			// exclusive bounds go as the neighbouring keys: "> cb" as ">= cb\u0000", "< ab" as "<= aa\uDBFF\uDFFF..."
			.allSatisfy((query) -> assertThat(RequestLog.keyCondition(query)).containsPattern("(>=|<=) \"(cb|ab|aa)"));
		assertThat(this.requests.itemsRead()).isEqualTo(6);
	}

	@Test
	void isReadsOneItem() {
		assertThat(this.meetups.findByKey("bb")).map(Meetup::key).contains("bb");
		assertThat(this.meetups.findByKey("zz")).isEmpty();
		assertThat(this.requests.requests()).hasSize(2);
		assertThat(this.requests.itemsRead()).isEqualTo(1);
	}

	@Test
	void keyCriteriaJoinedByAndIntersect() {
		assertThat(keys(this.meetups.findByKeyStartingWithAndKeyGreaterThan("b", "ba"))).containsExactly("bb", "bc");
		// "> ba" and "starts with b" are one BETWEEN: from "ba" + U+0000 to the last key starting with "b"
		assertThat(onlyQuery()).contains("BETWEEN \"ba");
		assertThat(this.requests.itemsRead()).as("nothing outside the criteria is read").isEqualTo(2);
	}

	@Test
	void disjointKeyCriteriaSendNothing() {
		assertThat(this.meetups.findByKeyStartingWithAndKeyGreaterThan("a", "b")).isEmpty();
		assertThat(this.requests.requests()).isEmpty();
	}

	@Test
	void otherCriteriaFilterThePrefixRangeOnly() {
		List<Meetup> found = this.meetups.findByKeyStartingWithAndCity("c", "Oslo");
		assertThat(found).isNotEmpty().allSatisfy((meetup) -> {
			assertThat(meetup.key()).startsWith("c");
			assertThat(meetup.city()).isEqualTo("Oslo");
		});
		assertThat(onlyQuery()).contains("\"c\"");
		assertThat(this.requests.itemsRead()).isEqualTo(3);
	}

	@Test
	void topIsAppliedAfterFiltering() {
		List<Meetup> oslo = this.meetups.findByCity("Oslo");
		assertThat(oslo).hasSize(3);
		this.requests.clear();
		assertThat(this.meetups.findTop2ByKeyStartingWithAndCity("", "Oslo")).containsExactlyElementsOf(oslo.subList(0, 2));
	}

	@Test
	void criteriaOnOtherPropertiesReadTheNamespace() {
		assertThat(this.meetups.findByCity("Rome")).hasSize(3).allSatisfy((meetup) -> assertThat(meetup.city()).isEqualTo("Rome"));
		assertThat(this.requests.itemsRead()).isEqualTo(9);
	}

	@Test
	void betweenOnOtherPropertiesIsInclusive() {
		assertThat(this.meetups.findByCityAndMembersBetween("Oslo", 0, 1)).allSatisfy((meetup) -> {
			assertThat(meetup.city()).isEqualTo("Oslo");
			assertThat(meetup.members()).isBetween(0, 1);
		});
		assertThat(this.meetups.findByCityAndMembersBetween("Oslo", 0, 2)).hasSize(3);
	}

	@Test
	void orderByKeyDescending() {
		assertThat(keys(this.meetups.findByKeyStartingWithOrderByKeyDesc("a"))).containsExactly("ac", "ab", "aa");
		assertThat(this.requests.queries()).singleElement()
			.satisfies((query) -> assertThat(query.scanIndexForward()).isFalse());
	}

	@Test
	void topWithDescendingOrderReadsOnlyTheTop() {
		assertThat(keys(this.meetups.findTop3ByKeyStartingWithOrderByKeyDesc(""))).containsExactly("cc", "cb", "ca");
		assertThat(this.requests.itemsRead()).isEqualTo(3);
	}

	@Test
	void limitParameterAndFirstTheSmallerWins() {
		assertThat(keys(this.meetups.findFirst2ByKeyGreaterThan("b", Limit.of(1)))).containsExactly("ba");
		assertThat(keys(this.meetups.findFirst2ByKeyGreaterThan("b", Limit.of(5)))).containsExactly("ba", "bb");
		assertThat(keys(this.meetups.findFirst2ByKeyGreaterThan("b", Limit.unlimited()))).containsExactly("ba", "bb");
	}

	@Test
	void orReadsTheNamespaceAndUnitesBothSides() {
		assertThat(keys(this.meetups.findByKeyStartingWithOrKeyStartingWith("c", "a"))).containsExactly("aa", "ab", "ac",
				"ca", "cb", "cc");
	}

	@Test
	void keyCriteriaDynamoDbCannotEvaluateAreFilters() {
		assertThat(keys(this.meetups.findByKeyEndingWith("c"))).containsExactly("ac", "bc", "cc");
	}

	@Test
	void countOfAKeyRangeUsesSelectCount() {
		assertThat(this.meetups.countByKeyStartingWith("a")).isEqualTo(3);
		assertThat(onlyQuery()).contains("\"a\"");
		assertThat(this.requests.queries()).allSatisfy((query) -> assertThat(query.select()).isEqualTo(Select.COUNT));
	}

	@Test
	void countWithAFilter() {
		assertThat(this.meetups.countByCity("Lima")).isEqualTo(3);
	}

	@Test
	void existsReadsAtMostOneItem() {
		assertThat(this.meetups.existsByKeyStartingWith("b")).isTrue();
		assertThat(this.meetups.existsByKeyStartingWith("x")).isFalse();
		assertThat(this.requests.itemsRead()).isEqualTo(1);
	}

	@Test
	void page() {
		Page<Meetup> page = this.meetups.findPageByKeyStartingWith("b", PageRequest.of(1, 2));
		assertThat(keys(page.getContent())).containsExactly("bc");
		assertThat(page.getTotalElements()).isEqualTo(3);
	}

	@Test
	void sliceLooksOneAheadAndCountsNothing() {
		Slice<Meetup> first = this.meetups.findSliceByKeyStartingWith("b", PageRequest.of(0, 2));
		assertThat(keys(first.getContent())).containsExactly("ba", "bb");
		assertThat(first.hasNext()).isTrue();
		Slice<Meetup> second = this.meetups.findSliceByKeyStartingWith("b", first.nextPageable());
		assertThat(keys(second.getContent())).containsExactly("bc");
		assertThat(second.hasNext()).isFalse();
		assertThat(this.requests.queries()).noneSatisfy((query) -> assertThat(query.select()).isEqualTo(Select.COUNT));
	}

	@Test
	void streamIsLazy() {
		try (Stream<Meetup> stream = this.meetups.streamByKeyStartingWith("c")) {
			assertThat(this.requests.requests()).isEmpty();
			assertThat(stream.map(Meetup::key)).containsExactly("ca", "cb", "cc");
		}
	}

	@Test
	void deleteByReturnsHowManyWereDeleted() {
		assertThat(this.meetups.deleteByKeyStartingWith("a")).isEqualTo(3);
		assertThat(keys(this.meetups.findAll())).containsExactly("ba", "bb", "bc", "ca", "cb", "cc");
	}

	@Test
	void removeByReturnsTheDeletedEntities() {
		List<Meetup> removed = this.meetups.removeByCity("Rome");
		assertThat(removed).hasSize(3).allSatisfy((meetup) -> assertThat(meetup.city()).isEqualTo("Rome"));
		assertThat(this.meetups.findByCity("Rome")).isEmpty();
		assertThat(this.meetups.count()).isEqualTo(6);
	}

	@Test
	void nullKeyArgumentIsRefusedBeforeAnyRequest() {
		assertThatNullPointerException().isThrownBy(() -> this.meetups.findByKeyStartingWith(null))
			.withMessageContaining("must not be null");
		assertThat(this.requests.requests()).isEmpty();
	}

	private String onlyQuery() {
		List<QueryRequest> queries = this.requests.queries();
		assertThat(queries).hasSize(1);
		return RequestLog.keyCondition(queries.get(0));
	}

	private static List<String> keys(List<Meetup> meetups) {
		return meetups.stream().map(Meetup::key).toList();
	}

}
