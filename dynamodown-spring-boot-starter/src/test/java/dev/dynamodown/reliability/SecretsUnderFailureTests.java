package dev.dynamodown.reliability;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.dynamodown.AtomicBatchException;
import dev.dynamodown.BatchWriteException;
import dev.dynamodown.DynamoDownException;
import dev.dynamodown.KeyRange;
import dev.dynamodown.SharedDynalite;
import dev.dynamodown.SortedKeyValueTemplate;
import dev.dynamodown.TableSchemaException;
import dev.dynamodown.autoconfigure.DynamoDbClientBuilderCustomizer;
import dev.dynamodown.autoconfigure.DynamoDownProperties;
import dev.dynamodown.health.DynamoDownHealthIndicator;
import dev.dynamodown.reliability.TogglingProxy.Mode;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
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
import org.springframework.context.annotation.Bean;
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

	private static final String SESSION_ACCESS_KEY = "ASIARELIABILITY00002";

	private static final String TOKEN = "IQoJb3JpZ2luX2VjEJr//////////wEaCXVzLWVhc3QtMSJHMEUCIQD+Starter0Session1Token2==";

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

	/**
	 * The endpoint refuses the signature and its answer echoes the request's secrets (session
	 * token, access key id, signature) plus a principal ARN and a secret-shaped string. None of it
	 * reaches an exception (whole chain), the health JSON, or a log event that dynamodown or Spring
	 * Boot writes, with every logger at TRACE. The AWS SDK's and the Apache client's own events
	 * are transcripts of the exchange, outside dynamodown's reach: the SDK's signer logs the
	 * canonical request (session token included) at DEBUG, its retry strategy the raw exception,
	 * and the wire log every byte. They are left out of the search, and shown to hold the token
	 * (so the logging was real and the search means something). The secret key is sent nowhere
	 * and appears nowhere.
	 */
	@Test
	void noSessionTokenAccessKeyIdOrSignatureLeavesWhenTheEndpointEchoesThem(CapturedOutput output) {
		String table = SharedDynalite.uniqueTable("secrets-signature");
		SharedDynalite.createTable(table);
		List<Throwable> failures = new ArrayList<>();
		try (TogglingProxy proxy = new TogglingProxy(SharedDynalite.endpoint())) {
			proxy.switchTo(Mode.SIGNATURE_ERROR);
			try (ConfigurableApplicationContext context = application(proxy, table, false)
				.sources(Application.class, SessionCredentials.class)
				.properties("dynamodown.create-tables=true")
				.run()) {
				@SuppressWarnings("unchecked")
				SortedKeyValueTemplate<String> notes = context.getBean("notes", SortedKeyValueTemplate.class);
				failures.add(expect(DynamoDownException.class, () -> notes.get("a")));
				failures.add(expect(DynamoDownException.class, () -> notes.put("a", "x")));
				failures.add(expect(DynamoDownException.class, () -> notes.count(KeyRange.all())));
				failures.add(expect(DynamoDownException.class, () -> notes.batch((batch) -> batch.put("b", "y"))));
				Health health = context.getBean("dynamodownHealthContributor", HealthIndicator.class).health();
				assertThat(health.getStatus()).isEqualTo(Status.DOWN);
				String json = JsonMapper.builder().build().writeValueAsString(health);
				assertThat(json).contains("InvalidSignatureException");
				assertNoSecret(json, "health JSON");
				// with no table to check the indicator asks ListTables, whose failure it reports itself
				Health noTables = new DynamoDownHealthIndicator(context.getBean(DynamoDbClient.class), List.of(),
						Duration.ofSeconds(2)).health();
				String noTablesJson = JsonMapper.builder().build().writeValueAsString(noTables);
				assertThat(noTablesJson).contains("DOWN", "InvalidSignatureException");
				assertNoSecret(noTablesJson, "health JSON without tables");
			}
			failures.add(expect(RuntimeException.class, () -> application(proxy, table, true)
				.sources(Application.class, SessionCredentials.class)
				.run()
				.close()));
		}
		for (Throwable failure : failures) {
			assertNoSecret(stackTrace(failure), failure.getClass().getSimpleName() + " with its causes");
			assertNoSecret(messages(failure), "messages of " + failure.getClass().getSimpleName());
		}
		// One log event per element: an event starts with its time (logback-test.xml's pattern) and
		// may span lines (stack traces, the signer's canonical request).
		List<String> events = List.of(output.getAll().split("(?m)^(?=\\d{2}:\\d{2}:\\d{2}\\.\\d{3} )"));
		List<String> transcripts = events.stream().filter(SecretsUnderFailureTests::isTranscript).toList();
		assertThat(transcripts).as("the SDK's and the wire log ran").anyMatch((event) -> event.contains(TOKEN))
			.anyMatch((event) -> event.contains("InvalidSignatureException"))
			.anyMatch((event) -> event.contains("org.apache.hc.client5.http.wire"));
		assertThat(events).as("logging at TRACE ran").anyMatch((event) -> event.contains(" TRACE "));
		assertThat(events).anyMatch((event) -> event.contains("dynamodown tables not usable"))
			.anyMatch((event) -> event.contains("Application run failed"));
		for (String event : events) {
			if (!isTranscript(event)) {
				assertNoSecret(event, "log event");
			}
		}
		assertThat(output.getAll()).doesNotContain(SECRET);
	}

	private static void assertNoSecret(String text, String what) {
		assertThat(text).as(what)
			.doesNotContain(TOKEN)
			.doesNotContain(TOKEN.substring(0, 40))
			.doesNotContain(SESSION_ACCESS_KEY)
			.doesNotContain(TogglingProxy.PLANTED_SECRET)
			.doesNotContain(SECRET)
			.doesNotContain("assumed-role/app")
			.doesNotContainPattern("Signature=[0-9a-f]{64}");
	}

	/** An event of the AWS SDK's or the Apache HTTP client's own loggers (full names: logback-test.xml). */
	private static boolean isTranscript(String event) {
		String[] fields = event.split(" +", 4);
		return fields.length > 2 && (fields[2].startsWith("software.amazon.awssdk.") || fields[2].startsWith("org.apache.hc."));
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

	/** Temporary credentials, so that requests carry a session token. */
	@Configuration(proxyBeanMethods = false)
	static class SessionCredentials {

		@Bean
		DynamoDbClientBuilderCustomizer sessionCredentials() {
			return (builder) -> builder.credentialsProvider(
					StaticCredentialsProvider.create(AwsSessionCredentials.create(SESSION_ACCESS_KEY, SECRET, TOKEN)));
		}

	}

}
