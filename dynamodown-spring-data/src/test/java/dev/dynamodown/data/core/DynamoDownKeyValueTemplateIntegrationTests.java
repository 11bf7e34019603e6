package dev.dynamodown.data.core;

import java.util.List;

import dev.dynamodown.data.RepositoryIntegrationTest;
import dev.dynamodown.data.RequestLog;
import dev.dynamodown.data.sample.Meetup;
import dev.dynamodown.data.sample.Note;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.InvalidDataAccessApiUsageException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** What the template adds to Spring Data's {@code KeyValueTemplate}, and what it refuses. */
@RepositoryIntegrationTest
class DynamoDownKeyValueTemplateIntegrationTests {

	@Autowired
	DynamoDownKeyValueTemplate template;

	@Autowired
	RequestLog requests;

	@BeforeEach
	void clear() {
		this.template.delete(Meetup.class);
		this.template.delete(Note.class);
		this.requests.clear();
	}

	@Test
	void insertNeverGeneratesAKey() {
		assertThatExceptionOfType(InvalidDataAccessApiUsageException.class)
			.isThrownBy(() -> this.template.insert(new Meetup(null, "x", "y", 1)))
			.withMessageContaining("does not generate keys");
		assertThat(this.requests.requests()).isEmpty();
	}

	@Test
	void insertOfAnExistingKeyFails() {
		this.template.insert(Meetup.of("a", "Oslo"));
		assertThatExceptionOfType(DuplicateKeyException.class).isThrownBy(() -> this.template.insert(Meetup.of("a", "Rome")));
		assertThat(this.template.findById("a", Meetup.class)).map(Meetup::city).contains("Oslo");
	}

	@Test
	void badKeysAreInvalidApiUsage() {
		assertThatExceptionOfType(InvalidDataAccessApiUsageException.class).isThrownBy(() -> this.template.findById("", Meetup.class))
			.withMessageContaining("must not be empty");
		assertThatExceptionOfType(InvalidDataAccessApiUsageException.class).isThrownBy(() -> this.template.findById(42, Meetup.class))
			.withMessageContaining("must be a String");
	}

	@Test
	void updateAllWritesOneBatchPerNamespace() {
		this.template.updateAll(List.of(Meetup.of("a", "Oslo"), new Note("a", "text", List.of()), Meetup.of("b", "Oslo")));
		assertThat(this.requests.requests(BatchWriteItemRequest.class)).hasSize(2);
		assertThat(this.template.count(Meetup.class)).isEqualTo(2);
		assertThat(this.template.count(Note.class)).isEqualTo(1);
	}

	@Test
	void destroyingTheTemplateKeepsTheData() throws Exception {
		DynamoDownKeyValueTemplate other = new DynamoDownKeyValueTemplate(this.template.getKeyValueAdapter());
		other.update(Meetup.of("kept", "Oslo"));
		other.destroy();
		assertThat(this.template.findById("kept", Meetup.class)).isPresent();
	}

}
