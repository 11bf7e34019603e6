package dev.dynamodown.sample.meetup;

import java.util.List;

import dev.dynamodown.SortedKeyValueTemplate;
import dev.dynamodown.sample.SampleAppTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.json.JsonCompareMode;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /api/repository/meetups} over real HTTP: the Spring Data repository and the
 * {@code meetups} template read and write the same items.
 */
@SampleAppTest
class MeetupRepositoryControllerTests {

	@Autowired
	RestTestClient http;

	@Autowired
	SortedKeyValueTemplate<Meetup> meetups;

	@Autowired
	MeetupRepository repository;

	@Test
	void listsTheSeededMeetupsAsEntities() {
		this.http.get().uri("/api/repository/meetups?prefix=brooklyn").exchange().expectStatus().isOk()
			.expectBody().json("""
					{"items": [{"key": "brooklyn_js", "name": "BrooklynJS", "url": "https://www.meetup.com/BrooklynJS/"}],
					 "next": null}""", JsonCompareMode.STRICT);
	}

	@Test
	void scrollsTenAtATimeOverWhatTheTemplateWrote() {
		for (int i = 0; i < 12; i++) {
			String number = String.format("%02d", i);
			this.meetups.put("test:repo:" + number, new Meetup("Meetup " + number, "https://example.org/" + number));
		}
		this.http.get().uri("/api/repository/meetups?prefix=test:repo:").exchange().expectStatus().isOk()
			.expectBody()
			.jsonPath("$.items.length()").isEqualTo(10)
			.jsonPath("$.items[0].key").isEqualTo("test:repo:00")
			.jsonPath("$.items[0].name").isEqualTo("Meetup 00")
			.jsonPath("$.next").isEqualTo("test:repo:09");
		this.http.get().uri("/api/repository/meetups?prefix=test:repo:&after=test:repo:09").exchange()
			.expectStatus().isOk()
			.expectBody()
			.jsonPath("$.items[*].key").isEqualTo(List.of("test:repo:10", "test:repo:11"))
			.json("{\"next\": null}");
	}

	@Test
	void theTemplateReadsWhatTheRepositorySaved() {
		this.repository.save(new MeetupEntity("test:repo:saved", "SavedJS", "https://example.org/saved"));
		assertThat(this.meetups.get("test:repo:saved")).contains(new Meetup("SavedJS", "https://example.org/saved"));
		this.http.get().uri("/api/meetups/test:repo:saved").exchange().expectStatus().isOk()
			.expectBody().json("""
					{"key": "test:repo:saved", "value": {"name": "SavedJS", "url": "https://example.org/saved"}}""",
					JsonCompareMode.STRICT);
	}

}
