package dev.dynamodown.sample;

import dev.dynamodown.dynalite.DynaliteServer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With the {@code aws} profile, health details are shown to authorized users only: an anonymous
 * caller sees the status, not the tables, their states or the endpoint. The profile's endpoint
 * is replaced by a dynalite (the rest of the profile as it is), and the health is asked over
 * real HTTP.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "dynamodown.create-tables=true", "dynamodown.credentials.access-key=aws-profile-test",
				"dynamodown.credentials.secret-key=aws-profile-test" })
@ActiveProfiles("aws")
class AwsProfileTests {

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void dynalite(DynamicPropertyRegistry properties) {
		properties.add("dynamodown.endpoint", () -> DynaliteServer.shared().endpoint().toString());
	}

	@Test
	void healthShowsNoDetailsToAnAnonymousCaller() throws Exception {
		RawHttp http = new RawHttp(this.port);
		JsonMapper json = JsonMapper.builder().build();

		RawHttp.Response health = http.send("GET", "/actuator/health", null);
		assertThat(health.status()).as(health.body()).isEqualTo(200);
		JsonNode body = json.readTree(health.body());
		assertThat(body.get("status").asString()).isEqualTo("UP");
		assertThat(body.has("components")).as(health.body()).isFalse();
		assertThat(health.body()).doesNotContain("dynamodown-sample", "127.0.0.1");

		// components are hidden with the details: the contributor's own path is not found
		RawHttp.Response dynamodown = http.send("GET", "/actuator/health/dynamodown", null);
		assertThat(dynamodown.status()).as(dynamodown.body()).isEqualTo(404);
		assertThat(dynamodown.body()).doesNotContain("tables", "dynamodown-sample");
	}

}
