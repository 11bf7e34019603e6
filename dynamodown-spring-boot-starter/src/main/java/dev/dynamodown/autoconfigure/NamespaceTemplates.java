package dev.dynamodown.autoconfigure;

import dev.dynamodown.DynamoDown;
import dev.dynamodown.Sharding;
import dev.dynamodown.SortedKeyValueTemplate;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ListableBeanFactory;

/**
 * The factory method behind each {@code dynamodown.namespaces} bean (see
 * {@link DynamoDownNamespacesRegistrar}). A static method named in the bean definition, rather
 * than an instance supplier, so that Spring AOT can generate the code that calls it; its
 * {@link DynamoDown} parameter makes the container create the store first and close it last.
 */
final class NamespaceTemplates {

	/** The name of {@link #template}, as bean definitions refer to it. */
	static final String FACTORY_METHOD = "template";

	private NamespaceTemplates() {
	}

	/**
	 * Creates the template of one configured namespace.
	 * @param table the table
	 * @param namespace the hash-key value
	 * @param valueType the value type, which picks the codec
	 * @param shards the number of shards the namespace is spread over
	 * @param consistentReads whether its reads are strongly consistent, {@code null} for the
	 * {@code DynamoDown}'s setting
	 * @param dynamoDown the context's store factory
	 * @param beanFactory where the application's Jackson mapper is looked up, if JSON is needed
	 * @return the template
	 */
	static <V> SortedKeyValueTemplate<V> template(String table, String namespace, Class<V> valueType, int shards,
			@Nullable Boolean consistentReads, DynamoDown dynamoDown, ListableBeanFactory beanFactory) {
		SortedKeyValueTemplate<V> template = dynamoDown.template(table, namespace,
				NamespaceCodecs.forValueType(valueType, beanFactory), Sharding.shards(shards));
		return (consistentReads != null) ? template.withConsistentReads(consistentReads) : template;
	}

}
