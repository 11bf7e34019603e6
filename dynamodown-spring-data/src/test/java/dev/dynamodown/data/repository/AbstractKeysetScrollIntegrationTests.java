package dev.dynamodown.data.repository;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import dev.dynamodown.data.RequestLog;
import dev.dynamodown.data.sample.ScrollableTicks;
import dev.dynamodown.data.sample.Tick;
import dev.dynamodown.data.sample.Ticked;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.InvalidDataAccessApiUsageException;
import org.springframework.data.domain.KeysetScrollPosition;
import org.springframework.data.domain.Limit;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.data.domain.Sort;
import org.springframework.data.domain.Window;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Keyset scrolling and sorting through 2,000 keys, for an entity in one partition and for one in
 * a sharded namespace: every window is one {@code Query} per shard whose key condition starts
 * right after (or before) the previous window, so DynamoDB reads only the window and one item of
 * lookahead, per shard.
 *
 * @param <T> the entity type: {@link Tick}s, sharded or not
 */
@TestInstance(Lifecycle.PER_CLASS)
abstract class AbstractKeysetScrollIntegrationTests<T extends Ticked> {

	private static final int TICKS = 2000;

	private static final int WINDOW = 100;

	@Autowired
	RequestLog requests;

	private final List<String> allKeys = IntStream.range(0, TICKS).mapToObj(Tick::keyOf).toList();

	/** How many shards the entity's namespace has: the {@code Query}s of one window. */
	abstract int shards();

	abstract ScrollableTicks<T> ticks();

	abstract T tick(int n);

	@BeforeAll
	void twoThousandTicks() {
		ticks().deleteAll();
		ticks().saveAll(IntStream.range(0, TICKS).mapToObj(this::tick).toList());
	}

	@BeforeEach
	void clearLog() {
		this.requests.clear();
	}

	@Test
	void forwardReadsEachWindowWithOneQueryPerShardAfterTheLastKey() {
		List<String> seen = new ArrayList<>();
		ScrollPosition position = ScrollPosition.keyset();
		Window<T> window;
		int windows = 0;
		do {
			this.requests.clear();
			window = ticks().findAllBy(position, Limit.of(WINDOW));
			windows++;
			assertThat(window.size()).isEqualTo(WINDOW);
			List<QueryRequest> queries = windowQueries();
			if (!seen.isEmpty()) {
				// after the last key: "> last" is sent as ">= last + U+0000", the next key there can be
				String last = seen.get(seen.size() - 1);
				assertThat(queries).allSatisfy((query) -> assertThat(RequestLog.keyCondition(query)).contains(">= \"" + last));
			}
			assertThat(this.requests.itemsRead()).isLessThanOrEqualTo(shards() * (WINDOW + 1));
			window.forEach((tick) -> seen.add(tick.key()));
			position = window.positionAt(window.size() - 1);
		}
		while (window.hasNext());
		assertThat(windows).isEqualTo(TICKS / WINDOW);
		assertThat(seen).containsExactlyElementsOf(this.allKeys);
	}

	@Test
	void positionsHoldTheKeyUnderTheIdPropertysName() {
		Window<T> window = ticks().findAllBy(ScrollPosition.keyset(), Limit.of(3));
		assertThat(window.positionAt(2)).isInstanceOfSatisfying(KeysetScrollPosition.class, (position) -> {
			assertThat(position.getKeys()).isEqualTo(Map.of("key", Tick.keyOf(2)));
			assertThat(position.scrollsForward()).isTrue();
		});
	}

	@Test
	void backwardListsWindowsInKeyOrderAndContinuesAtPositionZero() {
		List<List<String>> windows = new ArrayList<>();
		ScrollPosition position = ScrollPosition.keyset().backward();
		Window<T> window;
		do {
			this.requests.clear();
			window = ticks().findAllBy(position, Limit.of(WINDOW));
			windowQueries();
			assertThat(this.requests.itemsRead()).isLessThanOrEqualTo(shards() * (WINDOW + 1));
			List<String> keys = window.map(Ticked::key).toList();
			assertThat(keys).isSorted();
			windows.add(keys);
			position = window.positionAt(0);
		}
		while (window.hasNext());
		assertThat(windows).hasSize(TICKS / WINDOW);
		assertThat(windows.get(0)).endsWith(Tick.keyOf(TICKS - 1));
		Collections.reverse(windows);
		assertThat(windows.stream().flatMap(List::stream).toList()).containsExactlyElementsOf(this.allKeys);
	}

	@Test
	void backwardFromAKeyReadsTheKeysBeforeIt() {
		Window<T> window = ticks().findAllBy(ScrollPosition.backward(Map.of("key", Tick.keyOf(1000))), Limit.of(3));
		assertThat(window.map(Ticked::key).toList()).containsExactly(Tick.keyOf(997), Tick.keyOf(998), Tick.keyOf(999));
		assertThat(window.hasNext()).isTrue();
		// before the key: "< t01000" is sent as "<=" the greatest key below it, which starts "t0100/"
		assertThat(windowQueries()).allSatisfy((query) -> assertThat(RequestLog.keyCondition(query)).contains("<= \"t0100/"));
	}

	@Test
	void descendingOrderScrollsFromTheEnd() {
		Window<T> first = ticks().findAllByOrderByKeyDesc(ScrollPosition.keyset(), Limit.of(3));
		assertThat(first.map(Ticked::key).toList()).containsExactly(Tick.keyOf(1999), Tick.keyOf(1998), Tick.keyOf(1997));
		Window<T> next = ticks().findAllByOrderByKeyDesc(first.positionAt(2), Limit.of(3));
		assertThat(next.map(Ticked::key).toList()).containsExactly(Tick.keyOf(1996), Tick.keyOf(1995), Tick.keyOf(1994));
		Window<T> back = ticks().findAllByOrderByKeyDesc(((KeysetScrollPosition) next.positionAt(0)).backward(), Limit.of(3));
		assertThat(back.map(Ticked::key).toList()).containsExactlyElementsOf(first.map(Ticked::key).toList());
		assertThat(back.hasNext()).isFalse();
	}

	@Test
	void firstNWithAPrefixScrollsWithinThePrefix() {
		List<String> seen = new ArrayList<>();
		ScrollPosition position = ScrollPosition.keyset();
		Window<T> window;
		int windows = 0;
		do {
			window = ticks().findFirst50ByKeyStartingWith("t012", position);
			windows++;
			window.forEach((tick) -> seen.add(tick.key()));
			position = window.positionAt(window.size() - 1);
		}
		while (window.hasNext());
		assertThat(seen).containsExactlyElementsOf(this.allKeys.subList(1200, 1300));
		assertThat(windows).isEqualTo(2);
		assertThat(this.requests.queries()).hasSize(2 * shards());
		assertThat(this.requests.itemsRead()).isLessThanOrEqualTo(2 * shards() * (50 + 1));
	}

	@Test
	void offsetScrollingReadsAndDiscardsTheSkippedItems() {
		Window<T> first = ticks().findAllBy(ScrollPosition.offset(), Limit.of(10));
		assertThat(first.map(Ticked::key).toList()).containsExactlyElementsOf(this.allKeys.subList(0, 10));
		this.requests.clear();
		Window<T> second = ticks().findAllBy(first.positionAt(9), Limit.of(10));
		assertThat(second.map(Ticked::key).toList()).containsExactlyElementsOf(this.allKeys.subList(10, 20));
		assertThat(second.hasNext()).isTrue();
		assertThat(this.requests.itemsRead()).isGreaterThanOrEqualTo(20);
	}

	@Test
	void sortingByTheKeyFollowsKeyOrderBothWays() {
		assertThat(ticks().findAll(Sort.by("key"))).map(Ticked::key).containsExactlyElementsOf(this.allKeys);
		List<String> descending = new ArrayList<>(this.allKeys);
		Collections.reverse(descending);
		assertThat(ticks().findAll(Sort.by(Sort.Direction.DESC, "key"))).map(Ticked::key).containsExactlyElementsOf(descending);
		assertThat(ticks().findAll(PageRequest.of(3, 100, Sort.by("key"))).getContent()).map(Ticked::key)
			.containsExactlyElementsOf(this.allKeys.subList(300, 400));
		assertThat(ticks().findAll(PageRequest.of(0, 5, Sort.by(Sort.Direction.DESC, "key"))).getContent()).map(Ticked::key)
			.containsExactlyElementsOf(descending.subList(0, 5));
	}

	@Test
	void foreignKeysetPositionIsRefused() {
		assertThatExceptionOfType(InvalidDataAccessApiUsageException.class)
			.isThrownBy(() -> ticks().findAllBy(ScrollPosition.forward(Map.of("n", 3)), Limit.of(3)))
			.withMessageContaining("'key'");
	}

	/** The {@code Query}s of one window: one per shard. */
	private List<QueryRequest> windowQueries() {
		assertThat(this.requests.queries()).as("one Query per shard").hasSize(shards());
		return this.requests.queries();
	}

}
