package dev.dynamodown.data;

import java.util.List;
import java.util.Map;

import dev.dynamodown.DynamoDown;
import dev.dynamodown.KeyRange;
import dev.dynamodown.KeyValue;
import dev.dynamodown.SortedKeyValueOperations;
import dev.dynamodown.ValueCodec;
import dev.dynamodown.data.sample.ArchivedMeetup;
import dev.dynamodown.data.sample.ArchivedMeetupRepository;
import dev.dynamodown.data.sample.Meetup;
import dev.dynamodown.data.sample.MeetupRepository;
import dev.dynamodown.data.sample.Note;
import dev.dynamodown.data.sample.NoteRepository;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Where repositories keep their entities: the namespace named by {@code @KeySpace} (or the class
 * name) in the default table or the {@code @DynamoDownTable}, laid out as {@code ValueCodec.json}
 * lays out values, so that templates and repositories share data.
 */
@RepositoryIntegrationTest
class NamespaceSharingIntegrationTests {

	@Autowired
	MeetupRepository meetups;

	@Autowired
	NoteRepository notes;

	@Autowired
	ArchivedMeetupRepository archive;

	@Autowired
	DynamoDown dynamoDown;

	private SortedKeyValueOperations<Meetup> template;

	@BeforeEach
	void clear() {
		this.meetups.deleteAll();
		this.notes.deleteAll();
		this.archive.deleteAll();
		this.template = this.dynamoDown.template(TestDynamoDb.TABLE, "meetups", ValueCodec.json(Meetup.class));
	}

	@Test
	void templateReadsWhatTheRepositoryWrote() {
		this.meetups.save(new Meetup("nyc", "NYC JS", "New York", 120));
		assertThat(this.template.get("nyc")).contains(new Meetup(null, "NYC JS", "New York", 120));
		assertThat(this.template.list(KeyRange.all())).extracting(KeyValue::key).containsExactly("nyc");
	}

	@Test
	void repositoryReadsWhatTheTemplateWrote() {
		this.template.put("ber", new Meetup(null, "Berlin JS", "Berlin", 80));
		this.template.put("osl", new Meetup("ignored", "Oslo JS", "Oslo", 40));
		assertThat(this.meetups.findAll()).containsExactly(new Meetup("ber", "Berlin JS", "Berlin", 80),
				new Meetup("osl", "Oslo JS", "Oslo", 40));
		this.template.delete("ber");
		assertThat(this.meetups.existsById("ber")).isFalse();
	}

	@Test
	void theKeyIsNotStoredAsAnAttribute() {
		this.meetups.save(new Meetup("nyc", "NYC JS", "New York", 120));
		Map<String, AttributeValue> item = this.dynamoDown
			.template(TestDynamoDb.TABLE, "meetups", ValueCodec.attributes())
			.get("nyc")
			.orElseThrow();
		assertThat(item).containsOnlyKeys("name", "city", "members");
		assertThat(item.get("members").n()).isEqualTo("120");
	}

	@Test
	void twoEntityTypesInOneTableStayApart() {
		this.meetups.save(new Meetup("same-key", "m", "Oslo", 1));
		this.notes.save(new Note("same-key", "n", List.of()));
		assertThat(this.meetups.findAll()).extracting(Meetup::name).containsExactly("m");
		assertThat(this.notes.findAll()).extracting(Note::getText).containsExactly("n");
		assertThat(this.meetups.count()).isEqualTo(1);
		this.notes.deleteAll();
		assertThat(this.meetups.findById("same-key")).isPresent();
		assertThat(this.dynamoDown.template(TestDynamoDb.TABLE, "note", ValueCodec.attributes()).count(KeyRange.all()))
			.isZero();
	}

	@Test
	void dynamoDownTableOverridesTheDefaultTable() {
		this.archive.save(new ArchivedMeetup("old", "archived"));
		this.meetups.save(new Meetup("old", "current", "Oslo", 1));
		assertThat(this.archive.findById("old")).map(ArchivedMeetup::name).contains("archived");
		assertThat(this.meetups.findById("old")).map(Meetup::name).contains("current");
		assertThat(this.dynamoDown.template(TestDynamoDb.ARCHIVE_TABLE, "meetups", ValueCodec.attributes()).get("old"))
			.hasValueSatisfying((item) -> assertThat(item.get("name").s()).isEqualTo("archived"));
	}

}
