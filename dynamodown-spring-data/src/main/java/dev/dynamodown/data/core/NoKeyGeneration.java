package dev.dynamodown.data.core;

import org.springframework.data.core.TypeInformation;
import org.springframework.data.keyvalue.core.IdentifierGenerator;

/**
 * Refuses to invent keys. Keys are the sort order of a namespace, so a random one would be a
 * silent surprise; {@code KeyValueTemplate.insert} of an entity without a key fails instead.
 */
enum NoKeyGeneration implements IdentifierGenerator {

	INSTANCE;

	@Override
	public <T> T generateIdentifierOfType(TypeInformation<T> type) {
		throw new IllegalArgumentException(
				"The entity's @Id must not be null: dynamodown does not generate keys (they define the sort order)");
	}

}
