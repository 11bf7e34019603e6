package dev.dynamodown.data.conventions;

import java.util.List;
import java.util.stream.IntStream;

import dev.dynamodown.data.FailingRequests;
import dev.dynamodown.data.conventions.ConventionsTestConfiguration.Events;
import dev.dynamodown.data.sample.Meetup;
import dev.dynamodown.data.sample.MeetupRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Repositories publish the same {@code KeyValueEvent}s for a batch as for one entity at a time:
 * a before-event per entity before anything is sent, an after-event per entity written.
 */
@SpringJUnitConfig(ConventionsTestConfiguration.class)
@TestPropertySource(properties = "dynamodown.table=repositories")
class RepositoryEventsIntegrationTests {

	@Autowired
	MeetupRepository meetups;

	@Autowired
	Events events;

	@Autowired
	FailingRequests failing;

	@BeforeEach
	void clear() {
		this.meetups.deleteAll();
		this.events.clear();
	}

	@AfterEach
	void reset() {
		this.failing.reset();
	}

	@Test
	void saveAndSaveAllPublishTheSameEvents() {
		this.meetups.save(Meetup.of("a", "Oslo"));
		assertThat(this.events.describe()).containsExactly("BeforeUpdateEvent a", "AfterUpdateEvent a");
		this.events.clear();
		this.meetups.saveAll(List.of(Meetup.of("b", "Oslo"), Meetup.of("c", "Rome")));
		assertThat(this.events.describe()).containsExactly("BeforeUpdateEvent b", "BeforeUpdateEvent c",
				"AfterUpdateEvent b", "AfterUpdateEvent c");
	}

	@Test
	void deleteAndTheBatchDeletesPublishTheSameEvents() {
		this.meetups.saveAll(List.of(Meetup.of("a", "Oslo"), Meetup.of("b", "Oslo"), Meetup.of("c", "Rome"),
				Meetup.of("d", "Rome"), Meetup.of("e", "Rome")));
		this.events.clear();
		this.meetups.deleteById("a");
		assertThat(this.events.describe()).containsExactly("BeforeDeleteEvent a", "AfterDeleteEvent a");
		this.events.clear();
		this.meetups.deleteAllById(List.of("b", "c"));
		assertThat(this.events.describe()).containsExactly("BeforeDeleteEvent b", "BeforeDeleteEvent c",
				"AfterDeleteEvent b", "AfterDeleteEvent c");
		this.events.clear();
		this.meetups.deleteByKeyStartingWith("d");
		assertThat(this.events.describe()).containsExactly("BeforeDeleteEvent d", "AfterDeleteEvent d");
		this.events.clear();
		this.meetups.deleteAll(List.of(Meetup.of("e", "Rome")));
		assertThat(this.events.describe()).containsExactly("BeforeDeleteEvent e", "AfterDeleteEvent e");
	}

	@Test
	void aBatchThatFailsPartlyPublishesAfterEventsOnlyForTheWritesItApplied() {
		List<Meetup> entities = IntStream.range(0, 30).mapToObj((i) -> Meetup.of("m%02d".formatted(i), "Oslo")).toList();
		this.failing.failWhen(FailingRequests.batchPutting("m29"));
		assertThatExceptionOfType(DataAccessException.class).isThrownBy(() -> this.meetups.saveAll(entities));
		assertThat(this.events.describe()).filteredOn((event) -> event.startsWith("BeforeUpdateEvent")).hasSize(30);
		assertThat(this.events.describe()).filteredOn((event) -> event.startsWith("AfterUpdateEvent"))
			.containsExactlyElementsOf(IntStream.range(0, 25).mapToObj((i) -> "AfterUpdateEvent m%02d".formatted(i)).toList());
	}

}
