package dev.dynamodown.autoconfigure;

import dev.dynamodown.AsyncDynamoDown;
import dev.dynamodown.AsyncSortedKeyValueTemplate;
import dev.dynamodown.DynamoDown;
import dev.dynamodown.Sharding;
import dev.dynamodown.SortedKeyValueTemplate;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ListableBeanFactory;

/**
 * The factory methods behind the {@code dynamodown.namespaces} beans (see
 * {@link DynamoDownNamespacesRegistrar}), one per {@link Kind}. Static methods named in the bean
 * definitions, rather than instance suppliers, so that Spring AOT can generate the code that calls
 * them; their {@link DynamoDown} or {@link AsyncDynamoDown} parameter makes the container create
 * the store first and close it last.
 */
final class NamespaceTemplates {

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

	/**
	 * Creates the asynchronous template of one configured namespace: the same store as
	 * {@link #template}, with the same codec, shards and read consistency.
	 * @param table the table
	 * @param namespace the hash-key value
	 * @param valueType the value type, which picks the codec
	 * @param shards the number of shards the namespace is spread over
	 * @param consistentReads whether its reads are strongly consistent, {@code null} for the
	 * {@code AsyncDynamoDown}'s setting
	 * @param asyncDynamoDown the context's asynchronous store factory
	 * @param beanFactory where the application's Jackson mapper is looked up, if JSON is needed
	 * @return the template
	 */
	static <V> AsyncSortedKeyValueTemplate<V> asyncTemplate(String table, String namespace, Class<V> valueType,
			int shards, @Nullable Boolean consistentReads, AsyncDynamoDown asyncDynamoDown,
			ListableBeanFactory beanFactory) {
		AsyncSortedKeyValueTemplate<V> template = asyncDynamoDown.template(table, namespace,
				NamespaceCodecs.forValueType(valueType, beanFactory), Sharding.shards(shards));
		return (consistentReads != null) ? template.withConsistentReads(consistentReads) : template;
	}

	/**
	 * The beans a namespace gets: each kind's bean name, factory method and bean type.
	 */
	enum Kind {

		/** {@code SortedKeyValueTemplate<V>} named after the namespace. */
		BLOCKING("", "template", SortedKeyValueTemplate.class),

		/** {@code AsyncSortedKeyValueTemplate<V>} named {@code <name>Async}. */
		ASYNC("Async", "asyncTemplate", AsyncSortedKeyValueTemplate.class);

		private final String beanNameSuffix;

		private final String factoryMethod;

		private final Class<?> templateType;

		Kind(String beanNameSuffix, String factoryMethod, Class<?> templateType) {
			this.beanNameSuffix = beanNameSuffix;
			this.factoryMethod = factoryMethod;
			this.templateType = templateType;
		}

		String beanName(String namespace) {
			return namespace + this.beanNameSuffix;
		}

		/** The name of this kind's factory method, as bean definitions refer to it. */
		String factoryMethod() {
			return this.factoryMethod;
		}

		Class<?> templateType() {
			return this.templateType;
		}

	}

}
