package dev.dynamodown.autoconfigure;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;

/**
 * Makes the beans that use stores depend on the beans that prepare their tables, so that no
 * store is used before its table is created, whichever bean asks first: every bean of a
 * dependent type gets every bean of the initializer type in its {@code dependsOn}. The way
 * Spring Boot orders database initialization before the beans that use the database; being
 * bean definition metadata, the order survives Spring AOT.
 * <p>
 * The starter registers one for its {@code DynamoDownTableInitializer} and every
 * {@code SortedKeyValueOperations} and {@code AsyncSortedKeyValueOperations} bean (the
 * namespaces' and the application's own); the
 * repository module one for its tables and its {@code KeyValueTemplate}.
 */
public final class DependsOnTableInitialization implements BeanFactoryPostProcessor {

	private final Class<?> initializerType;

	private final List<Class<?>> dependentTypes;

	/**
	 * Creates the post-processor.
	 * @param initializerType the type of the beans that prepare tables
	 * @param dependentTypes the types of the beans that must wait for them
	 */
	public DependsOnTableInitialization(Class<?> initializerType, Class<?>... dependentTypes) {
		this.initializerType = Objects.requireNonNull(initializerType, "'initializerType' must not be null");
		this.dependentTypes = List.of(dependentTypes);
	}

	@Override
	public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
		String[] initializers = beanFactory.getBeanNamesForType(this.initializerType, true, false);
		if (initializers.length == 0) {
			return;
		}
		for (Class<?> dependentType : this.dependentTypes) {
			for (String dependent : beanFactory.getBeanNamesForType(dependentType, true, false)) {
				addDependsOn(beanFactory.getBeanDefinition(dependent), initializers);
			}
		}
	}

	private static void addDependsOn(BeanDefinition definition, String[] initializers) {
		Set<String> dependsOn = new LinkedHashSet<>();
		if (definition.getDependsOn() != null) {
			dependsOn.addAll(Arrays.asList(definition.getDependsOn()));
		}
		dependsOn.addAll(Arrays.asList(initializers));
		definition.setDependsOn(dependsOn.toArray(String[]::new));
	}

}
