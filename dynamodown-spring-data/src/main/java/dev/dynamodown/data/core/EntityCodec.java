package dev.dynamodown.data.core;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import dev.dynamodown.ValueCodec;
import dev.dynamodown.data.mapping.DynamoDownPersistentEntity;
import dev.dynamodown.data.mapping.DynamoDownPersistentProperty;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.introspect.BeanPropertyDefinition;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.data.mapping.MappingException;

/**
 * Maps an entity to and from an item's value attributes with {@link ValueCodec#json}, minus the
 * key: the {@code @Id} property is the item's range key, not an attribute. A template using
 * {@code ValueCodec.json} over the same namespace therefore reads the same values (with the key
 * property unset) and writes values the repository reads (with the key property set to the key).
 *
 * @param <T> the entity type
 */
final class EntityCodec<T> {

	private static final Set<Class<?>> VERSION_TYPES = Set.of(Long.class, long.class, Integer.class, int.class);

	private final ValueCodec<T> json;

	private final String keyAttribute;

	private final @Nullable String versionAttribute;

	private EntityCodec(ValueCodec<T> json, String keyAttribute, @Nullable String versionAttribute) {
		this.json = json;
		this.keyAttribute = keyAttribute;
		this.versionAttribute = versionAttribute;
	}

	/**
	 * Creates the codec of an entity type.
	 * @param entity the entity, with a key property
	 * @param mapper the Jackson mapper, or {@code null} for {@code ValueCodec.json}'s own
	 * @return the codec
	 * @throws MappingException if the entity has no {@code String} key property, or Jackson does not
	 * map it or its {@code @Version} property
	 */
	static <T> EntityCodec<T> of(DynamoDownPersistentEntity<T> entity, @Nullable ObjectMapper mapper) {
		Class<T> type = entity.getType();
		ObjectMapper jackson = (mapper != null) ? mapper : JsonMapper.shared();
		ValueCodec<T> json = (mapper != null) ? ValueCodec.json(type, mapper) : ValueCodec.json(type);
		String keyAttribute = attribute(type, entity.getRequiredKeyProperty().getName(), "@Id", jackson);
		DynamoDownPersistentProperty version = entity.getVersionProperty();
		if (version != null && !VERSION_TYPES.contains(version.getType())) {
			throw new MappingException("The @Version property '" + version.getName() + "' of entity " + type.getName()
					+ " is a " + version.getType().getName() + "; dynamodown versions are Long, long, Integer or int");
		}
		return new EntityCodec<>(json, keyAttribute,
				(version != null) ? attribute(type, version.getName(), "@Version", jackson) : null);
	}

	/** The name Jackson gives a property: its JSON name, after {@code @JsonProperty} and naming strategies. */
	private static String attribute(Class<?> type, String propertyName, String role, ObjectMapper mapper) {
		BeanDescription description = mapper._serializationContext()
			.introspectBeanDescription(mapper.constructType(type));
		for (BeanPropertyDefinition property : description.findProperties()) {
			if (property.getInternalName().equals(propertyName)) {
				return property.getName();
			}
		}
		throw new MappingException("Jackson does not map the " + role + " property '" + propertyName + "' of entity "
				+ type.getName() + " (is it @JsonIgnore'd?); dynamodown stores it as an attribute of the item");
	}

	/**
	 * The attribute holding the entity's {@code @Version}.
	 * @throws IllegalStateException if the entity has none
	 */
	String versionAttribute() {
		if (this.versionAttribute == null) {
			throw new IllegalStateException("The entity has no @Version property");
		}
		return this.versionAttribute;
	}

	/**
	 * The item's value attributes.
	 * @param entity the entity
	 * @return its attributes, without the key property
	 */
	Map<String, AttributeValue> encode(T entity) {
		Map<String, AttributeValue> attributes = new LinkedHashMap<>(this.json.encode(entity));
		attributes.remove(this.keyAttribute);
		return attributes;
	}

	/**
	 * The entity of an item.
	 * @param key the item's key
	 * @param attributes its value attributes
	 * @return the entity, with its key property set to {@code key}
	 */
	T decode(String key, Map<String, AttributeValue> attributes) {
		Map<String, AttributeValue> withKey = new HashMap<>(attributes);
		withKey.put(this.keyAttribute, AttributeValue.fromS(key));
		return this.json.decode(withKey);
	}

}
