package dev.dynamodown.autoconfigure;

import dev.dynamodown.Sharding;
import dev.dynamodown.SortedKeyValueTemplate;
import dev.dynamodown.autoconfigure.NamespaceTemplates.Kind;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.ConstructorArgumentValues;
import org.springframework.beans.factory.support.AbstractBeanDefinition;
import org.springframework.beans.factory.support.BeanDefinitionOverrideException;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.ImportBeanDefinitionRegistrar;
import org.springframework.core.ResolvableType;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotationMetadata;
import org.springframework.util.Assert;
import org.springframework.util.StringUtils;

/**
 * Registers one {@link SortedKeyValueTemplate} bean per entry of
 * {@code dynamodown.namespaces}, named after the entry and typed
 * {@code SortedKeyValueTemplate<value-type>}, so that both
 * {@code @Autowired SortedKeyValueTemplate<Meetup> meetups} and
 * {@code @Qualifier("meetups")} resolve it. The namespaces are bound here, while bean
 * definitions are registered, because the beans' names and generic types come from them.
 * <p>
 * Each definition names a static factory method, {@link NamespaceTemplates#template}, with the
 * namespace's settings as arguments and the {@code DynamoDown} autowired: plain data that Spring
 * AOT turns into code (with AOT, the namespaces are therefore those configured at build time, as
 * for every bean definition). A bean the application defines under the same name is a clash, and
 * fails the startup naming both definitions, rather than silently replacing one by the other.
 * <p>
 * Each namespace gets one bean of each {@link Kind}, built by {@link #definition} with its own
 * factory method, bean name and bean type from the same settings: this registrar the blocking
 * templates, {@link Async} (imported where an asynchronous client can be built) the
 * asynchronous ones, {@code AsyncSortedKeyValueTemplate<value-type>} named {@code <name>Async}.
 */
class DynamoDownNamespacesRegistrar implements ImportBeanDefinitionRegistrar {

	private final Environment environment;

	DynamoDownNamespacesRegistrar(Environment environment) {
		this.environment = environment;
	}

	@Override
	public void registerBeanDefinitions(AnnotationMetadata importingClassMetadata, BeanDefinitionRegistry registry) {
		DynamoDownProperties properties = Binder.get(this.environment)
			.bindOrCreate(DynamoDownProperties.PREFIX, DynamoDownProperties.class);
		properties.getNamespaces().forEach((name, namespace) -> {
			String table = properties.tableOf(name);
			String hashKey = StringUtils.hasText(namespace.getNamespace()) ? namespace.getNamespace() : name;
			Class<?> valueType = namespace.getValueType();
			Assert.state(valueType != null, () -> "'" + DynamoDownProperties.PREFIX + ".namespaces." + name
					+ ".value-type' must not be empty");
			int shards = namespace.getShards();
			Assert.state(shards >= 1 && shards <= Sharding.MAX_SHARDS, () -> "'" + DynamoDownProperties.PREFIX
					+ ".namespaces." + name + ".shards' must be between 1 and " + Sharding.MAX_SHARDS + ", was " + shards);
			Kind kind = kind();
			register(registry, kind.beanName(name), definition(name, kind.factoryMethod(),
					ResolvableType.forClassWithGenerics(kind.templateType(), valueType), table, hashKey, valueType,
					shards, namespace.getConsistentReads()));
		});
	}

	/** The kind of template this registrar defines for each namespace. */
	Kind kind() {
		return Kind.BLOCKING;
	}

	private static RootBeanDefinition definition(String name, String factoryMethod, ResolvableType type,
			@Nullable Object... arguments) {
		RootBeanDefinition definition = new RootBeanDefinition(NamespaceTemplates.class);
		definition.setFactoryMethodName(factoryMethod);
		definition.setTargetType(type);
		definition.setAutowireMode(AbstractBeanDefinition.AUTOWIRE_CONSTRUCTOR);
		ConstructorArgumentValues values = definition.getConstructorArgumentValues();
		for (int i = 0; i < arguments.length; i++) {
			values.addIndexedArgumentValue(i, arguments[i]);
		}
		definition.setResourceDescription(
				"property '" + DynamoDownProperties.PREFIX + ".namespaces." + name + "' (dynamodown auto-configuration)");
		return definition;
	}

	private static void register(BeanDefinitionRegistry registry, String name, BeanDefinition definition) {
		if (registry.containsBeanDefinition(name)) {
			throw new BeanDefinitionOverrideException(name, definition, registry.getBeanDefinition(name));
		}
		registry.registerBeanDefinition(name, definition);
	}

	/** Registers the asynchronous template of each namespace, {@code <name>Async}. */
	static final class Async extends DynamoDownNamespacesRegistrar {

		Async(Environment environment) {
			super(environment);
		}

		@Override
		Kind kind() {
			return Kind.ASYNC;
		}

	}

}
