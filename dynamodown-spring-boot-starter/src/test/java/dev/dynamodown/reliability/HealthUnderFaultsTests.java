package dev.dynamodown.reliability;

import java.time.Duration;
import java.util.Map;

import dev.dynamodown.SharedDynalite;
import dev.dynamodown.SortedKeyValueTemplate;
import dev.dynamodown.autoconfigure.DynamoDownAutoConfiguration;
import dev.dynamodown.autoconfigure.health.DynamoDownHealthContributorAutoConfiguration;
import dev.dynamodown.reliability.TogglingProxy.Mode;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.autoconfigure.contributor.HealthContributorAutoConfiguration;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The auto-configured {@code dynamodown} health contributor while the endpoint fails and heals:
 * a {@link TogglingProxy} in front of dynalite switches between forwarding, black-holing
 * (accepts, never answers) and refusing connections. DOWN comes within the indicator's bound
 * (about one timeout), and UP comes back as soon as the endpoint does, with no stale pooled
 * connection in the way; the stores work again too.
 */
class HealthUnderFaultsTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(1);

	/** One timeout per check plus room for a starved machine; the endpoint-never-answers bound. */
	private static final Duration BOUND = TIMEOUT.plusSeconds(3);

	@Test
	void downWithinItsBoundWhileTheEndpointBlackHolesOrRefusesAndUpAgainWhenItComesBack() {
		String table = SharedDynalite.uniqueTable("health-faults");
		String other = SharedDynalite.uniqueTable("health-faults-other");
		SharedDynalite.createTable(table);
		SharedDynalite.createTable(other);
		try (TogglingProxy proxy = new TogglingProxy(SharedDynalite.endpoint())) {
			new ApplicationContextRunner()
				.withConfiguration(AutoConfigurations.of(DynamoDownAutoConfiguration.class,
						DynamoDownHealthContributorAutoConfiguration.class, HealthContributorAutoConfiguration.class))
				.withPropertyValues("dynamodown.endpoint=" + proxy.endpoint(), "dynamodown.region=us-east-1",
						"dynamodown.credentials.access-key=health-access-key",
						"dynamodown.credentials.secret-key=health-secret-key", "dynamodown.table=" + table,
						"dynamodown.namespaces.notes.value-type=java.lang.String",
						"dynamodown.namespaces.others.table=" + other, "dynamodown.health.timeout=" + TIMEOUT.toMillis() + "ms")
				.run((context) -> {
					HealthIndicator health = context.getBean("dynamodownHealthContributor", HealthIndicator.class);
					@SuppressWarnings("unchecked")
					SortedKeyValueTemplate<String> notes = context.getBean("notes", SortedKeyValueTemplate.class);
					assertUp(health, table, other);
					notes.put("before", "the faults");

					proxy.switchTo(Mode.BLACK_HOLE);
					Health blackHoled = timedHealth(health, "black hole");
					assertThat(blackHoled.getStatus()).isEqualTo(Status.DOWN);
					assertThat(tables(blackHoled).get(table)).containsEntry("status", "UNREACHABLE")
						.containsEntry("reason", "no answer within " + TIMEOUT.toMillis() + " ms");
					assertThat(tables(blackHoled).get(other)).containsEntry("status", "UNREACHABLE");

					proxy.switchTo(Mode.FORWARD);
					assertUp(health, table, other);

					proxy.switchTo(Mode.REFUSE);
					Health refused = timedHealth(health, "refused");
					assertThat(refused.getStatus()).isEqualTo(Status.DOWN);
					assertThat(tables(refused).get(table)).containsEntry("status", "UNREACHABLE");
					assertThat(refused.toString()).doesNotContain("health-secret-key");

					proxy.switchTo(Mode.BLACK_HOLE);
					assertThat(timedHealth(health, "black hole again").getStatus()).isEqualTo(Status.DOWN);
					proxy.switchTo(Mode.FORWARD);
					assertUp(health, table, other);
					assertThat(notes.get("before")).contains("the faults");
					notes.put("after", "the faults");
					assertThat(notes.get("after")).contains("the faults");
				});
		}
	}

	private static void assertUp(HealthIndicator health, String... tables) {
		Health up = health.health();
		assertThat(up.getStatus()).as("health after the endpoint came back: %s", up).isEqualTo(Status.UP);
		for (String table : tables) {
			assertThat(tables(up).get(table)).containsEntry("status", "READY");
		}
	}

	private static Health timedHealth(HealthIndicator indicator, String situation) {
		long start = System.nanoTime();
		Health health = indicator.health();
		Duration took = Duration.ofNanos(System.nanoTime() - start);
		System.out.println("[health] " + situation + ": " + health.getStatus() + " after " + took.toMillis() + " ms");
		assertThat(took).as("time to answer (%s)", situation).isLessThan(BOUND);
		return health;
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Map<String, String>> tables(Health health) {
		return (Map<String, Map<String, String>>) health.getDetails().get("tables");
	}

}
