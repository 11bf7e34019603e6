package dev.dynamodown.reliability;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

import dev.dynamodown.AtomicBatchException;
import dev.dynamodown.BatchWriteException;
import dev.dynamodown.DynamoDownException;
import dev.dynamodown.KeyRange;
import dev.dynamodown.SharedDynalite;
import dev.dynamodown.SortedKeyValueTemplate;
import dev.dynamodown.TableSchemaException;
import dev.dynamodown.autoconfigure.DynamoDownProperties;
import dev.dynamodown.reliability.TogglingProxy.Mode;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
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
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The secret key never shows, also when things go wrong and everything is logged: the
 * dynamodown, AWS SDK and Apache HTTP client loggers at TRACE (the wire log included), while
 * operations time out against a black hole, are refused, hit a missing table, fail a batch and an
 * atomic batch, the health turns DOWN and an application fails to start. Every exception (with its
 * causes), the captured output, the health JSON and the properties' {@code toString()} are
 * searched. (That dynalite listens on 127.0.0.1 only is tested by dynamodown-dynalite's
 * {@code DynaliteServerTests.listensOnLoopbackOnly}.)
 */
@ExtendWith(OutputCaptureExtension.class)
class SecretsUnderFailureTests {

	private static final String ACCESS_KEY = "AKIARELIABILITY00001";

	private static final String SECRET = "Rel1abil1tyS3cret/K7MDENG+bPxRfiCYEXAMPLEKEY";

	private static final String[] LOGGING = { "logging.level.dev.dynamodown=TRACE",
			"logging.level.software.amazon.awssdk=TRACE", "logging.level.org.apache.hc=TRACE" };

	@Test
	void theSecretKeyAppearsInNoExceptionLogLineHealthDetailOrProperty(CapturedOutput output) {
		String table = SharedDynalite.uniqueTable("secrets-faults");
		SharedDynalite.createTable(table);
		List<Throwable> failures = new ArrayList<>();
		try (TogglingProxy proxy = new TogglingProxy(SharedDynalite.endpoint());
				ConfigurableApplicationContext context = application(proxy, table, false).run()) {
			@SuppressWarnings("unchecked")
			SortedKeyValueTemplate<String> notes = context.getBean("notes", SortedKeyValueTemplate.class);
			@SuppressWarnings("unchecked")
			SortedKeyValueTemplate<String> gone = context.getBean("gone", SortedKeyValueTemplate.class);
			HealthIndicator health = context.getBean("dynamodownHealthContributor", HealthIndicator.class);

			notes.put("a", "signed and sent");
			notes.batch((batch) -> batch.put("b", "x").delete("c"));
			assertThat(notes.list(KeyRange.all())).hasSize(2);
			failures.add(expect(TableSchemaException.class, () -> gone.get("a")));
			failures.add(expect(AtomicBatchException.class, () -> notes.atomicBatch((batch) -> batch.put("d", "y"))));

			proxy.switchTo(Mode.BLACK_HOLE);
			failures.add(expect(DynamoDownException.class, () -> notes.get("a")));
			failures.add(expect(BatchWriteException.class, () -> notes.batch((batch) -> batch.put("e", "z"))));
			Health blackHoled = health.health();
			proxy.switchTo(Mode.REFUSE);
			failures.add(expect(DynamoDownException.class, () -> notes.putIfAbsent("f", "w")));
			failures.add(expect(DynamoDownException.class, () -> notes.count(KeyRange.all())));
			Health refused = health.health();
			failures.add(expect(RuntimeException.class, () -> application(proxy, table, true).run().close()));

			assertThat(List.of(blackHoled.getStatus(), refused.getStatus())).containsOnly(Status.DOWN);
			JsonMapper json = JsonMapper.builder().build();
			for (Health down : List.of(blackHoled, refused)) {
				assertThat(json.writeValueAsString(down)).doesNotContain(SECRET).doesNotContain(ACCESS_KEY);
			}
			DynamoDownProperties properties = context.getBean(DynamoDownProperties.class);
			assertThat(properties.toString()).doesNotContain(SECRET);
			assertThat(properties.getCredentials().toString()).doesNotContain(SECRET);
		}
		for (Throwable failure : failures) {
			assertThat(stackTrace(failure)).as("%s with its causes", failure.getClass().getSimpleName())
				.doesNotContain(SECRET);
			assertThat(messages(failure)).as("messages of %s", failure).doesNotContain(ACCESS_KEY);
		}
		// the logs are real: requests were logged down to the bytes on the wire, signature included
		assertThat(output.getOut()).contains("TRACE").contains("DescribeTable").contains("http-outgoing")
			.contains("Authorization");
		assertThat(output.getAll()).doesNotContain(SECRET);
	}

	private static SpringApplicationBuilder application(TogglingProxy proxy, String table, boolean checkAtStartup) {
		List<String> properties = new ArrayList<>(List.of("dynamodown.endpoint=" + proxy.endpoint(),
				"dynamodown.region=us-east-1", "dynamodown.credentials.access-key=" + ACCESS_KEY,
				"dynamodown.credentials.secret-key=" + SECRET, "dynamodown.table=" + table,
				"dynamodown.namespaces.notes.value-type=java.lang.String",
				"dynamodown.namespaces.gone.table=" + SharedDynalite.uniqueTable("absent"),
				"dynamodown.client.api-call-timeout=500ms", "dynamodown.health.timeout=500ms",
				"dynamodown.create-tables=" + checkAtStartup, "dynamodown.fail-fast=" + checkAtStartup,
				"dynamodown.startup-timeout=1s"));
		properties.addAll(List.of(LOGGING));
		return new SpringApplicationBuilder(Application.class).web(WebApplicationType.NONE)
			.properties(properties.toArray(String[]::new));
	}

	private static <T extends Throwable> Throwable expect(Class<T> type, ThrowingCallable call) {
		Throwable thrown = catchThrowable(call);
		assertThat(thrown).isInstanceOf(type);
		return thrown;
	}

	private static String stackTrace(Throwable failure) {
		StringWriter text = new StringWriter();
		failure.printStackTrace(new PrintWriter(text));
		return text.toString();
	}

	private static String messages(Throwable failure) {
		StringBuilder messages = new StringBuilder();
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			messages.append(cause.getMessage()).append('\n');
		}
		return messages.toString();
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class Application {

	}

}
