package dev.dynamodown.sample.api;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import dev.dynamodown.KeyRange;
import dev.dynamodown.SortedKeyValueTemplate;
import dev.dynamodown.sample.RawHttp;
import dev.dynamodown.sample.SampleAppTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keys in the URL path, over real HTTP with a client that sends the path exactly as written
 * ({@link RawHttp}): every key arrives intact when percent-encoded in its one segment; whatever
 * is refused is an RFC 9457 problem detail and writes nothing, under no key at all. Bodies and
 * batches are bounded.
 */
@SampleAppTest
class KeyPathTests {

	/** The API's documented bound on bodies: 1 MiB. */
	private static final int MAX_BODY = 1024 * 1024;

	private final JsonMapper json = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Autowired
	SortedKeyValueTemplate<String> notes;

	RawHttp http;

	@BeforeEach
	void client() {
		this.http = new RawHttp(this.port);
	}

	@ParameterizedTest
	@ValueSource(strings = { "a;b", "a/b", "50%", "%2F", "..", ".", "../x", "a?b", "a#b", "with space", "😀 non-BMP 𝄞",
			"back\\slash", "all;/%?#.. 😀" })
	void everyPercentEncodedKeyArrivesIntact(String key) throws Exception {
		Set<String> before = keys();
		String path = "/api/notes/" + encode(key);

		RawHttp.Response put = this.http.send("PUT", path, this.json.writeValueAsString("value of " + key));
		assertThat(put.status()).as(put.body()).isEqualTo(200);
		assertThat(this.json.readTree(put.body()).get("key").asString()).isEqualTo(key);
		RawHttp.Response get = this.http.send("GET", path, null);
		assertThat(get.status()).as(get.body()).isEqualTo(200);
		assertThat(this.json.readTree(get.body()).get("value").asString()).isEqualTo("value of " + key);
		assertThat(this.notes.get(key)).contains("value of " + key);
		assertThat(keys()).as("only that key was written").isEqualTo(union(before, key));

		assertThat(this.http.send("DELETE", path, null).status()).isEqualTo(204);
		assertThat(keys()).isEqualTo(before);
	}

	@Test
	void aRawSemicolonIsRefusedNotCutOff() throws Exception {
		Set<String> before = keys();
		expectProblem(this.http.send("PUT", "/api/notes/semi;colon", "\"x\""), 400, "must be percent-encoded (%3B)");
		expectProblem(this.http.send("GET", "/api/notes/semi;colon", null), 400, "must be percent-encoded (%3B)");
		assertThat(keys()).isEqualTo(before);
		assertThat(this.notes.get("semi")).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "/api/notes/..", "/api/notes/.", "/api/notes/./x" })
	void rawDotSegmentsAreRefused(String path) throws Exception {
		Set<String> before = keys();
		RawHttp.Response answer = this.http.send("PUT", path, "\"x\"");
		assertThat(answer.status()).isIn(400, 404);
		assertProblem(answer, answer.status());
		assertThat(keys()).isEqualTo(before);
	}

	@ParameterizedTest
	@ValueSource(strings = { "%zz", "%FF", "%C3%28", "%00", "a%2", "%E2%82" })
	void whatTomcatRefusesIsAProblemDetailNotAnHtmlPage(String segment) throws Exception {
		Set<String> before = keys();
		expectProblem(this.http.send("PUT", "/api/notes/" + segment, "\"x\""), 400, "");
		expectProblem(this.http.send("GET", "/api/notes/" + segment, null), 400, "");
		assertThat(keys()).isEqualTo(before);
	}

	@Test
	void bodiesAreBounded() throws Exception {
		Set<String> before = keys();
		String big = this.json.writeValueAsString("x".repeat(MAX_BODY));
		expectProblem(this.http.send("PUT", "/api/notes/too-big", big), 413, "at most 1048576");
		expectProblem(this.http.send("POST", "/api/notes/batch", "{\"operations\": [{\"op\": \"put\", \"key\": \"too-big\", "
				+ "\"value\": " + big + "}]}"), 413, "at most 1048576");
		expectProblem(this.http.sendChunked("PUT", "/api/notes/chunked", "\"x\""), 411, "Content-Length");
		assertThat(keys()).isEqualTo(before);
		// just under the bound is read, and refused by the store for the item size, not for the body
		String fits = this.json.writeValueAsString("x".repeat(MAX_BODY - 2));
		expectProblem(this.http.send("PUT", "/api/notes/large", fits), 400, "bytes");
	}

	@Test
	void aBatchCarriesAtMost100Operations() throws Exception {
		Set<String> before = keys();
		expectProblem(this.http.send("POST", "/api/notes/batch", batchOfPuts("many:", 101)), 400,
				"at most 100 operations, was 101");
		assertThat(keys()).isEqualTo(before);

		RawHttp.Response hundred = this.http.send("POST", "/api/notes/batch", batchOfPuts("many:", 100));
		assertThat(hundred.status()).as(hundred.body()).isEqualTo(200);
		assertThat(this.json.readTree(hundred.body()).get("applied").asInt()).isEqualTo(100);
		assertThat(this.notes.clear(KeyRange.prefix("many:"))).isEqualTo(100);
	}

	private String batchOfPuts(String prefix, int count) {
		List<String> operations = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			operations.add("{\"op\": \"put\", \"key\": \"" + prefix + i + "\", \"value\": \"v\"}");
		}
		return "{\"operations\": [" + String.join(", ", operations) + "]}";
	}

	private void expectProblem(RawHttp.Response answer, int status, String detailPart) {
		assertProblem(answer, status);
		assertThat(this.json.readTree(answer.body()).get("detail").asString()).contains(detailPart);
	}

	private void assertProblem(RawHttp.Response answer, int status) {
		assertThat(answer.status()).as(answer.body()).isEqualTo(status);
		assertThat(answer.contentType()).as(answer.body()).startsWith("application/problem+json");
		JsonNode problem = this.json.readTree(answer.body());
		assertThat(problem.get("status").asInt()).isEqualTo(status);
		assertThat(problem.has("detail")).isTrue();
	}

	private Set<String> keys() {
		try (Stream<String> keys = this.notes.keys(KeyRange.all())) {
			return new HashSet<>(keys.toList());
		}
	}

	private static Set<String> union(Set<String> keys, String key) {
		Set<String> union = new HashSet<>(keys);
		union.add(key);
		return union;
	}

	/** What a client sends for a key: its UTF-8 bytes, every byte but the unreserved ones as %XX. */
	static String encode(String key) {
		ByteArrayOutputStream encoded = new ByteArrayOutputStream();
		for (byte b : key.getBytes(StandardCharsets.UTF_8)) {
			int c = b & 0xFF;
			if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_'
					|| c == '~') {
				encoded.write(c);
			}
			else {
				encoded.writeBytes(String.format("%%%02X", c).getBytes(StandardCharsets.US_ASCII));
			}
		}
		return encoded.toString(StandardCharsets.US_ASCII);
	}

}
