package dev.dynamodown.data.autoconfigure;

import dev.dynamodown.DynamoDown;
import dev.dynamodown.SortedKeyValueTemplate;
import dev.dynamodown.ValueCodec;
import dev.dynamodown.data.TestDynamoDbConfiguration;
import dev.dynamodown.data.core.DynamoDownExceptionTranslator;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.dao.InvalidDataAccessApiUsageException;
import org.springframework.dao.InvalidDataAccessResourceUsageException;
import org.springframework.dao.annotation.PersistenceExceptionTranslationPostProcessor;
import org.springframework.stereotype.Repository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Code that uses a dynamodown template in a {@code @Repository} gets Spring's
 * {@code DataAccessException}s, through the auto-configured {@link DynamoDownExceptionTranslator}
 * and Spring's {@code @Repository} exception translation.
 */
class DynamoDownExceptionTranslationAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DynamoDownExceptionTranslationAutoConfiguration.class))
		.withUserConfiguration(NotesConfiguration.class);

	@Test
	void templateExceptionsInARepositoryAreDataAccessExceptions() {
		this.runner.run((context) -> {
			assertThat(context).hasSingleBean(DynamoDownExceptionTranslator.class);
			Notes notes = context.getBean(Notes.class);
			assertThatExceptionOfType(InvalidDataAccessResourceUsageException.class)
				.isThrownBy(() -> notes.read("any"))
				.withMessageContaining("does not exist");
			assertThatExceptionOfType(InvalidDataAccessApiUsageException.class).isThrownBy(() -> notes.read(""))
				.withCauseInstanceOf(IllegalArgumentException.class);
		});
	}

	@Test
	void backsOffForTheApplicationsTranslator() {
		this.runner.withBean("ownTranslator", DynamoDownExceptionTranslator.class)
			.run((context) -> assertThat(context).getBean(DynamoDownExceptionTranslator.class)
				.isSameAs(context.getBean("ownTranslator")));
	}

	@Configuration(proxyBeanMethods = false)
	@Import(TestDynamoDbConfiguration.class)
	static class NotesConfiguration {

		@Bean
		static PersistenceExceptionTranslationPostProcessor persistenceExceptionTranslationPostProcessor() {
			return new PersistenceExceptionTranslationPostProcessor();
		}

		@Bean
		Notes notes(DynamoDown dynamoDown) {
			return new Notes(dynamoDown.template("no-such-table", "notes", ValueCodec.string()));
		}

	}

	@Repository
	static class Notes {

		private final SortedKeyValueTemplate<String> notes;

		Notes(SortedKeyValueTemplate<String> notes) {
			this.notes = notes;
		}

		String read(String key) {
			return this.notes.get(key).orElse(null);
		}

	}

}
