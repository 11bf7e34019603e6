package dev.dynamodown.data.aot;

import dev.dynamodown.data.RepositoriesTestConfiguration;
import dev.dynamodown.data.repository.DynamoDownPartTreeQuery;
import dev.dynamodown.data.repository.SimpleDynamoDownRepository;
import dev.dynamodown.data.sample.Meetup;
import org.junit.jupiter.api.Test;

import org.springframework.aot.generate.ClassNameGenerator;
import org.springframework.aot.generate.DefaultGenerationContext;
import org.springframework.aot.generate.GenerationContext;
import org.springframework.aot.generate.InMemoryGeneratedFiles;
import org.springframework.aot.hint.MemberCategory;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.aot.ApplicationContextAotGenerator;
import org.springframework.javapoet.ClassName;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Spring AOT processing of a context with dynamodown repositories registers what a native image
 * needs: each entity bound for Jackson, the repository base class and the derived-query type.
 */
class DynamoDownRepositoryAotTests {

	@Test
	void entitiesRepositoriesAndQueriesGetRuntimeHints() {
		RuntimeHints hints = processAheadOfTime();
		assertThat(RuntimeHintsPredicates.reflection()
			.onType(Meetup.class)
			.withMemberCategories(MemberCategory.INVOKE_DECLARED_CONSTRUCTORS)).accepts(hints);
		assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(Meetup.class, "name")).accepts(hints);
		assertThat(RuntimeHintsPredicates.reflection()
			.onType(SimpleDynamoDownRepository.class)
			.withMemberCategories(MemberCategory.INVOKE_DECLARED_CONSTRUCTORS)).accepts(hints);
		assertThat(RuntimeHintsPredicates.reflection()
			.onType(DynamoDownPartTreeQuery.class)
			.withMemberCategories(MemberCategory.INVOKE_PUBLIC_CONSTRUCTORS)).accepts(hints);
	}

	private static RuntimeHints processAheadOfTime() {
		try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext()) {
			context.register(RepositoriesTestConfiguration.class);
			GenerationContext generationContext = new DefaultGenerationContext(
					new ClassNameGenerator(ClassName.get("dev.dynamodown.aottest", "TestApplication")),
					new InMemoryGeneratedFiles());
			new ApplicationContextAotGenerator().processAheadOfTime(context, generationContext);
			return generationContext.getRuntimeHints();
		}
	}

}
