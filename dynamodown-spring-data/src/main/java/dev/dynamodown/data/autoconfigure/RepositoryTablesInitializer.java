package dev.dynamodown.data.autoconfigure;

import java.util.LinkedHashSet;
import java.util.Set;

import dev.dynamodown.DynamoDown;
import dev.dynamodown.data.mapping.DynamoDownMappingContext;
import dev.dynamodown.data.mapping.DynamoDownPersistentEntity;
import dev.dynamodown.data.repository.DynamoDownRepositoryFactoryBean;

import org.springframework.beans.factory.BeanFactoryUtils;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.data.repository.core.support.RepositoryFactoryBeanSupport;

/**
 * Creates the tables of the repositories' entities while the context starts, like the starter's
 * table initializer, and before the repositories' template is created (it depends on this
 * bean): so a bean that uses a repository while it is created finds its table. The entities are
 * read from the repository bean definitions, whose type names the entity (Spring Data sets it,
 * and Spring AOT keeps it), so no repository has to exist first. Each missing table is created
 * with {@link DynamoDown#createTableIfMissing}, which waits until it is active.
 */
final class RepositoryTablesInitializer implements InitializingBean {

	private final DynamoDown dynamoDown;

	private final DynamoDownMappingContext mappingContext;

	private final ConfigurableListableBeanFactory beanFactory;

	RepositoryTablesInitializer(DynamoDown dynamoDown, DynamoDownMappingContext mappingContext,
			ConfigurableListableBeanFactory beanFactory) {
		this.dynamoDown = dynamoDown;
		this.mappingContext = mappingContext;
		this.beanFactory = beanFactory;
	}

	@Override
	public void afterPropertiesSet() {
		tables().forEach(this.dynamoDown::createTableIfMissing);
	}

	/** The tables of the entities of the dynamodown repositories defined in the context. */
	Set<String> tables() {
		Set<String> tables = new LinkedHashSet<>();
		for (String name : this.beanFactory.getBeanNamesForType(DynamoDownRepositoryFactoryBean.class, false, false)) {
			Class<?> entityType = this.beanFactory.getMergedBeanDefinition(BeanFactoryUtils.transformedBeanName(name))
				.getResolvableType()
				.as(RepositoryFactoryBeanSupport.class)
				.getGeneric(1)
				.resolve();
			if (entityType != null) {
				DynamoDownPersistentEntity<?> entity = this.mappingContext.getRequiredPersistentEntity(entityType);
				if (entity.hasTable()) {
					tables.add(entity.getTable());
				}
			}
		}
		return tables;
	}

}
