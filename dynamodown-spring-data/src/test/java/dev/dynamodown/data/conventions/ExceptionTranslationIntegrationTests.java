package dev.dynamodown.data.conventions;

import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import dev.dynamodown.BatchOperation;
import dev.dynamodown.BatchWriteException;
import dev.dynamodown.DynamoDownException;
import dev.dynamodown.data.FailingRequests;
import dev.dynamodown.data.sample.Meetup;
import dev.dynamodown.data.sample.MeetupRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.InvalidDataAccessApiUsageException;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Repository calls fail with Spring's {@code DataAccessException}s, the dynamodown exception as
 * the cause, also where Spring Data KeyValue's template would let it through: {@code count()}
 * and a stream that fails while it is read. Requests are made to fail on a real client
 * ({@link FailingRequests}) against the shared dynalite server.
 */
@SpringJUnitConfig(ConventionsTestConfiguration.class)
@TestPropertySource(properties = "dynamodown.table=repositories")
class ExceptionTranslationIntegrationTests {

	@Autowired
	MeetupRepository meetups;

	@Autowired
	FailingRequests failing;

	@BeforeEach
	void clear() {
		this.meetups.deleteAll();
	}

	@AfterEach
	void reset() {
		this.failing.reset();
	}

	@Test
	void anUnreachableEndpointIsAResourceFailureWithTheDynamoDownExceptionAsCause() {
		this.meetups.save(Meetup.of("a", "Oslo"));
		this.failing.failWhen((request) -> true);
		assertThatExceptionOfType(DataAccessResourceFailureException.class)
			.isThrownBy(() -> this.meetups.save(Meetup.of("b", "Rome")))
			.withCauseInstanceOf(DynamoDownException.class);
		assertThatExceptionOfType(DataAccessResourceFailureException.class).isThrownBy(() -> this.meetups.count());
		assertThatExceptionOfType(DataAccessResourceFailureException.class)
			.isThrownBy(() -> this.meetups.findByKeyStartingWith("a"));
	}

	@Test
	void aStreamThatFailsWhileItIsReadFailsTranslated() {
		this.meetups.saveAll(IntStream.range(0, 5).mapToObj((i) -> Meetup.of("s" + i, "Oslo")).toList());
		try (Stream<Meetup> stream = this.meetups.streamByKeyStartingWith("s")) {
			this.failing.failWhen(QueryRequest.class::isInstance);
			assertThatExceptionOfType(DataAccessResourceFailureException.class).isThrownBy(stream::toList)
				.withCauseInstanceOf(DynamoDownException.class);
		}
	}

	@Test
	void aBatchThatLeftWritesUnappliedKeepsTheExactListOnItsCause() {
		List<Meetup> entities = IntStream.range(0, 30).mapToObj((i) -> Meetup.of("m%02d".formatted(i), "Oslo")).toList();
		this.failing.failWhen(FailingRequests.batchPutting("m29"));
		DataAccessException failure = catchThrowableOfType(DataAccessException.class,
				() -> this.meetups.saveAll(entities));
		assertThat(failure).isInstanceOf(DataAccessResourceFailureException.class)
			.cause()
			.isInstanceOf(BatchWriteException.class);
		List<String> unapplied = ((BatchWriteException) failure.getCause()).unapplied()
			.stream()
			.map(BatchOperation::key)
			.toList();
		assertThat(unapplied).containsExactlyElementsOf(
				IntStream.range(25, 30).mapToObj("m%02d"::formatted).toList());
		this.failing.reset();
		assertThat(this.meetups.count()).isEqualTo(25);
	}

	@Test
	void aBadEntityIsInvalidApiUsage() {
		assertThatExceptionOfType(InvalidDataAccessApiUsageException.class)
			.isThrownBy(() -> this.meetups.save(Meetup.of("", "Oslo")))
			.withCauseInstanceOf(IllegalArgumentException.class);
	}

}
