package dev.dynamodown.autoconfigure;

import dev.dynamodown.DynamoDown;
import dev.dynamodown.SortedKeyValueTemplate;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ListableBeanFactory;
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
 * A bean the application already defines under the same name wins. Each template is
 * created from the context's {@link DynamoDown} after the tables are prepared.
 */
final class DynamoDownNamespacesRegistrar implements ImportBeanDefinitionRegistrar {

	private static final Log logger = LogFactory.getLog(DynamoDownNamespacesRegistrar.class);

	private final Environment environment;

	private final BeanFactory beanFactory;

	DynamoDownNamespacesRegistrar(Environment environment, BeanFactory beanFactory) {
		this.environment = environment;
		this.beanFactory = beanFactory;
	}

	@Override
	public void registerBeanDefinitions(AnnotationMetadata importingClassMetadata, BeanDefinitionRegistry registry) {
		DynamoDownProperties properties = Binder.get(this.environment)
			.bindOrCreate(DynamoDownProperties.PREFIX, DynamoDownProperties.class);
		properties.getNamespaces().forEach((name, namespace) -> {
			if (registry.containsBeanDefinition(name)) {
				logger.debug("Not registering a template for namespace '" + name
						+ "': the application defines a bean of that name");
				return;
			}
			String table = properties.tableOf(name);
			String hashKey = StringUtils.hasText(namespace.getNamespace()) ? namespace.getNamespace() : name;
			Class<?> valueType = namespace.getValueType();
			Assert.state(valueType != null, () -> "'" + DynamoDownProperties.PREFIX + ".namespaces." + name
					+ ".value-type' must not be empty");
			registry.registerBeanDefinition(name, templateDefinition(table, hashKey, valueType));
		});
	}

	private RootBeanDefinition templateDefinition(String table, String namespace, Class<?> valueType) {
		RootBeanDefinition definition = new RootBeanDefinition(SortedKeyValueTemplate.class);
		definition.setTargetType(ResolvableType.forClassWithGenerics(SortedKeyValueTemplate.class, valueType));
		definition.setInstanceSupplier(() -> createTemplate(table, namespace, valueType));
		return definition;
	}

	private SortedKeyValueTemplate<?> createTemplate(String table, String namespace, Class<?> valueType) {
		ListableBeanFactory beans = (ListableBeanFactory) this.beanFactory;
		// Tables are created (or verified) before the first template can be used.
		beans.getBeanProvider(DynamoDownTableInitializer.class).ifAvailable((initializer) -> {
		});
		DynamoDown dynamoDown = beans.getBean(DynamoDown.class);
		return dynamoDown.template(table, namespace, NamespaceCodecs.forValueType(valueType, beans));
	}

}
