package dev.dynamodown.data.core;

import dev.dynamodown.WriteCondition;
import dev.dynamodown.data.mapping.DynamoDownPersistentEntity;
import dev.dynamodown.data.mapping.DynamoDownPersistentProperty;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import org.springframework.data.mapping.PersistentPropertyAccessor;
import org.springframework.data.mapping.model.EntityInstantiators;
import org.springframework.data.mapping.model.InstantiationAwarePropertyAccessor;

/**
 * Optimistic locking on an entity's {@code @Version} property ({@code Long}, {@code long},
 * {@code Integer} or {@code int}): which conditional write a save or a delete sends, and the
 * entity a save writes. As in Spring Data's other modules, an entity is new when its version is
 * {@code null} (or {@code 0} for a primitive); a new entity is written with version {@code 0}
 * ({@code 1} for a primitive) if its key is absent, any other with its version plus one if the
 * stored item still has its version. Records and other immutable entities get a new instance.
 */
final class OptimisticLocking {

	private final EntityInstantiators instantiators = new EntityInstantiators();

	/**
	 * The write that saves a versioned entity.
	 * @param entity the entity's metadata, with a version property
	 * @param bean the entity
	 * @param versionAttribute the item attribute holding the version
	 * @return the entity with its next version, and the condition the write needs
	 */
	<T> Save<T> save(DynamoDownPersistentEntity<?> entity, T bean, String versionAttribute) {
		DynamoDownPersistentProperty property = entity.getRequiredVersionProperty();
		@Nullable Number version = version(entity, bean);
		boolean isNew = entity.isNew(bean);
		long next = isNew ? (property.getType().isPrimitive() ? 1 : 0) : version.longValue() + 1;
		WriteCondition condition = isNew ? WriteCondition.itemAbsent()
				: WriteCondition.attributeEquals(versionAttribute, AttributeValue.fromN(version.toString()));
		return new Save<>(withVersion(entity, bean, next), condition, isNew ? null : version);
	}

	/**
	 * The condition of the delete of a versioned entity.
	 * @param entity the entity's metadata, with a version property
	 * @param bean the entity
	 * @param versionAttribute the item attribute holding the version
	 * @return that the stored item has the entity's version, or {@code null} for a new entity (never
	 * saved: nothing to check)
	 */
	@Nullable WriteCondition delete(DynamoDownPersistentEntity<?> entity, Object bean, String versionAttribute) {
		if (entity.isNew(bean)) {
			return null;
		}
		return WriteCondition.attributeEquals(versionAttribute, AttributeValue.fromN(version(entity, bean).toString()));
	}

	@SuppressWarnings("unchecked")
	private static @Nullable Number version(DynamoDownPersistentEntity<?> entity, Object bean) {
		return (Number) ((DynamoDownPersistentEntity<Object>) entity).getPropertyAccessor(bean)
			.getProperty(entity.getRequiredVersionProperty());
	}

	@SuppressWarnings("unchecked")
	private <T> T withVersion(DynamoDownPersistentEntity<?> entity, T bean, long version) {
		DynamoDownPersistentEntity<T> typed = (DynamoDownPersistentEntity<T>) entity;
		DynamoDownPersistentProperty property = entity.getRequiredVersionProperty();
		PersistentPropertyAccessor<T> accessor = new InstantiationAwarePropertyAccessor<>(bean,
				typed::getPropertyAccessor, this.instantiators);
		Class<?> type = property.getType();
		accessor.setProperty(property, (type == Integer.class || type == int.class) ? (Object) Math.toIntExact(version)
				: (Object) version);
		return accessor.getBean();
	}

	/**
	 * The save of a versioned entity.
	 * @param entity the entity to write, with its next version
	 * @param condition what must hold for the write
	 * @param expectedVersion the version the stored item must have, or {@code null} for a new entity
	 */
	record Save<T>(T entity, WriteCondition condition, @Nullable Number expectedVersion) {
	}

}
