package dev.dynamodown.data.autoconfigure;

import dev.dynamodown.DynamoDown;
import dev.dynamodown.ValueCodec;
import dev.dynamodown.autoconfigure.DynamoDbClientBuilderCustomizer;
import dev.dynamodown.autoconfigure.DynamoDownAutoConfiguration;
import dev.dynamodown.data.RequestLog;
import dev.dynamodown.data.sample.ArchivedMeetup;
import dev.dynamodown.data.sample.ArchivedMeetupRepository;
import dev.dynamodown.data.sample.Meetup;
import dev.dynamodown.data.sample.MeetupRepository;
import dev.dynamodown.data.sample.SamplePackage;
import dev.dynamodown.dynalite.DynaliteServer;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The starter and this module together, as an application has them: the starter's
 * {@code DynamoDbClient} and {@code DynamoDown}, its {@code dynamodown.table}, and repositories in
 * the application's package.
 */
class DynamoDownRepositoriesWithStarterIntegrationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DynamoDownAutoConfiguration.class,
				DynamoDownRepositoriesAutoConfiguration.class, DynamoDownRepositoryTablesAutoConfiguration.class))
		.withUserConfiguration(SamplePackage.class, RequestLogConfiguration.class)
		.withPropertyValues("dynamodown.endpoint=" + DynaliteServer.shared().endpoint(), "dynamodown.region=us-east-1",
				"dynamodown.credentials.access-key=test", "dynamodown.credentials.secret-key=test",
				"dynamodown.table=starter-repositories", "dynamodown.create-tables=true",
				"sample.archive-table=starter-archive");

	@Test
	void repositoriesUseTheStartersDynamoDownAndDefaultTable() {
		this.runner.run((context) -> {
			assertThat(context).hasNotFailed().hasSingleBean(MeetupRepository.class);
			MeetupRepository meetups = context.getBean(MeetupRepository.class);
			meetups.save(new Meetup("boot", "Spring Boot", "Oslo", 7));
			assertThat(context.getBean(RequestLog.class).requests(PutItemRequest.class)).singleElement()
				.satisfies((put) -> assertThat(put.tableName()).isEqualTo("starter-repositories"));
			assertThat(context.getBean(DynamoDown.class)
				.template("starter-repositories", "meetups", ValueCodec.json(Meetup.class))
				.get("boot")).contains(new Meetup(null, "Spring Boot", "Oslo", 7));
			ArchivedMeetupRepository archive = context.getBean(ArchivedMeetupRepository.class);
			archive.save(new ArchivedMeetup("old", "archived"));
			assertThat(archive.findById("old")).isPresent();
		});
	}

	@Test
	void repositoriesNeedNoApache5ClientWhenTheApplicationBringsItsOwnClient() {
		this.runner.withClassLoader(new FilteredClassLoader(Apache5HttpClient.class))
			.withUserConfiguration(UrlConnectionClient.class)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				MeetupRepository meetups = context.getBean(MeetupRepository.class);
				meetups.save(new Meetup("own-client", "Own client", "Lyon", 3));
				assertThat(meetups.findById("own-client")).contains(new Meetup("own-client", "Own client", "Lyon", 3));
			});
	}

	@Configuration(proxyBeanMethods = false)
	static class UrlConnectionClient {

		@Bean
		DynamoDbClient dynamoDbClient() {
			return DynamoDbClient.builder()
				.httpClientBuilder(UrlConnectionHttpClient.builder())
				.endpointOverride(DynaliteServer.shared().endpoint())
				.region(Region.US_EAST_1)
				.credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
				.build();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class RequestLogConfiguration {

		@Bean
		RequestLog requestLog() {
			return new RequestLog();
		}

		@Bean
		DynamoDbClientBuilderCustomizer requestLogCustomizer(RequestLog requestLog) {
			return (builder) -> builder.overrideConfiguration((override) -> override.addExecutionInterceptor(requestLog));
		}

	}

}
