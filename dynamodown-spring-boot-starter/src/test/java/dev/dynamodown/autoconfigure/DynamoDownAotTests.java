package dev.dynamodown.autoconfigure;

import java.io.IOException;
import java.util.function.Consumer;

import dev.dynamodown.AsyncDynamoDown;
import dev.dynamodown.AsyncSortedKeyValueTemplate;
import dev.dynamodown.DynamoDown;
import dev.dynamodown.Meetup;
import dev.dynamodown.SortedKeyValueTemplate;
import dev.dynamodown.ValueCodec;
import org.junit.jupiter.api.Test;

import org.springframework.aot.generate.ClassNameGenerator;
import org.springframework.aot.generate.DefaultGenerationContext;
import org.springframework.aot.generate.GeneratedFiles;
import org.springframework.aot.generate.GenerationContext;
import org.springframework.aot.generate.InMemoryGeneratedFiles;
import org.springframework.aot.hint.MemberCategory;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ContextConsumer;
import org.springframework.context.aot.ApplicationContextAotGenerator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.javapoet.ClassName;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Spring AOT processing of contexts with dynamodown's auto-configuration: the namespaces'
 * templates are processed (no instance supplier) and the library registers the runtime hints a
 * native image needs, the value types' among them. The packaged sample runs in AOT mode in
 * {@code SampleAotJarIT}.
 */
class DynamoDownAotTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DynamoDownAutoConfiguration.class))
		.withPropertyValues("dynamodown.endpoint=http://127.0.0.1:1", "dynamodown.region=eu-west-3",
				"dynamodown.table=app-data");

	@Test
	void namespaceTemplatesAreProcessedAndTheirValueTypesBoundForJackson() {
		this.contextRunner
			.withPropertyValues("dynamodown.namespaces.meetups.value-type=dev.dynamodown.Meetup",
					"dynamodown.namespaces.notes.value-type=java.lang.String",
					"dynamodown.namespaces.notes.consistent-reads=false")
			.prepare(processAheadOfTime((hints) -> {
				assertThat(RuntimeHintsPredicates.reflection()
					.onType(Meetup.class)
					.withMemberCategories(MemberCategory.INVOKE_DECLARED_CONSTRUCTORS)).accepts(hints);
				assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(Meetup.class, "name")).accepts(hints);
			}));
	}

	@Test
	void theApplicationsTemplatesValueTypesAreBoundForJacksonToo() {
		this.contextRunner.withUserConfiguration(UserTemplate.class)
			.prepare(processAheadOfTime((hints) -> assertThat(
					RuntimeHintsPredicates.reflection().onMethodInvocation(Meetup.class, "memberCount"))
				.accepts(hints)));
	}

	@Test
	void theApplicationsAsyncTemplatesValueTypesAreBoundForJacksonToo() {
		this.contextRunner.withUserConfiguration(UserAsyncTemplate.class)
			.prepare(processAheadOfTime((hints) -> assertThat(
					RuntimeHintsPredicates.reflection().onMethodInvocation(Talk.class, "title"))
				.accepts(hints)));
	}

	@Test
	void namespaceAsyncTemplatesAreProcessedWithoutAnInstanceSupplier() {
		this.contextRunner.withPropertyValues("dynamodown.namespaces.meetups.value-type=dev.dynamodown.Meetup")
			.prepare((context) -> {
				DefaultGenerationContext generationContext = generationContext();
				new ApplicationContextAotGenerator().processAheadOfTime(
						(GenericApplicationContext) context.getSourceApplicationContext(), generationContext);
				generationContext.writeGeneratedContent();
				assertThat(generatedSources(generationContext)).contains("NamespaceTemplates.asyncTemplate(")
					.contains("NamespaceTemplates.template(");
			});
	}

	@Test
	void theDynaliteDistributionAndTheJacksonProbeAreRegistered() {
		RuntimeHints hints = new RuntimeHints();
		new DynamoDownRuntimeHints().registerHints(hints, getClass().getClassLoader());
		assertThat(RuntimeHintsPredicates.resource().forResource("dev/dynamodown/dynalite/dist/launcher.js"))
			.accepts(hints);
		assertThat(RuntimeHintsPredicates.resource().forResource("dev/dynamodown/dynalite/dist.index")).accepts(hints);
		assertThat(RuntimeHintsPredicates.reflection().onType(tools.jackson.databind.ObjectMapper.class)).accepts(hints);
	}

	private static ContextConsumer<AssertableApplicationContext> processAheadOfTime(
			Consumer<RuntimeHints> hints) {
		return (context) -> {
			GenerationContext generationContext = generationContext();
			new ApplicationContextAotGenerator().processAheadOfTime(
					(GenericApplicationContext) context.getSourceApplicationContext(), generationContext);
			hints.accept(generationContext.getRuntimeHints());
		};
	}

	private static DefaultGenerationContext generationContext() {
		return new DefaultGenerationContext(
				new ClassNameGenerator(ClassName.get("dev.dynamodown.aottest", "TestApplication")),
				new InMemoryGeneratedFiles());
	}

	/** The Java sources the generation produced, concatenated. */
	private static String generatedSources(DefaultGenerationContext generationContext) throws IOException {
		InMemoryGeneratedFiles files = (InMemoryGeneratedFiles) generationContext.getGeneratedFiles();
		StringBuilder sources = new StringBuilder();
		for (String path : files.getGeneratedFiles(GeneratedFiles.Kind.SOURCE).keySet()) {
			sources.append(files.getGeneratedFileContent(GeneratedFiles.Kind.SOURCE, path)).append('\n');
		}
		return sources.toString();
	}

	/** A value type that only an asynchronous template stores. */
	record Talk(String title) {
	}

	@Configuration(proxyBeanMethods = false)
	static class UserAsyncTemplate {

		@Bean
		AsyncSortedKeyValueTemplate<Talk> talks(AsyncDynamoDown asyncDynamoDown) {
			return asyncDynamoDown.template("app-data", "talks", ValueCodec.json(Talk.class));
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserTemplate {

		@Bean
		SortedKeyValueTemplate<Meetup> mine(DynamoDown dynamoDown) {
			return dynamoDown.template("app-data", "mine", ValueCodec.json(Meetup.class));
		}

	}

}
