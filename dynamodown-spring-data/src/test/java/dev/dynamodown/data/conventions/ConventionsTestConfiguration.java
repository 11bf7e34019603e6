package dev.dynamodown.data.conventions;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.dynamodown.DynamoDown;
import dev.dynamodown.data.EnableDynamoDownRepositories;
import dev.dynamodown.data.FailingRequests;
import dev.dynamodown.data.RequestLog;
import dev.dynamodown.data.TestDynamoDb;
import dev.dynamodown.data.sample.MeetupRepository;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.keyvalue.core.event.KeyValueEvent;

/**
 * The sample repositories over the shared dynalite server through a client whose requests can
 * be made to fail ({@link FailingRequests}), and every {@link KeyValueEvent} they publish.
 */
@Configuration(proxyBeanMethods = false)
@EnableDynamoDownRepositories(basePackageClasses = MeetupRepository.class)
class ConventionsTestConfiguration {

	@Bean
	RequestLog requestLog() {
		return new RequestLog();
	}

	@Bean
	FailingRequests failingRequests() {
		return new FailingRequests();
	}

	@Bean
	DynamoDbClient dynamoDbClient(RequestLog requestLog, FailingRequests failingRequests) {
		return TestDynamoDb.client(requestLog, failingRequests);
	}

	@Bean
	DynamoDown dynamoDown(DynamoDbClient dynamoDbClient) {
		return TestDynamoDb.dynamoDown(dynamoDbClient);
	}

	@Bean
	Events events() {
		return new Events();
	}

	/** The events published, in order. */
	static class Events implements ApplicationListener<KeyValueEvent<?>> {

		private final List<KeyValueEvent<?>> published = new CopyOnWriteArrayList<>();

		@Override
		public void onApplicationEvent(KeyValueEvent<?> event) {
			this.published.add(event);
		}

		List<String> describe() {
			// A key-based event's source is its key; a keyspace event's, its type.
			return this.published.stream().map((event) -> event.getClass().getSimpleName() + " " + event.getSource()).toList();
		}

		void clear() {
			this.published.clear();
		}

	}

}
