package dev.dynamodown.data;

import dev.dynamodown.DynamoDown;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A client of the shared dynalite server that records its requests in a {@link RequestLog}
 * bean, and a {@link DynamoDown} whose tables exist, without Spring Boot.
 */
@Configuration(proxyBeanMethods = false)
public class TestDynamoDbConfiguration {

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
