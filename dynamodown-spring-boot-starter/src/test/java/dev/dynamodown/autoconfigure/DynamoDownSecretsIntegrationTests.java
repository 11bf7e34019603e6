package dev.dynamodown.autoconfigure;

import dev.dynamodown.SharedDynalite;
import dev.dynamodown.SortedKeyValueTemplate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The secret key never shows: not in the health JSON, not in the logs at DEBUG, not in the
 * properties' {@code toString()}. A whole application runs here (logging system included),
 * against a real dynalite, with one table that exists and one that does not.
 */
@ExtendWith(OutputCaptureExtension.class)
class DynamoDownSecretsIntegrationTests {

	private static final String SECRET = "wJalrXUtnFEMI-K7MDENG-never-shown";

	@Test
	void theSecretKeyNeverAppears(CapturedOutput output) {
		String present = SharedDynalite.uniqueTable("secrets");
		String absent = SharedDynalite.uniqueTable("absent");
		SharedDynalite.createTable(present);
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(Application.class)
			.web(WebApplicationType.NONE)
			.properties("dynamodown.endpoint=" + SharedDynalite.endpoint(), "dynamodown.region=us-east-1",
					"dynamodown.credentials.access-key=AKIDSECRETSTEST", "dynamodown.credentials.secret-key=" + SECRET,
					"dynamodown.table=" + present, "dynamodown.namespaces.notes.value-type=java.lang.String",
					"dynamodown.namespaces.gone.table=" + absent, "logging.level.root=DEBUG")
			.run()) {
			@SuppressWarnings("unchecked")
			SortedKeyValueTemplate<String> notes = context.getBean("notes", SortedKeyValueTemplate.class);
			notes.put("note", "written with signed requests");
			assertThat(notes.get("note")).contains("written with signed requests");
			Health health = context.getBean("dynamodownHealthContributor", HealthIndicator.class).health();
			assertThat(health.getStatus()).isEqualTo(Status.DOWN);
			String json = JsonMapper.builder().build().writeValueAsString(health);
			assertThat(json).contains(present).contains(absent).contains("MISSING").doesNotContain(SECRET);
			assertThat(context.getBean(DynamoDownProperties.class).getCredentials().toString())
				.contains("AKIDSECRETSTEST")
				.doesNotContain(SECRET);
		}
		assertThat(output).contains("DescribeTable").contains("AKIDSECRETSTEST").doesNotContain(SECRET);
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class Application {

	}

}
