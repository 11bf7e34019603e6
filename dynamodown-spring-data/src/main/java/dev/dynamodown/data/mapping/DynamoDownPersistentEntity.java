package dev.dynamodown.data.mapping;

import dev.dynamodown.Sharding;
import org.jspecify.annotations.Nullable;

import org.springframework.data.core.TypeInformation;
import org.springframework.data.keyvalue.core.mapping.AnnotationBasedKeySpaceResolver;
import org.springframework.data.keyvalue.core.mapping.BasicKeyValuePersistentEntity;
import org.springframework.data.keyvalue.core.mapping.KeySpaceResolver;
import org.springframework.data.mapping.MappingException;
import org.springframework.util.ClassUtils;
import org.springframework.util.StringUtils;

/**
 * An entity stored in one dynamodown namespace.
 * <ul>
 * <li><b>Namespace</b>: the value of Spring Data's {@code @KeySpace} (SpEL expressions included), else
 * the uncapitalised simple class name ({@code Meetup} → {@code meetup}).</li>
 * <li><b>Table</b>: {@link dev.dynamodown.data.DynamoDownTable @DynamoDownTable}, else the mapping
 * context's default table ({@code dynamodown.table}).</li>
 * <li><b>Shards</b>: {@link dev.dynamodown.data.DynamoDownTable#shards()}, else 1.</li>
 * <li><b>Keyspace</b>: Spring Data KeyValue's name for where an entity lives is the dynamodown
 * location {@code table/namespace}, so that two tables may hold namespaces of the same name.</li>
 * <li><b>Key</b>: the {@code @Id} property, which must be a {@code String}.</li>
 * </ul>
 * The table and the key are checked when asked for ({@link #getTable()},
 * {@link #getRequiredKeyProperty()}), not when the entity is created: the mapping context also
 * creates entities for nested value types, which have neither.
 *
 * @param <T> the entity type
 */
public class DynamoDownPersistentEntity<T> extends BasicKeyValuePersistentEntity<T, DynamoDownPersistentProperty> {

	/** Leaves {@code @KeySpace} to the superclass and replaces its default, the fully qualified class name. */
	private static final KeySpaceResolver NAMESPACE_DEFAULT = type -> StringUtils
		.hasText(AnnotationBasedKeySpaceResolver.INSTANCE.resolveKeySpace(type)) ? null
				: StringUtils.uncapitalize(ClassUtils.getUserClass(type).getSimpleName());

	private final @Nullable String table;

	private final int shards;

	/**
	 * Creates an unsharded entity.
	 * @param information the entity's type
	 * @param table its table, or {@code null} if none is configured
	 */
	public DynamoDownPersistentEntity(TypeInformation<T> information, @Nullable String table) {
		this(information, table, 1);
	}

	/**
	 * Creates the entity.
	 * @param information the entity's type
	 * @param table its table, or {@code null} if none is configured
	 * @param shards over how many partition-key values its namespace is spread (checked by {@link #getSharding()})
	 */
	public DynamoDownPersistentEntity(TypeInformation<T> information, @Nullable String table, int shards) {
		super(information, NAMESPACE_DEFAULT);
		this.table = StringUtils.hasText(table) ? table : null;
		this.shards = shards;
	}

	/** The namespace: the hash-key value of every item of this entity. */
	public String getNamespace() {
		return super.getKeySpace();
	}

	/** Whether a table is configured for this entity. */
	public boolean hasTable() {
		return this.table != null;
	}

	/**
	 * The table the namespace lives in.
	 * @return the table name
	 * @throws MappingException if neither {@code @DynamoDownTable} nor {@code dynamodown.table} names one
	 */
	public String getTable() {
		if (this.table == null) {
			throw new MappingException("No table for entity " + getType().getName()
					+ ": annotate it with @DynamoDownTable or set the property 'dynamodown.table'");
		}
		return this.table;
	}

	/**
	 * Over how many shards the namespace is spread.
	 * @return the sharding
	 * @throws MappingException if {@code @DynamoDownTable(shards)} is not 1 to 64
	 */
	public Sharding getSharding() {
		if (this.shards < 1 || this.shards > Sharding.MAX_SHARDS) {
			throw new MappingException("Entity " + getType().getName() + " is annotated @DynamoDownTable(shards = "
					+ this.shards + "); a namespace has 1 to " + Sharding.MAX_SHARDS + " shards");
		}
		return Sharding.shards(this.shards);
	}

	/** The dynamodown location {@code table/namespace}, used as Spring Data keyspace. */
	@Override
	public String getKeySpace() {
		return getTable() + "/" + getNamespace();
	}

	/**
	 * The key property: the {@code @Id} property, a {@code String}.
	 * @return the property
	 * @throws MappingException if the entity has no {@code @Id} property or it is not a {@code String}
	 */
	public DynamoDownPersistentProperty getRequiredKeyProperty() {
		DynamoDownPersistentProperty id = getIdProperty();
		if (id == null) {
			throw new MappingException("Entity " + getType().getName()
					+ " has no key: annotate a String property with @org.springframework.data.annotation.Id");
		}
		if (id.getType() != String.class) {
			throw new MappingException("The @Id property '" + id.getName() + "' of entity " + getType().getName()
					+ " is a " + id.getType().getName() + "; dynamodown keys are Strings");
		}
		return id;
	}

}
