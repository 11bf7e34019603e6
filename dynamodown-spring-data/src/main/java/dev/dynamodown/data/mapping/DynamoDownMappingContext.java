package dev.dynamodown.data.mapping;

import org.jspecify.annotations.Nullable;

import dev.dynamodown.data.DynamoDownTable;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.annotation.MergedAnnotation;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.core.annotation.MergedAnnotations.SearchStrategy;
import org.springframework.core.env.Environment;
import org.springframework.data.core.TypeInformation;
import org.springframework.data.keyvalue.core.mapping.context.KeyValueMappingContext;
import org.springframework.data.mapping.model.Property;
import org.springframework.data.mapping.model.SimpleTypeHolder;
import org.springframework.util.StringUtils;

/**
 * The mapping context of dynamodown repositories: creates {@link DynamoDownPersistentEntity entities}
 * that know their table and namespace.
 * <p>
 * The default table is {@link #setDefaultTable set explicitly}, or else read from the
 * {@value #DEFAULT_TABLE_PROPERTY} property of the {@link Environment} (the starter's property).
 * {@code @DynamoDownTable} values may hold {@code ${...}} placeholders, resolved against that
 * environment.
 */
public class DynamoDownMappingContext
		extends KeyValueMappingContext<DynamoDownPersistentEntity<?>, DynamoDownPersistentProperty>
		implements EnvironmentAware {

	/** The property naming the table of entities without {@code @DynamoDownTable}. */
	public static final String DEFAULT_TABLE_PROPERTY = "dynamodown.table";

	private @Nullable String defaultTable;

	private @Nullable Environment environment;

	/** Creates a context whose default table comes from the {@code Environment}, if any. */
	public DynamoDownMappingContext() {
	}

	/**
	 * Creates a context with a default table.
	 * @param defaultTable the table of entities without {@code @DynamoDownTable}, or {@code null}
	 */
	public DynamoDownMappingContext(@Nullable String defaultTable) {
		this.defaultTable = defaultTable;
	}

	/**
	 * Sets the table of entities without {@code @DynamoDownTable}; takes precedence over the
	 * {@value #DEFAULT_TABLE_PROPERTY} property.
	 * @param defaultTable the table, or {@code null} for none
	 */
	public void setDefaultTable(@Nullable String defaultTable) {
		this.defaultTable = defaultTable;
	}

	/** The table of entities without {@code @DynamoDownTable}, or {@code null} if none is configured. */
	public @Nullable String getDefaultTable() {
		if (StringUtils.hasText(this.defaultTable)) {
			return this.defaultTable;
		}
		return (this.environment != null) ? this.environment.getProperty(DEFAULT_TABLE_PROPERTY) : null;
	}

	@Override
	public void setEnvironment(Environment environment) {
		this.environment = environment;
	}

	@Override
	protected <T> DynamoDownPersistentEntity<?> createPersistentEntity(TypeInformation<T> typeInformation) {
		Class<T> type = typeInformation.getType();
		return new DynamoDownPersistentEntity<>(typeInformation, tableOf(type), shardsOf(type));
	}

	@Override
	protected DynamoDownPersistentProperty createPersistentProperty(Property property,
			DynamoDownPersistentEntity<?> owner, SimpleTypeHolder simpleTypeHolder) {
		return new DynamoDownPersistentProperty(property, owner, simpleTypeHolder);
	}

	private @Nullable String tableOf(Class<?> type) {
		MergedAnnotation<DynamoDownTable> annotation = tableAnnotation(type);
		String table = annotation.isPresent() ? annotation.getString("value") : "";
		if (!StringUtils.hasText(table)) {
			return getDefaultTable();
		}
		return (this.environment != null) ? this.environment.resolveRequiredPlaceholders(table) : table;
	}

	private static int shardsOf(Class<?> type) {
		MergedAnnotation<DynamoDownTable> annotation = tableAnnotation(type);
		return annotation.isPresent() ? annotation.getInt("shards") : 1;
	}

	private static MergedAnnotation<DynamoDownTable> tableAnnotation(Class<?> type) {
		return MergedAnnotations.from(type, SearchStrategy.TYPE_HIERARCHY).get(DynamoDownTable.class);
	}

}
