package dev.dynamodown.data.repository.config;

import java.lang.annotation.Annotation;
import java.util.Collection;
import java.util.List;

import dev.dynamodown.DynamoDown;
import dev.dynamodown.data.DynamoDownTable;
import dev.dynamodown.data.core.DynamoDownKeyValueAdapter;
import dev.dynamodown.data.core.DynamoDownKeyValueTemplate;
import dev.dynamodown.data.mapping.DynamoDownMappingContext;
import dev.dynamodown.data.repository.DynamoDownRepositoryFactoryBean;
import dev.dynamodown.data.repository.SimpleDynamoDownRepository;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.RuntimeBeanReference;
import org.springframework.beans.factory.support.AbstractBeanDefinition;
import org.springframework.beans.factory.support.BeanDefinitionBuilder;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.data.keyvalue.annotation.KeySpace;
import org.springframework.data.keyvalue.repository.config.KeyValueRepositoryConfigurationExtension;
import org.springframework.data.repository.config.RepositoryConfigurationSource;

/**
 * Registers dynamodown repositories and, unless the context has beans of these names already:
 * <ul>
 * <li>{@value #MAPPING_CONTEXT_BEAN_NAME}, a {@link DynamoDownMappingContext} (default table from
 * {@code dynamodown.table});</li>
 * <li>{@value #TEMPLATE_BEAN_NAME}, a {@link DynamoDownKeyValueTemplate} over a
 * {@link DynamoDownKeyValueAdapter} on the context's {@link DynamoDown} bean (if
 * {@code keyValueTemplateRef} keeps its default).</li>
 * </ul>
 * In strict repository configuration (several Spring Data modules), entities annotated with
 * {@code @KeySpace} or {@code @DynamoDownTable} are dynamodown's.
 */
public class DynamoDownRepositoryConfigurationExtension extends KeyValueRepositoryConfigurationExtension {

	/** The name of the template bean registered unless present. */
	public static final String TEMPLATE_BEAN_NAME = "dynamoDownKeyValueTemplate";

	/** The name of the mapping context bean registered unless present. */
	public static final String MAPPING_CONTEXT_BEAN_NAME = "dynamoDownMappingContext";

	@Override
	public String getModuleName() {
		return "DynamoDown";
	}

	@Override
	protected String getModulePrefix() {
		return "dynamodown";
	}

	@Override
	public String getRepositoryFactoryBeanClassName() {
		return DynamoDownRepositoryFactoryBean.class.getName();
	}

	/** The base class the factory creates, also what Spring AOT registers for reflection. */
	@Override
	public String getRepositoryBaseClassName() {
		return SimpleDynamoDownRepository.class.getName();
	}

	@Override
	protected Collection<Class<? extends Annotation>> getIdentifyingAnnotations() {
		return List.of(KeySpace.class, DynamoDownTable.class);
	}

	@Override
	protected String getDefaultKeyValueTemplateRef() {
		return TEMPLATE_BEAN_NAME;
	}

	@Override
	protected String getMappingContextBeanRef() {
		return MAPPING_CONTEXT_BEAN_NAME;
	}

	@Override
	public void registerBeansForRoot(BeanDefinitionRegistry registry, RepositoryConfigurationSource configurationSource) {
		// Before the superclass, which would register a plain KeyValueMappingContext under this name.
		registerIfNotAlreadyRegistered(() -> {
			AbstractBeanDefinition mappingContext = BeanDefinitionBuilder
				.rootBeanDefinition(DynamoDownMappingContext.class)
				.setRole(BeanDefinition.ROLE_INFRASTRUCTURE)
				.getBeanDefinition();
			mappingContext.setSource(configurationSource.getSource());
			return mappingContext;
		}, registry, MAPPING_CONTEXT_BEAN_NAME, configurationSource);
		super.registerBeansForRoot(registry, configurationSource);
	}

	@Override
	protected AbstractBeanDefinition getDefaultKeyValueTemplateBeanDefinition(
			RepositoryConfigurationSource configurationSource) {
		AbstractBeanDefinition adapter = BeanDefinitionBuilder.rootBeanDefinition(DynamoDownKeyValueAdapter.class)
			.addConstructorArgValue(new RuntimeBeanReference(DynamoDown.class))
			.addConstructorArgReference(MAPPING_CONTEXT_BEAN_NAME)
			.getBeanDefinition();
		AbstractBeanDefinition template = BeanDefinitionBuilder.rootBeanDefinition(DynamoDownKeyValueTemplate.class)
			.addConstructorArgValue(adapter)
			.setRole(BeanDefinition.ROLE_SUPPORT)
			.getBeanDefinition();
		template.setSource(configurationSource.getSource());
		return template;
	}

}
