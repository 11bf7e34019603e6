package dev.dynamodown.data.repository;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import dev.dynamodown.data.RepositoryIntegrationTest;
import dev.dynamodown.data.RequestLog;
import dev.dynamodown.data.sample.Meetup;
import dev.dynamodown.data.sample.MeetupRepository;
import dev.dynamodown.data.sample.Note;
import dev.dynamodown.data.sample.NoteRepository;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.Select;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.InvalidDataAccessApiUsageException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.domain.Sort.Direction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

@RepositoryIntegrationTest
class SimpleDynamoDownRepositoryIntegrationTests {

	@Autowired
	MeetupRepository meetups;

	@Autowired
	NoteRepository notes;

	@Autowired
	RequestLog requests;

	@BeforeEach
	void clear() {
		this.meetups.deleteAll();
		this.notes.deleteAll();
		this.requests.clear();
	}

	@Test
	void saveThenFindById() {
		Meetup meetup = new Meetup("nyc-js", "NYC JS", "New York", 120);
		assertThat(this.meetups.save(meetup)).isSameAs(meetup);
		assertThat(this.meetups.findById("nyc-js")).contains(meetup);
		assertThat(this.meetups.findById("absent")).isEmpty();
		assertThat(this.requests.operations()).containsExactly("PutItemRequest", "GetItemRequest", "GetItemRequest");
	}

	@Test
	void saveReplacesTheItem() {
		this.meetups.save(new Meetup("a", "first", "Oslo", 1));
		this.meetups.save(new Meetup("a", "second", null, 2));
		assertThat(this.meetups.findById("a")).contains(new Meetup("a", "second", null, 2));
		assertThat(this.meetups.count()).isEqualTo(1);
	}

	@Test
	void saveAllWritesOneBatch() {
		List<Meetup> all = IntStream.range(0, 20).mapToObj((i) -> Meetup.of("m" + (char) ('a' + i), "Rome")).toList();
		assertThat(this.meetups.saveAll(all)).containsExactlyElementsOf(all);
		assertThat(this.requests.requests(BatchWriteItemRequest.class)).hasSize(1);
		assertThat(this.requests.requests(PutItemRequest.class)).isEmpty();
		assertThat(this.meetups.findAll()).containsExactlyElementsOf(all);
	}

	@Test
	void saveAllKeepsTheLastEntityOfAKey() {
		this.meetups.saveAll(List.of(new Meetup("a", "first", "Oslo", 1), new Meetup("a", "last", "Oslo", 2)));
		assertThat(this.meetups.findAll()).containsExactly(new Meetup("a", "last", "Oslo", 2));
	}

	@Test
	void existsById() {
		this.meetups.save(Meetup.of("a", "Oslo"));
		assertThat(this.meetups.existsById("a")).isTrue();
		assertThat(this.meetups.existsById("b")).isFalse();
	}

	@Test
	void findAllByIdReadsOneBatchAndKeepsTheOrderAsked() {
		this.meetups.saveAll(List.of(Meetup.of("a", "Oslo"), Meetup.of("b", "Oslo"), Meetup.of("c", "Oslo")));
		this.requests.clear();
		List<Meetup> found = this.meetups.findAllById(List.of("c", "missing", "a", "c"));
		assertThat(found).extracting(Meetup::key).containsExactly("c", "a");
		assertThat(this.requests.operations()).containsExactly("BatchGetItemRequest");
		assertThat(this.requests.requests(BatchGetItemRequest.class).get(0).requestItems().values())
			.singleElement()
			.satisfies((keys) -> assertThat(keys.keys()).hasSize(3));
	}

	@Test
	void countUsesSelectCount() {
		this.meetups.saveAll(List.of(Meetup.of("a", "Oslo"), Meetup.of("b", "Oslo")));
		this.requests.clear();
		assertThat(this.meetups.count()).isEqualTo(2);
		assertThat(this.requests.queries()).isNotEmpty().allSatisfy((query) -> assertThat(query.select()).isEqualTo(Select.COUNT));
	}

	@Test
	void deleteById() {
		this.meetups.saveAll(List.of(Meetup.of("a", "Oslo"), Meetup.of("b", "Oslo")));
		this.meetups.deleteById("a");
		this.meetups.deleteById("absent");
		assertThat(this.meetups.findAll()).extracting(Meetup::key).containsExactly("b");
	}

	@Test
	void deleteEntity() {
		Meetup a = Meetup.of("a", "Oslo");
		this.meetups.saveAll(List.of(a, Meetup.of("b", "Oslo")));
		this.meetups.delete(a);
		assertThat(this.meetups.findAll()).extracting(Meetup::key).containsExactly("b");
	}

	@Test
	void deleteAllByIdWritesOneBatch() {
		this.meetups.saveAll(List.of(Meetup.of("a", "Oslo"), Meetup.of("b", "Oslo"), Meetup.of("c", "Oslo")));
		this.requests.clear();
		this.meetups.deleteAllById(List.of("a", "c", "absent"));
		assertThat(this.requests.operations()).containsExactly("BatchWriteItemRequest");
		assertThat(this.meetups.findAll()).extracting(Meetup::key).containsExactly("b");
	}

	@Test
	void deleteAllEntitiesWritesOneBatch() {
		Meetup a = Meetup.of("a", "Oslo");
		Meetup b = Meetup.of("b", "Oslo");
		this.meetups.saveAll(List.of(a, b, Meetup.of("c", "Oslo")));
		this.requests.clear();
		this.meetups.deleteAll(List.of(a, b));
		assertThat(this.requests.operations()).containsExactly("BatchWriteItemRequest");
		assertThat(this.meetups.findAll()).extracting(Meetup::key).containsExactly("c");
	}

	@Test
	void deleteAllClearsTheNamespaceOnly() {
		List<Meetup> many = IntStream.range(0, 60).mapToObj((i) -> Meetup.of("k" + i, "Lima")).toList();
		this.meetups.saveAll(many);
		this.notes.save(new Note("n", "kept", List.of()));
		this.meetups.deleteAll();
		assertThat(this.meetups.count()).isZero();
		assertThat(this.notes.count()).isEqualTo(1);
	}

	@Test
	void findAllIsInKeyOrder() {
		this.meetups.saveAll(List.of(Meetup.of("b", "Oslo"), Meetup.of("é", "Oslo"), Meetup.of("a", "Oslo"),
				Meetup.of("Z", "Oslo")));
		assertThat(this.meetups.findAll()).extracting(Meetup::key).containsExactly("Z", "a", "b", "é");
	}

	@Test
	void findAllSortedByKeyInBothDirections() {
		this.meetups.saveAll(List.of(Meetup.of("b", "Oslo"), Meetup.of("c", "Oslo"), Meetup.of("a", "Oslo")));
		assertThat(this.meetups.findAll(Sort.by("key"))).extracting(Meetup::key).containsExactly("a", "b", "c");
		this.requests.clear();
		assertThat(this.meetups.findAll(Sort.by(Direction.DESC, "key"))).extracting(Meetup::key)
			.containsExactly("c", "b", "a");
		assertThat(this.requests.queries()).singleElement()
			.satisfies((query) -> assertThat(query.scanIndexForward()).isFalse());
	}

	@Test
	void findAllSortedByAnotherPropertyIsRefused() {
		this.requests.clear();
		assertThatExceptionOfType(InvalidDataAccessApiUsageException.class).isThrownBy(() -> this.meetups.findAll(Sort.by("name")))
			.withMessageContaining("Cannot sort Meetup by 'name'")
			.withMessageContaining("key order");
		assertThat(this.requests.requests()).isEmpty();
	}

	@Test
	void findAllPagedInKeyOrderBothDirections() {
		this.meetups.saveAll(IntStream.range(0, 10).mapToObj((i) -> Meetup.of("k" + i, "Oslo")).toList());
		Page<Meetup> page = this.meetups.findAll(PageRequest.of(1, 3));
		assertThat(page.getContent()).extracting(Meetup::key).containsExactly("k3", "k4", "k5");
		assertThat(page.getTotalElements()).isEqualTo(10);
		assertThat(page.getTotalPages()).isEqualTo(4);
		Page<Meetup> descending = this.meetups.findAll(PageRequest.of(3, 3, Sort.by(Direction.DESC, "key")));
		assertThat(descending.getContent()).extracting(Meetup::key).containsExactly("k0");
		assertThat(descending.hasNext()).isFalse();
	}

	@Test
	void findAllPagedReadsNoMoreThanItNeeds() {
		this.meetups.saveAll(IntStream.range(0, 20).mapToObj((i) -> Meetup.of("k" + (char) ('a' + i), "Oslo")).toList());
		this.requests.clear();
		assertThat(this.meetups.findAll(PageRequest.of(1, 3)).getContent()).hasSize(3);
		assertThat(this.requests.itemsRead()).isEqualTo(6);
	}

	@Test
	void findAllUnpaged() {
		this.meetups.saveAll(List.of(Meetup.of("a", "Oslo"), Meetup.of("b", "Oslo")));
		Page<Meetup> page = this.meetups.findAll(Pageable.unpaged());
		assertThat(page.getContent()).extracting(Meetup::key).containsExactly("a", "b");
		assertThat(page.getTotalElements()).isEqualTo(2);
	}

	@Nested
	class Classes {

		@Test
		void roundTrip() {
			Note note = new Note("n1", "hello", List.of("x", "y"));
			SimpleDynamoDownRepositoryIntegrationTests.this.notes.save(note);
			Note read = SimpleDynamoDownRepositoryIntegrationTests.this.notes.findById("n1").orElseThrow();
			assertThat(read).usingRecursiveComparison().isEqualTo(note);
			assertThat(SimpleDynamoDownRepositoryIntegrationTests.this.notes.findByText("hello")).hasSize(1);
		}

	}

	@Nested
	class BadInput {

		@Test
		void saveWithoutKeyIsRefusedBeforeAnyRequest() {
			assertThatIllegalArgumentException()
				.isThrownBy(() -> SimpleDynamoDownRepositoryIntegrationTests.this.meetups.save(new Meetup(null, "x", "y", 1)))
				.withMessageContaining("must not be null")
				.withMessageContaining("does not generate keys");
			assertThat(SimpleDynamoDownRepositoryIntegrationTests.this.requests.requests()).isEmpty();
		}

		@Test
		void saveAllWithOneKeylessEntityWritesNothing() {
			List<Meetup> entities = new ArrayList<>(List.of(Meetup.of("a", "Oslo"), new Meetup(null, "x", "y", 1)));
			assertThatExceptionOfType(InvalidDataAccessApiUsageException.class)
				.isThrownBy(() -> SimpleDynamoDownRepositoryIntegrationTests.this.meetups.saveAll(entities))
				.withMessageContaining("does not generate keys");
			assertThat(SimpleDynamoDownRepositoryIntegrationTests.this.requests.requests()).isEmpty();
		}

		@Test
		void emptyKeyIsRefused() {
			assertThatExceptionOfType(InvalidDataAccessApiUsageException.class)
				.isThrownBy(() -> SimpleDynamoDownRepositoryIntegrationTests.this.meetups.save(Meetup.of("", "Oslo")))
				.withMessageContaining("must not be empty");
			assertThat(SimpleDynamoDownRepositoryIntegrationTests.this.requests.requests(PutItemRequest.class)).isEmpty();
		}

	}

}
