package dev.dynamodown.autoconfigure;

import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClientBuilder;

/**
 * Callback to customize the {@link DynamoDbAsyncClientBuilder} of the auto-configured
 * {@code DynamoDbAsyncClient} after the properties and connection details are applied.
 * Customizers run in {@link org.springframework.core.Ordered order}. The blocking client has its
 * own, {@link DynamoDbClientBuilderCustomizer}.
 */
@FunctionalInterface
public interface DynamoDbAsyncClientBuilderCustomizer {

	/**
	 * Customizes the builder.
	 * @param builder the builder
	 */
	void customize(DynamoDbAsyncClientBuilder builder);

}
