package dev.dynamodown.data.autoconfigure;

import java.util.List;

import dev.dynamodown.DynamoDown;
import dev.dynamodown.data.EnableDynamoDownRepositories;
import dev.dynamodown.data.RequestLog;
import dev.dynamodown.data.TestDynamoDb;
import dev.dynamodown.data.core.DynamoDownKeyValueTemplate;
import dev.dynamodown.data.mapping.DynamoDownMappingContext;
import dev.dynamodown.data.sample.ArchivedMeetup;
import dev.dynamodown.data.sample.ArchivedMeetupRepository;
import dev.dynamodown.data.sample.Meetup;
import dev.dynamodown.data.sample.MeetupRepository;
import dev.dynamodown.data.sample.NoteRepository;
import dev.dynamodown.data.sample.SamplePackage;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan.Filter;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.FilterType;

import static org.assertj.core.api.Assertions.assertThat;

class DynamoDownRepositoriesAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DynamoDownRepositoriesAutoConfiguration.class,
				DynamoDownRepositoryTablesAutoConfiguration.class))
		.withPropertyValues("dynamodown.table=" + TestDynamoDb.TABLE);

	@Test
	void registersTheRepositoriesOfTheApplicationPackage() {
		this.runner.withUserConfiguration(DynamoDbConfiguration.class, SamplePackage.class).run((context) -> {
			assertThat(context).hasSingleBean(MeetupRepository.class)
				.hasSingleBean(NoteRepository.class)
				.hasSingleBean(DynamoDownKeyValueTemplate.class)
				.hasSingleBean(DynamoDownMappingContext.class);
			MeetupRepository meetups = context.getBean(MeetupRepository.class);
			meetups.save(new Meetup("auto", "configured", "Oslo", 1));
			assertThat(meetups.findById("auto")).map(Meetup::name).contains("configured");
			meetups.deleteById("auto");
		});
	}

	@Test
	void backsOffWithoutDynamoDown() {
		this.runner.withUserConfiguration(SamplePackage.class)
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(MeetupRepository.class));
	}

	@Test
	void canBeSwitchedOff() {
		this.runner.withUserConfiguration(DynamoDbConfiguration.class, SamplePackage.class)
			.withPropertyValues("dynamodown.repositories.enabled=false")
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(MeetupRepository.class)
				.doesNotHaveBean(DynamoDownKeyValueTemplate.class));
	}

	@Test
	void backsOffWhenTheApplicationEnablesRepositoriesItself() {
		this.runner.withUserConfiguration(DynamoDbConfiguration.class, SamplePackage.class, NotesOnly.class)
			.run((context) -> assertThat(context).hasSingleBean(NoteRepository.class)
				.doesNotHaveBean(MeetupRepository.class));
	}

	@Test
	void createsTheTablesOfEntitiesWhenTablesAreCreatedAtStartup() {
		this.runner.withUserConfiguration(DynamoDbConfiguration.class, SamplePackage.class)
			.withPropertyValues("dynamodown.create-tables=true", "sample.archive-table=archive-created-at-startup")
			.run((context) -> {
				assertThat(context).hasSingleBean(RepositoryTablesInitializer.class);
				assertThat(tables(context)).contains("archive-created-at-startup");
				context.getBean(ArchivedMeetupRepository.class).save(new ArchivedMeetup("a", "archived"));
				assertThat(context.getBean(ArchivedMeetupRepository.class).findById("a")).isPresent();
			});
	}

	@Test
	void createsTheTablesOfExplicitlyEnabledRepositoriesToo() {
		this.runner.withUserConfiguration(DynamoDbConfiguration.class, ArchiveOnly.class)
			.withPropertyValues("dynamodown.embedded.enabled=true", "sample.archive-table=archive-of-enabled-repositories")
			.run((context) -> assertThat(tables(context)).contains("archive-of-enabled-repositories"));
	}

	@Test
	void aBeanThatUsesARepositoryWhileItIsCreatedFindsItsTable() {
		this.runner.withUserConfiguration(DynamoDbConfiguration.class, SamplePackage.class, ArchivesWhileCreated.class)
			.withPropertyValues("dynamodown.create-tables=true", "sample.archive-table=archive-used-while-starting")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBean(ArchivedMeetupRepository.class).findById("early")).isPresent();
			});
	}

	@Test
	void theTablesInitializerBacksOffForTheApplicationsOwn() {
		this.runner.withUserConfiguration(DynamoDbConfiguration.class, SamplePackage.class, OwnInitializer.class)
			.withPropertyValues("dynamodown.create-tables=true", "sample.archive-table=archive-own-initializer")
			.run((context) -> assertThat(context).getBean(RepositoryTablesInitializer.class)
				.isSameAs(context.getBean("ownInitializer")));
	}

	@Test
	void createsNoTableUnlessAsked() {
		this.runner.withUserConfiguration(DynamoDbConfiguration.class, SamplePackage.class)
			.withPropertyValues("sample.archive-table=archive-never-created")
			.run((context) -> {
				assertThat(context).doesNotHaveBean(RepositoryTablesInitializer.class);
				assertThat(tables(context)).doesNotContain("archive-never-created");
			});
	}

	private static List<String> tables(AssertableApplicationContext context) {
		return context.getBean(DynamoDown.class).client().listTables().tableNames();
	}

	@Configuration(proxyBeanMethods = false)
	static class DynamoDbConfiguration {

		@Bean
		DynamoDbClient dynamoDbClient() {
			return TestDynamoDb.client(new RequestLog());
		}

		@Bean
		DynamoDown dynamoDown(DynamoDbClient dynamoDbClient) {
			return TestDynamoDb.dynamoDown(dynamoDbClient);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class ArchivesWhileCreated {

		@Bean
		String archivedWhileCreated(ArchivedMeetupRepository archive) {
			archive.save(new ArchivedMeetup("early", "archived while the context starts"));
			return "archived";
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class OwnInitializer {

		@Bean
		RepositoryTablesInitializer ownInitializer(DynamoDown dynamoDown, DynamoDownMappingContext mappingContext,
				ConfigurableListableBeanFactory beanFactory) {
			return new RepositoryTablesInitializer(dynamoDown, mappingContext, beanFactory);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@EnableDynamoDownRepositories(basePackageClasses = NoteRepository.class,
			includeFilters = @Filter(type = FilterType.ASSIGNABLE_TYPE, classes = NoteRepository.class))
	static class NotesOnly {

	}

	@Configuration(proxyBeanMethods = false)
	@EnableDynamoDownRepositories(basePackageClasses = ArchivedMeetupRepository.class,
			includeFilters = @Filter(type = FilterType.ASSIGNABLE_TYPE, classes = ArchivedMeetupRepository.class))
	static class ArchiveOnly {

	}

}
