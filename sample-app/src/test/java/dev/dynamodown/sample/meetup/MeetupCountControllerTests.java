package dev.dynamodown.sample.meetup;

import java.util.Map;

import dev.dynamodown.SortedKeyValueTemplate;
import dev.dynamodown.sample.SampleAppTest;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.json.JsonCompareMode;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /api/meetup-counts} over real HTTP: the count is cached in DynamoDB (namespace
 * {@code cache:meetup-counts}, with its expiry time), so a meetup added afterwards does not
 * change the answer until the entry expires.
 */
@SampleAppTest
class MeetupCountControllerTests {

	@Autowired
	RestTestClient http;

	@Autowired
	SortedKeyValueTemplate<Meetup> meetups;

	@Autowired
	DynamoDbClient client;

	@Test
	void answersFromTheCacheUntilTheEntryExpires() {
		this.meetups.put("test:count:1", new Meetup("CountJS", "https://example.org/count"));
		count("test:count:", 1);
		this.meetups.put("test:count:2", new Meetup("CountJS 2", "https://example.org/count2"));
		count("test:count:", 1);
		assertThat(this.meetups.count(dev.dynamodown.KeyRange.prefix("test:count:"))).isEqualTo(2);
		Map<String, AttributeValue> cached = this.client.getItem((r) -> r.tableName("dynamodown-sample")
			.consistentRead(true)
			.key(Map.of("ns", AttributeValue.fromS("cache:meetup-counts"), "k", AttributeValue.fromS("s:test:count:"))))
			.item();
		assertThat(cached).containsEntry("value", AttributeValue.fromN("1")).containsKey("expires");
	}

	private void count(String prefix, long expected) {
		this.http.get().uri("/api/meetup-counts?prefix=" + prefix).exchange().expectStatus().isOk()
			.expectBody().json("{\"prefix\": \"" + prefix + "\", \"count\": " + expected + "}", JsonCompareMode.STRICT);
	}

}
