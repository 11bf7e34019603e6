package dev.dynamodown.data.mapping;

import org.springframework.data.keyvalue.core.mapping.KeyValuePersistentProperty;
import org.springframework.data.mapping.PersistentEntity;
import org.springframework.data.mapping.model.Property;
import org.springframework.data.mapping.model.SimpleTypeHolder;

/**
 * A property of a {@link DynamoDownPersistentEntity}. The {@code @Id} property is the item's key;
 * every other property is stored by Jackson, so Spring Data's property metadata is only read for
 * the key.
 */
public class DynamoDownPersistentProperty extends KeyValuePersistentProperty<DynamoDownPersistentProperty> {

	public DynamoDownPersistentProperty(Property property, PersistentEntity<?, DynamoDownPersistentProperty> owner,
			SimpleTypeHolder simpleTypeHolder) {
		super(property, owner, simpleTypeHolder);
	}

}
