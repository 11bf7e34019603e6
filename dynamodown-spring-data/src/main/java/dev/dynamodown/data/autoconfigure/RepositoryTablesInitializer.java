package dev.dynamodown.data.autoconfigure;

import java.util.LinkedHashSet;
import java.util.Set;

import dev.dynamodown.DynamoDown;
import dev.dynamodown.data.mapping.DynamoDownMappingContext;
import dev.dynamodown.data.mapping.DynamoDownPersistentEntity;

import org.springframework.beans.factory.SmartInitializingSingleton;

/**
 * Creates the tables of the repositories' entities once every singleton, and so every repository,
 * exists: by then the mapping context knows every repository entity. Each missing table is
 * created with {@link DynamoDown#createTableIfMissing}, which waits until it is active.
 */
final class RepositoryTablesInitializer implements SmartInitializingSingleton {

	private final DynamoDown dynamoDown;

	private final DynamoDownMappingContext mappingContext;

	RepositoryTablesInitializer(DynamoDown dynamoDown, DynamoDownMappingContext mappingContext) {
		this.dynamoDown = dynamoDown;
		this.mappingContext = mappingContext;
	}

	@Override
	public void afterSingletonsInstantiated() {
		tables().forEach(this.dynamoDown::createTableIfMissing);
	}

	/** The tables of the entities that have a key (repository entities, not nested value types). */
	Set<String> tables() {
		Set<String> tables = new LinkedHashSet<>();
		for (DynamoDownPersistentEntity<?> entity : this.mappingContext.getPersistentEntities()) {
			if (entity.hasTable() && entity.getIdProperty() != null) {
				tables.add(entity.getTable());
			}
		}
		return tables;
	}

}
