package dev.dynamodown.autoconfigure;

import dev.dynamodown.DynamoDownOptions;

/**
 * Callback to customize the {@link DynamoDownOptions} of the auto-configured
 * {@code DynamoDown} after the {@code dynamodown.batch.*} properties and the listener beans are
 * applied. Customizers run in {@link org.springframework.core.Ordered order}.
 */
@FunctionalInterface
public interface DynamoDownOptionsCustomizer {

	/**
	 * Customizes the options.
	 * @param options the builder of the options
	 */
	void customize(DynamoDownOptions.Builder options);

}
