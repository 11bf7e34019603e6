package dev.dynamodown.sample.api;

import java.util.List;

import dev.dynamodown.DynamoDown;
import dev.dynamodown.SortedKeyValueTemplate;
import dev.dynamodown.sample.SampleAppTest;
import dev.dynamodown.sample.meetup.Meetup;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.json.JsonCompareMode;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.test.web.servlet.client.RestTestClient.ResponseSpec;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The REST API over real HTTP, against the embedded dynalite. Each test writes keys under
 * a prefix of its own, so that the tests sharing the application do not see each other.
 */
@SampleAppTest
class StoreControllerTests {

	@Autowired
	RestTestClient http;

	@Autowired
	SortedKeyValueTemplate<Meetup> meetups;

	@Autowired
	SortedKeyValueTemplate<String> notes;

	@Autowired
	DynamoDbClient dynamoDb;

	@Autowired
	DynamoDown dynamoDown;

	ResponseSpec put(String path, String json) {
		return this.http.put().uri(path).contentType(MediaType.APPLICATION_JSON).body(json).exchange();
	}

	ResponseSpec get(String path) {
		return this.http.get().uri(path).exchange();
	}

	void expectProblem(ResponseSpec response, HttpStatus status, String detailPart) {
		response.expectStatus()
			.isEqualTo(status)
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.status").isEqualTo(status.value())
			.jsonPath("$.detail").value(String.class, (detail) -> assertThat(detail).contains(detailPart))
			.jsonPath("$.trace").doesNotExist();
	}

	@Nested
	class Entries {

		@Test
		void listsTheNamespaces() {
			get("/api").expectStatus().isOk().expectBody().json("""
					{"namespaces": ["meetups", "notes", "scratch"]}""", JsonCompareMode.STRICT);
		}

		@Test
		void seedsDynamoDownsMeetupsAtStartup() {
			get("/api/meetups?lt=r").expectStatus().isOk().expectBody().json("""
					{"items": [
					  {"key": "brooklyn_js", "value": {"name": "BrooklynJS", "url": "https://www.meetup.com/BrooklynJS/"}},
					  {"key": "jerseyscriptusa", "value": {"name": "JerseyScript", "url": "https://www.meetup.com/jerseyscriptusa/"}},
					  {"key": "manhattan_js", "value": {"name": "ManhattanJS", "url": "https://www.meetup.com/manhattan-javascript/"}},
					  {"key": "queens_js", "value": {"name": "QueensJS", "url": "https://www.meetup.com/QueensJS/"}}
					], "next": null}""", JsonCompareMode.STRICT);
		}

		@Test
		void putsAndGetsAMeetupThroughTheTypedTemplate() {
			put("/api/meetups/test:entries:boro_js", """
					{"name": "BoroJS", "url": "https://www.meetup.com/BoroJS/"}""")
				.expectStatus().isOk()
				.expectBody().json("""
					{"key": "test:entries:boro_js", "value": {"name": "BoroJS", "url": "https://www.meetup.com/BoroJS/"}}""",
						JsonCompareMode.STRICT);
			get("/api/meetups/test:entries:boro_js").expectStatus().isOk().expectBody()
				.jsonPath("$.value.name").isEqualTo("BoroJS");
			assertThat(StoreControllerTests.this.meetups.get("test:entries:boro_js"))
				.contains(new Meetup("BoroJS", "https://www.meetup.com/BoroJS/"));
		}

		@Test
		void putsAndGetsANote() {
			put("/api/notes/test:entries:milk", "\"buy milk\"").expectStatus().isOk();
			get("/api/notes/test:entries:milk").expectStatus().isOk().expectBody().json("""
					{"key": "test:entries:milk", "value": "buy milk"}""", JsonCompareMode.STRICT);
			assertThat(StoreControllerTests.this.notes.get("test:entries:milk")).contains("buy milk");
		}

		@Test
		void deletesAndDeletingAgainIsNoError() {
			put("/api/notes/test:entries:gone", "\"soon gone\"").expectStatus().isOk();
			StoreControllerTests.this.http.delete().uri("/api/notes/test:entries:gone").exchange()
				.expectStatus().isNoContent();
			StoreControllerTests.this.http.delete().uri("/api/notes/test:entries:gone").exchange()
				.expectStatus().isNoContent();
			expectProblem(get("/api/notes/test:entries:gone"), HttpStatus.NOT_FOUND,
					"No entry 'test:entries:gone' in namespace 'notes'");
		}

		@Test
		void acceptsAKeyOfExactly1024Utf8Bytes() {
			String key = "€".repeat(341) + "k";
			put("/api/notes/" + key, "\"long\"").expectStatus().isOk();
			assertThat(StoreControllerTests.this.notes.get(key)).contains("long");
		}

	}

	@Nested
	class EntryErrors {

		@Test
		void unknownNamespaceIs404() {
			expectProblem(get("/api/nope/any"), HttpStatus.NOT_FOUND, "No namespace 'nope'");
			expectProblem(get("/api/nope"), HttpStatus.NOT_FOUND, "No namespace 'nope'");
		}

		@Test
		void missingKeyIs404() {
			expectProblem(get("/api/notes/test:errors:absent"), HttpStatus.NOT_FOUND,
					"No entry 'test:errors:absent'");
		}

		@Test
		void emptyKeyIs400() {
			expectProblem(put("/api/notes/", "\"x\""), HttpStatus.BAD_REQUEST, "key");
			expectProblem(get("/api/notes/"), HttpStatus.BAD_REQUEST, "key");
		}

		@Test
		void keyOver1024Utf8BytesIs400BeforeAnyRequest() {
			expectProblem(put("/api/notes/" + "k".repeat(1025), "\"x\""), HttpStatus.BAD_REQUEST, "1024");
			// 342 characters, 1026 bytes: the limit is on UTF-8 bytes, not characters
			expectProblem(put("/api/notes/" + "€".repeat(342), "\"x\""), HttpStatus.BAD_REQUEST, "1024");
		}

		@Test
		void meetupWithoutUrlIs400() {
			expectProblem(put("/api/meetups/test:errors:no_url", "{\"name\": \"NoUrlJS\"}"), HttpStatus.BAD_REQUEST,
					"'url' must not be null");
			assertThat(StoreControllerTests.this.meetups.get("test:errors:no_url")).isEmpty();
		}

		@Test
		void bodyOfTheWrongShapeIs400() {
			expectProblem(put("/api/notes/test:errors:object", "{\"not\": \"a string\"}"), HttpStatus.BAD_REQUEST,
					"not a valid String");
			expectProblem(put("/api/meetups/test:errors:string", "\"just text\""), HttpStatus.BAD_REQUEST,
					"not a valid Meetup");
		}

		@Test
		void missingOrMalformedBodyIs400() {
			expectProblem(StoreControllerTests.this.http.put().uri("/api/notes/test:errors:empty").exchange(),
					HttpStatus.BAD_REQUEST, "must be a String in JSON");
			StoreControllerTests.this.http.put().uri("/api/notes/test:errors:broken")
				.contentType(MediaType.APPLICATION_JSON).body("{\"unclosed\": ").exchange()
				.expectStatus().isBadRequest()
				.expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		}

	}

	@Nested
	class Ranges {

		void putNotes(String prefix, int count) {
			for (int i = 1; i <= count; i++) {
				StoreControllerTests.this.notes.put(prefix + i, "note " + i);
			}
		}

		@Test
		void pagesForwardWithTheCursor() {
			putNotes("test:pages:", 5);
			get("/api/notes?prefix=test:pages:&limit=2").expectStatus().isOk().expectBody().json("""
					{"items": [{"key": "test:pages:1", "value": "note 1"}, {"key": "test:pages:2", "value": "note 2"}],
					 "next": "test:pages:2"}""", JsonCompareMode.STRICT);
			get("/api/notes?prefix=test:pages:&limit=2&gt=test:pages:2").expectStatus().isOk().expectBody().json("""
					{"items": [{"key": "test:pages:3", "value": "note 3"}, {"key": "test:pages:4", "value": "note 4"}],
					 "next": "test:pages:4"}""", JsonCompareMode.STRICT);
			get("/api/notes?prefix=test:pages:&limit=2&gt=test:pages:4").expectStatus().isOk().expectBody().json("""
					{"items": [{"key": "test:pages:5", "value": "note 5"}], "next": null}""", JsonCompareMode.STRICT);
		}

		@Test
		void aFullLastPageHasNoNext() {
			putNotes("test:full:", 2);
			get("/api/notes?prefix=test:full:&limit=2").expectStatus().isOk().expectBody()
				.jsonPath("$.items.length()").isEqualTo(2)
				.json("{\"next\": null}");
		}

		@Test
		void pagesBackwardWithTheCursorAsUpperBound() {
			putNotes("test:back:", 3);
			get("/api/notes?prefix=test:back:&reverse=true&limit=2").expectStatus().isOk().expectBody().json("""
					{"items": [{"key": "test:back:3", "value": "note 3"}, {"key": "test:back:2", "value": "note 2"}],
					 "next": "test:back:2"}""", JsonCompareMode.STRICT);
			get("/api/notes?prefix=test:back:&reverse=true&limit=2&lt=test:back:2").expectStatus().isOk()
				.expectBody().json("""
					{"items": [{"key": "test:back:1", "value": "note 1"}], "next": null}""", JsonCompareMode.STRICT);
		}

		@Test
		void inclusiveAndExclusiveBounds() {
			putNotes("test:bounds:", 4);
			get("/api/notes?gte=test:bounds:2&lte=test:bounds:3").expectStatus().isOk().expectBody()
				.jsonPath("$.items[*].key").isEqualTo(List.of("test:bounds:2", "test:bounds:3"));
			get("/api/notes?gt=test:bounds:1&lt=test:bounds:4").expectStatus().isOk().expectBody()
				.jsonPath("$.items[*].key").isEqualTo(List.of("test:bounds:2", "test:bounds:3"));
			get("/api/notes?gt=test:bounds:3&lt=test:bounds:2").expectStatus().isOk().expectBody()
				.jsonPath("$.items").isEmpty();
		}

		@Test
		void badRangesAre400() {
			expectProblem(get("/api/notes?gt=a&gte=b"), HttpStatus.BAD_REQUEST, "'gt' or 'gte'");
			expectProblem(get("/api/notes?lt=a&lte=b"), HttpStatus.BAD_REQUEST, "'lt' or 'lte'");
			expectProblem(get("/api/notes?limit=0"), HttpStatus.BAD_REQUEST, "'limit' must be between 1 and 100");
			expectProblem(get("/api/notes?limit=101"), HttpStatus.BAD_REQUEST, "'limit' must be between 1 and 100");
			expectProblem(get("/api/notes?gt="), HttpStatus.BAD_REQUEST, "gt");
			expectProblem(get("/api/notes?lte=" + "k".repeat(1025)), HttpStatus.BAD_REQUEST, "1024");
			get("/api/notes?limit=ten").expectStatus().isBadRequest()
				.expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		}

	}

	@Nested
	class Batches {

		ResponseSpec batch(String namespace, String json) {
			return StoreControllerTests.this.http.post().uri("/api/" + namespace + "/batch")
				.contentType(MediaType.APPLICATION_JSON).body(json).exchange();
		}

		@Test
		void appliesPutsAndDeletesInOrderAndReportsTheResult() {
			StoreControllerTests.this.notes.put("test:batch:old", "old");
			batch("notes", """
					{"operations": [
					  {"op": "put", "key": "test:batch:a", "value": "first"},
					  {"op": "put", "key": "test:batch:b", "value": "b"},
					  {"op": "delete", "key": "test:batch:old"},
					  {"op": "put", "key": "test:batch:a", "value": "last wins"}
					]}""")
				.expectStatus().isOk()
				.expectBody()
				// only the last operation on a key is sent: the first put of "a" is superseded
				.jsonPath("$.applied").isEqualTo(3)
				.jsonPath("$.requests").isEqualTo(1)
				.jsonPath("$.retries").isEqualTo(0);
			get("/api/notes?prefix=test:batch:").expectStatus().isOk().expectBody().json("""
					{"items": [{"key": "test:batch:a", "value": "last wins"}, {"key": "test:batch:b", "value": "b"}],
					 "next": null}""", JsonCompareMode.STRICT);
		}

		@Test
		void convertsEachValueToTheNamespacesType() {
			batch("meetups", """
					{"operations": [{"op": "put", "key": "test:batch:nodejs", "value":
					  {"name": "NodeJS NYC", "url": "https://www.meetup.com/nodejs/"}}]}""")
				.expectStatus().isOk();
			assertThat(StoreControllerTests.this.meetups.get("test:batch:nodejs"))
				.contains(new Meetup("NodeJS NYC", "https://www.meetup.com/nodejs/"));
		}

		@Test
		void aBatchDynamoDbRefusesIs503WithWhatMayNotHaveBeenApplied() {
			// A table that worked (so its key schema is known) disappears: DynamoDB refuses the write.
			put("/api/" + SampleAppTest.SCRATCH_NAMESPACE + "/before", "\"x\"").expectStatus().isOk();
			StoreControllerTests.this.dynamoDb.deleteTable((request) -> request.tableName(SampleAppTest.SCRATCH_TABLE));
			try {
				batch(SampleAppTest.SCRATCH_NAMESPACE, """
						{"operations": [
						  {"op": "put", "key": "a", "value": "x"},
						  {"op": "delete", "key": "b"}
						]}""")
					.expectStatus().isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
					.expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
					.expectBody()
					.jsonPath("$.title").isEqualTo("Batch not fully applied")
					.jsonPath("$.applied").isEqualTo(0)
					.jsonPath("$.detail").value(String.class, (detail) -> assertThat(detail).contains(SampleAppTest.SCRATCH_TABLE))
					.json("""
						{"unapplied": [{"op": "put", "key": "a"}, {"op": "delete", "key": "b"}]}""");
			}
			finally {
				StoreControllerTests.this.dynamoDown.createTableIfMissing(SampleAppTest.SCRATCH_TABLE);
			}
		}

		@Test
		void anInvalidOperationFailsTheBatchBeforeAnythingIsWritten() {
			expectProblem(batch("notes", """
					{"operations": [
					  {"op": "put", "key": "test:batch:never", "value": "x"},
					  {"op": "put", "key": "", "value": "empty key"}
					]}"""), HttpStatus.BAD_REQUEST, "operations[1]: 'key' must not be empty");
			expectProblem(batch("notes", """
					{"operations": [
					  {"op": "put", "key": "test:batch:never", "value": "x"},
					  {"op": "upsert", "key": "test:batch:never2", "value": "x"}
					]}"""), HttpStatus.BAD_REQUEST, "operations[1]: 'op' must be \"put\" or \"delete\", was upsert");
			expectProblem(batch("notes", """
					{"operations": [{"op": "put", "value": "x"}]}"""), HttpStatus.BAD_REQUEST,
					"operations[0]: 'key' must be given");
			expectProblem(batch("notes", """
					{"operations": [{"op": "put", "key": "test:batch:never"}]}"""), HttpStatus.BAD_REQUEST,
					"operations[0]: 'value' must be a String in JSON");
			expectProblem(batch("notes", "{\"operations\": []}"), HttpStatus.BAD_REQUEST,
					"'operations' must list at least one operation");
			assertThat(StoreControllerTests.this.notes.get("test:batch:never")).isEmpty();
		}

	}

	@Nested
	class Health {

		@Test
		void showsDynamoDownUp() {
			get("/actuator/health").expectStatus().isOk().expectBody()
				.jsonPath("$.status").isEqualTo("UP")
				.jsonPath("$.components.dynamodown.status").isEqualTo("UP");
		}

	}

}
