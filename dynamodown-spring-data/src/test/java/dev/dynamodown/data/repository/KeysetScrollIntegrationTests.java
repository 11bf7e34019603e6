package dev.dynamodown.data.repository;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import dev.dynamodown.data.RepositoryIntegrationTest;
import dev.dynamodown.data.RequestLog;
import dev.dynamodown.data.sample.Tick;
import dev.dynamodown.data.sample.TickRepository;
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
import org.springframework.data.domain.ScrollPosition;
import org.springframework.data.domain.Window;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Keyset scrolling through 2,000 keys: every window is one {@code Query} whose key condition
 * starts right after (or before) the previous window, so DynamoDB reads only the window and one
 * item of lookahead.
 */
@RepositoryIntegrationTest
@TestInstance(Lifecycle.PER_CLASS)
class KeysetScrollIntegrationTests {

	private static final int TICKS = 2000;

	private static final int WINDOW = 100;

	@Autowired
	TickRepository ticks;

	@Autowired
	RequestLog requests;

	private final List<String> allKeys = IntStream.range(0, TICKS).mapToObj(Tick::keyOf).toList();

	@BeforeAll
	void twoThousandTicks() {
		this.ticks.deleteAll();
		this.ticks.saveAll(IntStream.range(0, TICKS).mapToObj((n) -> new Tick(Tick.keyOf(n), n)).toList());
	}

	@BeforeEach
	void clearLog() {
		this.requests.clear();
	}

	@Test
	void forwardReadsEachWindowWithOneQueryAfterTheLastKey() {
		List<String> seen = new ArrayList<>();
		ScrollPosition position = ScrollPosition.keyset();
		Window<Tick> window;
		int windows = 0;
		do {
			this.requests.clear();
			window = this.ticks.findAllBy(position, Limit.of(WINDOW));
			windows++;
			assertThat(window.size()).isEqualTo(WINDOW);
			QueryRequest query = onlyQuery();
			if (!seen.isEmpty()) {
				// after the last key: "> last" is sent as ">= last + U+0000", the next key there can be
				assertThat(RequestLog.keyCondition(query)).contains(">= \"" + seen.get(seen.size() - 1));
			}
			assertThat(this.requests.itemsRead()).isLessThanOrEqualTo(WINDOW + 1);
			window.forEach((tick) -> seen.add(tick.key()));
			position = window.positionAt(window.size() - 1);
		}
		while (window.hasNext());
		assertThat(windows).isEqualTo(TICKS / WINDOW);
		assertThat(seen).containsExactlyElementsOf(this.allKeys);
	}

	@Test
	void positionsHoldTheKeyUnderTheIdPropertysName() {
		Window<Tick> window = this.ticks.findAllBy(ScrollPosition.keyset(), Limit.of(3));
		assertThat(window.positionAt(2)).isInstanceOfSatisfying(KeysetScrollPosition.class, (position) -> {
			assertThat(position.getKeys()).isEqualTo(Map.of("key", Tick.keyOf(2)));
			assertThat(position.scrollsForward()).isTrue();
		});
	}

	@Test
	void backwardListsWindowsInKeyOrderAndContinuesAtPositionZero() {
		List<List<String>> windows = new ArrayList<>();
		ScrollPosition position = ScrollPosition.keyset().backward();
		Window<Tick> window;
		do {
			this.requests.clear();
			window = this.ticks.findAllBy(position, Limit.of(WINDOW));
			assertThat(this.requests.queries()).hasSize(1);
			assertThat(this.requests.itemsRead()).isLessThanOrEqualTo(WINDOW + 1);
			List<String> keys = window.map(Tick::key).toList();
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
		Window<Tick> window = this.ticks.findAllBy(ScrollPosition.backward(Map.of("key", Tick.keyOf(1000))), Limit.of(3));
		assertThat(window.map(Tick::key).toList()).containsExactly(Tick.keyOf(997), Tick.keyOf(998), Tick.keyOf(999));
		assertThat(window.hasNext()).isTrue();
		// before the key: "< t01000" is sent as "<=" the greatest key below it, which starts "t0100/"
		assertThat(RequestLog.keyCondition(onlyQuery())).contains("<= \"t0100/");
	}

	@Test
	void descendingOrderScrollsFromTheEnd() {
		Window<Tick> first = this.ticks.findAllByOrderByKeyDesc(ScrollPosition.keyset(), Limit.of(3));
		assertThat(first.map(Tick::key).toList()).containsExactly(Tick.keyOf(1999), Tick.keyOf(1998), Tick.keyOf(1997));
		Window<Tick> next = this.ticks.findAllByOrderByKeyDesc(first.positionAt(2), Limit.of(3));
		assertThat(next.map(Tick::key).toList()).containsExactly(Tick.keyOf(1996), Tick.keyOf(1995), Tick.keyOf(1994));
		Window<Tick> back = this.ticks.findAllByOrderByKeyDesc(
				((KeysetScrollPosition) next.positionAt(0)).backward(), Limit.of(3));
		assertThat(back.map(Tick::key).toList()).containsExactlyElementsOf(first.map(Tick::key).toList());
		assertThat(back.hasNext()).isFalse();
	}

	@Test
	void firstNWithAPrefixScrollsWithinThePrefix() {
		List<String> seen = new ArrayList<>();
		ScrollPosition position = ScrollPosition.keyset();
		Window<Tick> window;
		int queries = 0;
		do {
			window = this.ticks.findFirst50ByKeyStartingWith("t012", position);
			queries++;
			window.forEach((tick) -> seen.add(tick.key()));
			position = window.positionAt(window.size() - 1);
		}
		while (window.hasNext());
		assertThat(seen).containsExactlyElementsOf(this.allKeys.subList(1200, 1300));
		assertThat(queries).isEqualTo(2);
		assertThat(this.requests.queries()).hasSize(2);
		assertThat(this.requests.itemsRead()).isLessThanOrEqualTo(2 * (50 + 1));
	}

	@Test
	void offsetScrollingReadsAndDiscardsTheSkippedItems() {
		Window<Tick> first = this.ticks.findAllBy(ScrollPosition.offset(), Limit.of(10));
		assertThat(first.map(Tick::key).toList()).containsExactlyElementsOf(this.allKeys.subList(0, 10));
		this.requests.clear();
		Window<Tick> second = this.ticks.findAllBy(first.positionAt(9), Limit.of(10));
		assertThat(second.map(Tick::key).toList()).containsExactlyElementsOf(this.allKeys.subList(10, 20));
		assertThat(second.hasNext()).isTrue();
		assertThat(this.requests.itemsRead()).isGreaterThanOrEqualTo(20);
	}

	@Test
	void foreignKeysetPositionIsRefused() {
		assertThatExceptionOfType(InvalidDataAccessApiUsageException.class)
			.isThrownBy(() -> this.ticks.findAllBy(ScrollPosition.forward(Map.of("n", 3)), Limit.of(3)))
			.withMessageContaining("'key'");
	}

	private QueryRequest onlyQuery() {
		assertThat(this.requests.queries()).hasSize(1);
		return this.requests.queries().get(0);
	}

}
