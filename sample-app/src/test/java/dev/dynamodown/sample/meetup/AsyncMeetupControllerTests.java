package dev.dynamodown.sample.meetup;

import java.util.List;

import dev.dynamodown.SortedKeyValueTemplate;
import dev.dynamodown.sample.SampleAppTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.json.JsonCompareMode;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /api/async/meetups} over real HTTP: the asynchronous template the starter registers
 * ({@code meetupsAsync}) answers a {@code CompletableFuture} and streams a range's publisher as
 * NDJSON, reading what the blocking {@code meetups} template wrote.
 */
@SampleAppTest
class AsyncMeetupControllerTests {

	private final JsonMapper json = JsonMapper.builder().build();

	@Autowired
	RestTestClient http;

	@Autowired
	SortedKeyValueTemplate<Meetup> meetups;

	@Test
	void getsASeededMeetup() {
		this.http.get().uri("/api/async/meetups/brooklyn_js").exchange().expectStatus().isOk().expectBody().json("""
				{"key": "brooklyn_js", "value": {"name": "BrooklynJS", "url": "https://www.meetup.com/BrooklynJS/"}}""",
				JsonCompareMode.STRICT);
	}

	@Test
	void anAbsentMeetupIs404AndABadKey400() {
		this.http.get().uri("/api/async/meetups/test:async:absent").exchange().expectStatus().isNotFound()
			.expectBody().jsonPath("$.detail").isEqualTo("No meetup 'test:async:absent'");
		this.http.get().uri("/api/async/meetups/" + "k".repeat(1025)).exchange().expectStatus().isBadRequest()
			.expectBody().jsonPath("$.detail").value(String.class, (detail) -> assertThat(detail).contains("1024"));
	}

	@Test
	void streamsARangeAsNdjsonInKeyOrder() {
		this.meetups.put("test:async:b", new Meetup("B", "https://example.org/b"));
		this.meetups.put("test:async:a", new Meetup("A", "https://example.org/a"));
		this.meetups.put("test:async:c", new Meetup("C", "https://example.org/c"));
		String body = this.http.get().uri("/api/async/meetups?prefix=test:async:").exchange()
			.expectStatus().isOk()
			.expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_NDJSON)
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		List<JsonNode> lines = body.lines().map(this.json::readTree).toList();
		assertThat(lines).extracting((line) -> line.at("/key").asString())
			.containsExactly("test:async:a", "test:async:b", "test:async:c");
		assertThat(lines.get(0).at("/value/name").asString()).isEqualTo("A");
	}

}
