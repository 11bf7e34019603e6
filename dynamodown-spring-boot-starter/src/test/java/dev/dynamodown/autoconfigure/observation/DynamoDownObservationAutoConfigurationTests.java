package dev.dynamodown.autoconfigure.observation;

import java.util.List;

import dev.dynamodown.Meetup;
import dev.dynamodown.SharedDynalite;
import dev.dynamodown.SortedKeyValueTemplate;
import dev.dynamodown.autoconfigure.DynamoDownAutoConfiguration;
import dev.dynamodown.autoconfigure.metrics.DynamoDownMetricsAutoConfiguration;
import dev.dynamodown.observation.ObservationDynamoDownListener;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import io.micrometer.tracing.handler.DefaultTracingObservationHandler;
import io.micrometer.tracing.test.simple.SimpleSpan;
import io.micrometer.tracing.test.simple.SimpleTracer;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Operations of the auto-configured templates against dynalite are observed: timers with only
 * Spring Boot's metrics, spans with a tracer, and what a {@link TestObservationRegistry} sees.
 */
class DynamoDownObservationAutoConfigurationTests {

	private final String table = SharedDynalite.uniqueTable("observed");

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ObservationAutoConfiguration.class, MetricsAutoConfiguration.class,
				CompositeMeterRegistryAutoConfiguration.class, SimpleMetricsExportAutoConfiguration.class,
				DynamoDownObservationAutoConfiguration.class, DynamoDownMetricsAutoConfiguration.class,
				DynamoDownAutoConfiguration.class))
		.withPropertyValues(SharedDynalite.properties())
		.withPropertyValues("dynamodown.table=" + this.table, "dynamodown.create-tables=true",
				"dynamodown.namespaces.meetups.value-type=dev.dynamodown.Meetup");

	@Test
	void withOnlyMetricsOperationsAreTimersTaggedWithoutTheNamespace() {
		this.contextRunner.run((context) -> {
			useTheStore(context);
			MeterRegistry meters = context.getBean(MeterRegistry.class);
			Timer puts = meters.get("dynamodown.operations")
				.tags("table", this.table, "operation", "put", "outcome", "success")
				.timer();
			assertThat(puts.count()).isEqualTo(1);
			assertThat(meters.get("dynamodown.operations")
				.tags("table", this.table, "operation", "get", "outcome", "error")
				.timer()
				.count()).isEqualTo(1);
			assertThat(meters.get("dynamodown.operations").timers())
				.allSatisfy((timer) -> assertThat(timer.getId().getTag("namespace")).isNull());
		});
	}

	@Test
	void aPropertyMakesTheNamespaceATag() {
		this.contextRunner.withPropertyValues("dynamodown.observations.low-cardinality-namespace=true")
			.run((context) -> {
				useTheStore(context);
				assertThat(context.getBean(MeterRegistry.class)
					.get("dynamodown.operations")
					.tags("table", this.table, "namespace", "meetups", "operation", "put")
					.timer()
					.count()).isEqualTo(1);
			});
	}

	@Test
	void withTracingOperationsAreSpansOfTheCurrentObservation() {
		SimpleTracer tracer = new SimpleTracer();
		this.contextRunner.withBean(ObservationHandler.class, () -> new DefaultTracingObservationHandler(tracer))
			.run((context) -> {
				ObservationRegistry registry = context.getBean(ObservationRegistry.class);
				Observation request = Observation.start("http.server.requests", registry);
				try (Observation.Scope scope = request.openScope()) {
					useTheStore(context);
				}
				request.stop();
				List<SimpleSpan> spans = tracer.getSpans()
					.stream()
					.filter((span) -> span.getName().startsWith("dynamodown"))
					.toList();
				assertThat(spans).extracting(SimpleSpan::getName)
					.containsExactly("dynamodown put " + this.table, "dynamodown get " + this.table);
				SimpleSpan requestSpan = tracer.getSpans()
					.stream()
					.filter((span) -> span.getName().equals("http.server.requests"))
					.findFirst()
					.orElseThrow();
				assertThat(spans).allSatisfy((span) -> {
					assertThat(span.getParentId()).isEqualTo(requestSpan.getSpanId());
					assertThat(span.getTags()).containsEntry("namespace", "meetups").containsEntry("table", this.table);
				});
				assertThat(spans.get(1).getError()).isInstanceOf(IllegalArgumentException.class);
			});
	}

	@Test
	void aTestObservationRegistrySeesEveryOperation() {
		TestObservationRegistry registry = TestObservationRegistry.create();
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(DynamoDownObservationAutoConfiguration.class,
					DynamoDownAutoConfiguration.class))
			.withPropertyValues(SharedDynalite.properties())
			.withPropertyValues("dynamodown.table=" + this.table, "dynamodown.create-tables=true",
					"dynamodown.namespaces.meetups.value-type=dev.dynamodown.Meetup")
			.withBean(ObservationRegistry.class, () -> registry)
			.run((context) -> {
				assertThat(context).hasSingleBean(ObservationDynamoDownListener.class);
				useTheStore(context);
				TestObservationRegistryAssert.assertThat(registry)
					.hasNumberOfObservationsWithNameEqualTo("dynamodown.operations", 2)
					.hasAnObservation((observation) -> observation.hasLowCardinalityKeyValue("operation", "put")
						.hasLowCardinalityKeyValue("table", this.table)
						.hasLowCardinalityKeyValue("outcome", "success")
						.hasHighCardinalityKeyValue("namespace", "meetups"));
			});
	}

	@Test
	void noListenerWithoutAnObservationRegistryOrWithoutMicrometer() {
		ApplicationContextRunner offline = new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(DynamoDownObservationAutoConfiguration.class,
					DynamoDownAutoConfiguration.class))
			.withPropertyValues("dynamodown.endpoint=http://127.0.0.1:1", "dynamodown.region=us-east-1");
		offline.run((context) -> assertThat(context).hasNotFailed()
			.doesNotHaveBean(ObservationDynamoDownListener.class));
		offline.withClassLoader(new FilteredClassLoader("io.micrometer"))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean("observationDynamoDownListener"));
	}

	/** One put, and one get refused as bad input. */
	@SuppressWarnings("unchecked")
	private static void useTheStore(ApplicationContext context) {
		SortedKeyValueTemplate<Meetup> meetups = context.getBean("meetups", SortedKeyValueTemplate.class);
		meetups.put("nyc-js", new Meetup("NYC JS", 1200));
		assertThatIllegalArgumentException().isThrownBy(() -> meetups.get(""));
	}

}
