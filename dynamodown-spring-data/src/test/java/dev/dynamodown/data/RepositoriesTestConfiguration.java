package dev.dynamodown.data;

import dev.dynamodown.DynamoDown;
import dev.dynamodown.data.sample.MeetupRepository;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Repositories of the sample package over the shared dynalite server, without Spring Boot. */
@Configuration(proxyBeanMethods = false)
@EnableDynamoDownRepositories(basePackageClasses = MeetupRepository.class)
public class RepositoriesTestConfiguration {

	@Bean
	RequestLog requestLog() {
		return new RequestLog();
	}

	@Bean
	DynamoDbClient dynamoDbClient(RequestLog requestLog) {
		return TestDynamoDb.client(requestLog);
	}

	@Bean
	DynamoDown dynamoDown(DynamoDbClient dynamoDbClient) {
		return TestDynamoDb.dynamoDown(dynamoDbClient);
	}

}
