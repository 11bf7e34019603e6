package dev.dynamodown.autoconfigure;

import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;

/**
 * Callback to customize the {@link DynamoDbClientBuilder} of the auto-configured
 * {@code DynamoDbClient} after the properties and connection details are applied.
 * Customizers run in {@link org.springframework.core.Ordered order}.
 */
@FunctionalInterface
public interface DynamoDbClientBuilderCustomizer {

	/**
	 * Customizes the builder.
	 * @param builder the builder
	 */
	void customize(DynamoDbClientBuilder builder);

}
