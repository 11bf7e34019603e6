package dev.dynamodown.data.core;

import java.util.AbstractMap.SimpleImmutableEntry;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import dev.dynamodown.BatchResult;
import dev.dynamodown.BatchWriteException;
import dev.dynamodown.DynamoDown;
import dev.dynamodown.KeyRange;
import dev.dynamodown.KeyValue;
import dev.dynamodown.Sharding;
import dev.dynamodown.SortedKeyValueOperations;
import dev.dynamodown.SortedKeyValueTemplate;
import dev.dynamodown.ValueCodec;
import dev.dynamodown.WriteCondition;
import dev.dynamodown.data.mapping.DynamoDownMappingContext;
import dev.dynamodown.data.mapping.DynamoDownPersistentEntity;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import tools.jackson.databind.ObjectMapper;

import org.springframework.data.keyvalue.core.AbstractKeyValueAdapter;
import org.springframework.data.keyvalue.core.ForwardingCloseableIterator;
import org.springframework.data.keyvalue.core.KeyValueAdapter;
import org.springframework.data.keyvalue.core.query.KeyValueQuery;
import org.springframework.data.mapping.MappingException;
import org.springframework.data.util.CloseableIterator;
import org.springframework.util.ClassUtils;

/**
 * A Spring Data {@link KeyValueAdapter} storing entities in dynamodown namespaces, as Spring Data's
 * {@code MapKeyValueAdapter} stores them in maps.
 * <p>
 * A <b>keyspace</b> is a dynamodown location {@code table/namespace} (see
 * {@link DynamoDownPersistentEntity#getKeySpace()}); the <b>id</b> is the item's key, a
 * {@code String}; the entity's other properties are the item's attributes, laid out by
 * {@code ValueCodec.json} (Jackson). Queries go to the {@link DynamoDownQueryEngine}, which reads key
 * ranges.
 * <p>
 * Each call is one or more requests of a {@link SortedKeyValueOperations} and carries its
 * guarantees: single-key calls are atomic; {@link #deleteAllOf} and the batches the
 * {@link DynamoDownKeyValueTemplate} sends through this adapter are NOT (see
 * {@link BatchWriteException}).
 * <p>
 * Differences from the {@code KeyValueAdapter} contract, which assumes an in-memory store:
 * {@link #put} and {@link #delete} return {@code null} instead of the previous value (reading it
 * would cost a request), and {@link #clear()} deletes nothing (see there). Thread-safe.
 */
public class DynamoDownKeyValueAdapter extends AbstractKeyValueAdapter {

	private final DynamoDown dynamoDown;

	private final DynamoDownMappingContext mappingContext;

	private final @Nullable ObjectMapper objectMapper;

	private final Map<String, SortedKeyValueTemplate<Map<String, AttributeValue>>> stores = new ConcurrentHashMap<>();

	private final Map<Class<?>, EntityCodec<?>> codecs = new ConcurrentHashMap<>();

	/**
	 * Creates an adapter storing values with {@code ValueCodec.json}'s own Jackson mapper.
	 * @param dynamoDown where the namespaces live
	 * @param mappingContext the entities' mapping metadata
	 */
	public DynamoDownKeyValueAdapter(DynamoDown dynamoDown, DynamoDownMappingContext mappingContext) {
		this(dynamoDown, mappingContext, null);
	}

	/**
	 * Creates an adapter storing values with {@code ValueCodec.json(type, objectMapper)}.
	 * @param dynamoDown where the namespaces live
	 * @param mappingContext the entities' mapping metadata
	 * @param objectMapper the Jackson mapper, or {@code null} for {@code ValueCodec.json}'s own
	 */
	public DynamoDownKeyValueAdapter(DynamoDown dynamoDown, DynamoDownMappingContext mappingContext,
			@Nullable ObjectMapper objectMapper) {
		super(new DynamoDownQueryEngine());
		this.dynamoDown = Objects.requireNonNull(dynamoDown, "'dynamoDown' must not be null");
		this.mappingContext = Objects.requireNonNull(mappingContext, "'mappingContext' must not be null");
		this.objectMapper = objectMapper;
	}

	/** The mapping context this adapter reads entity metadata from. */
	public DynamoDownMappingContext getMappingContext() {
		return this.mappingContext;
	}

	/**
	 * Checks that entities of a type can be stored: it has a {@code String} {@code @Id} property that
	 * Jackson maps, a table, and a valid shard count.
	 * @param type the entity type
	 * @throws org.springframework.data.mapping.MappingException naming what is wrong
	 */
	public void verifyEntity(Class<?> type) {
		entity(type).getTable();
		entity(type).getSharding();
		codec(type);
	}

	/** Writes the entity with {@code PutItem}, replacing the item; returns {@code null}, not the previous entity. */
	@Override
	public @Nullable Object put(Object id, Object item, String keyspace) {
		Objects.requireNonNull(item, "'item' must not be null");
		store(keyspace).put(key(id), encode(item));
		return null;
	}

	/** Reads the item with {@code GetItem}; its attributes are not decoded. */
	@Override
	public boolean contains(Object id, String keyspace) {
		return store(keyspace).get(key(id)).isPresent();
	}

	@Override
	public @Nullable Object get(Object id, String keyspace) {
		return get(id, keyspace, entityType(keyspace));
	}

	@Override
	public <T> @Nullable T get(Object id, String keyspace, Class<T> type) {
		String key = key(id);
		return store(keyspace).get(key).map((attributes) -> codec(type).decode(key, attributes)).orElse(null);
	}

	/** Deletes with {@code DeleteItem}, no error if absent; returns {@code null}, not the deleted entity. */
	@Override
	public @Nullable Object delete(Object id, String keyspace) {
		store(keyspace).delete(key(id));
		return null;
	}

	/** Deletes with {@code DeleteItem}, no error if absent; returns {@code null}, not the deleted entity. */
	@Override
	public <T> @Nullable T delete(Object id, String keyspace, Class<T> type) {
		delete(id, keyspace);
		return null;
	}

	@Override
	public Iterable<Object> getAllOf(String keyspace) {
		return new ArrayList<>(getAllOf(keyspace, entityType(keyspace)));
	}

	/** Every entity of the namespace, in key order (one paged {@code Query}). */
	@Override
	public <T> List<T> getAllOf(String keyspace, Class<T> type) {
		try (Stream<KeyValue<T>> entries = read(keyspace, KeyRange.all(), type)) {
			return entries.map(KeyValue::value).toList();
		}
	}

	@Override
	@SuppressWarnings({ "unchecked", "rawtypes" })
	public CloseableIterator<Map.Entry<Object, Object>> entries(String keyspace) {
		return (CloseableIterator) entries(keyspace, entityType(keyspace));
	}

	/** Iterates lazily over the namespace in key order; close the iterator if not read to the end. */
	@Override
	public <T> CloseableIterator<Map.Entry<Object, T>> entries(String keyspace, Class<T> type) {
		Stream<Map.Entry<Object, T>> entries = read(keyspace, KeyRange.all(), type)
			.map((entry) -> new SimpleImmutableEntry<>(entry.key(), entry.value()));
		return new ForwardingCloseableIterator<>(entries.iterator(), entries::close);
	}

	/**
	 * Deletes every item of the namespace: the core's concurrent clear. NOT atomic: on failure a
	 * {@link BatchWriteException} says which deletes may not have been applied.
	 */
	@Override
	public void deleteAllOf(String keyspace) {
		store(keyspace).clear(KeyRange.all());
	}

	/**
	 * Deliberately deletes nothing. {@code KeyValueTemplate} calls this when its application context
	 * closes, which suits an in-memory map; the items of a DynamoDB table outlive the application.
	 * Use {@link #deleteAllOf(String)} (a repository's {@code deleteAll()}) to delete a namespace.
	 */
	@Override
	public void clear() {
	}

	/** Counts the namespace's items with {@code Select.COUNT} queries. */
	@Override
	public long count(String keyspace) {
		return store(keyspace).count(KeyRange.all());
	}

	/** Reads at most one matching entry, rather than counting every match. */
	@Override
	public boolean exists(KeyValueQuery<?> query, String keyspace) {
		return engine().exists(query, keyspace, entityType(keyspace));
	}

	/** Nothing to release: the {@link DynamoDown} belongs to whoever created it. */
	@Override
	public void destroy() {
	}

	/**
	 * Writes many entities with the core's non-atomic batch ({@code BatchWriteItem}).
	 * @param keyspace the location
	 * @param entities the entities by key, in the order written (for one key the last one wins)
	 * @return what the batch did
	 * @throws BatchWriteException listing the writes that may not have been applied
	 */
	BatchResult putAll(String keyspace, List<? extends Map.Entry<String, ?>> entities) {
		List<Map.Entry<String, Map<String, AttributeValue>>> items = new ArrayList<>(entities.size());
		for (Map.Entry<String, ?> entity : entities) {
			items.add(new SimpleImmutableEntry<>(key(entity.getKey()), encode(entity.getValue())));
		}
		return store(keyspace).batch((batch) -> items.forEach((item) -> batch.put(item.getKey(), item.getValue())));
	}

	/**
	 * Writes an entity with one conditional {@code PutItem} (see {@code SortedKeyValueTemplate.putIf}).
	 * @param keyspace the location
	 * @param id the key
	 * @param entity the entity
	 * @param condition what must hold
	 * @return {@code true} if written, {@code false} if the condition did not hold (nothing written)
	 */
	boolean putIf(String keyspace, Object id, Object entity, WriteCondition condition) {
		return store(keyspace).putIf(key(id), encode(entity), condition);
	}

	/**
	 * Deletes a key with one conditional {@code DeleteItem} (see {@code SortedKeyValueTemplate.deleteIf}).
	 * @param keyspace the location
	 * @param id the key
	 * @param condition what must hold
	 * @return {@code true} if deleted, {@code false} if the condition did not hold (nothing deleted)
	 */
	boolean deleteIf(String keyspace, Object id, WriteCondition condition) {
		return store(keyspace).deleteIf(key(id), condition);
	}

	/** The item attribute holding the {@code @Version} of an entity type that has one. */
	String versionAttribute(Class<?> type) {
		return codec(type).versionAttribute();
	}

	/**
	 * Reads many entities with {@code BatchGetItem}.
	 * @param keyspace the location
	 * @param ids the keys
	 * @param type the entity type
	 * @return the entities that exist, by key, in key order
	 */
	<T> Map<String, T> getAll(String keyspace, Collection<String> ids, Class<T> type) {
		EntityCodec<T> codec = codec(type);
		Map<String, T> entities = new LinkedHashMap<>();
		store(keyspace).getAll(ids).forEach((key, attributes) -> entities.put(key, codec.decode(key, attributes)));
		return entities;
	}

	/**
	 * Deletes many keys with the core's non-atomic batch ({@code BatchWriteItem}).
	 * @param keyspace the location
	 * @param ids the keys
	 * @return what the batch did
	 * @throws BatchWriteException listing the deletes that may not have been applied
	 */
	BatchResult deleteAll(String keyspace, Collection<String> ids) {
		ids.forEach(DynamoDownKeyValueAdapter::key);
		return store(keyspace).batch((batch) -> ids.forEach(batch::delete));
	}

	/**
	 * Reads a key range lazily, page by page. Close the stream.
	 * @param keyspace the location
	 * @param range the keys, direction and limit
	 * @param type the entity type
	 * @return the entries in the range's order
	 */
	<T> Stream<KeyValue<T>> read(String keyspace, KeyRange range, Class<T> type) {
		EntityCodec<T> codec = codec(type);
		return store(keyspace).range(range)
			.map((entry) -> new KeyValue<>(entry.key(), codec.decode(entry.key(), entry.value())));
	}

	/** Counts a key range with {@code Select.COUNT} queries. */
	long count(String keyspace, KeyRange range) {
		return store(keyspace).count(range);
	}

	/** The name of an entity type's key property. */
	String keyProperty(Class<?> type) {
		return entity(type).getRequiredKeyProperty().getName();
	}

	/**
	 * The entity type stored in a keyspace, for the {@code KeyValueAdapter} methods that are not
	 * given one ({@code KeyValueTemplate} always gives one).
	 */
	Class<?> entityType(String keyspace) {
		List<Class<?>> types = this.mappingContext.getPersistentEntities()
			.stream()
			.filter((entity) -> entity.hasTable() && entity.getIdProperty() != null
					&& entity.getKeySpace().equals(keyspace))
			.<Class<?>>map(DynamoDownPersistentEntity::getType)
			.toList();
		if (types.size() != 1) {
			throw new IllegalStateException("Keyspace '" + keyspace + "' holds " + (types.isEmpty()
					? "no known entity type" : "several entity types " + types) + "; pass the entity type explicitly");
		}
		return types.get(0);
	}

	/**
	 * The codec of an entity type, which also checks the type can be stored.
	 * @throws org.springframework.data.mapping.MappingException if it cannot
	 */
	@SuppressWarnings("unchecked")
	<T> EntityCodec<T> codec(Class<T> type) {
		return (EntityCodec<T>) this.codecs.computeIfAbsent(type,
				(key) -> EntityCodec.of(entity(type), this.objectMapper));
	}

	DynamoDownQueryEngine engine() {
		return (DynamoDownQueryEngine) getQueryEngine();
	}

	@SuppressWarnings("unchecked")
	private Map<String, AttributeValue> encode(Object entity) {
		Objects.requireNonNull(entity, "'entity' must not be null");
		return codec((Class<Object>) ClassUtils.getUserClass(entity)).encode(entity);
	}

	@SuppressWarnings("unchecked")
	private <T> DynamoDownPersistentEntity<T> entity(Class<T> type) {
		return (DynamoDownPersistentEntity<T>) this.mappingContext.getRequiredPersistentEntity(type);
	}

	private SortedKeyValueTemplate<Map<String, AttributeValue>> store(String keyspace) {
		Objects.requireNonNull(keyspace, "'keyspace' must not be null");
		return this.stores.computeIfAbsent(keyspace, (location) -> {
			int slash = location.indexOf('/');
			if (slash <= 0 || slash == location.length() - 1) {
				throw new IllegalArgumentException(
						"Keyspace '" + location + "' is not a dynamodown location 'table/namespace'");
			}
			return this.dynamoDown.template(location.substring(0, slash), location.substring(slash + 1),
					ValueCodec.attributes(), shardingOf(location));
		});
	}

	/**
	 * The shard count of a keyspace: that of the entity types stored there, which must agree (a
	 * namespace has one count), or one shard for a keyspace no entity type maps.
	 */
	private Sharding shardingOf(String keyspace) {
		List<Sharding> shardings = this.mappingContext.getPersistentEntities()
			.stream()
			.filter((entity) -> entity.hasTable() && entity.getIdProperty() != null && entity.getKeySpace().equals(keyspace))
			.map(DynamoDownPersistentEntity::getSharding)
			.distinct()
			.toList();
		if (shardings.size() > 1) {
			throw new MappingException("Keyspace '" + keyspace + "' is mapped by entity types of different shard counts "
					+ shardings + "; one namespace has one count");
		}
		return shardings.isEmpty() ? Sharding.none() : shardings.get(0);
	}

	private static String key(Object id) {
		Objects.requireNonNull(id, "'id' must not be null");
		if (!(id instanceof String key)) {
			throw new IllegalArgumentException(
					"'id' must be a String (dynamodown keys are Strings), was " + id.getClass().getName());
		}
		return key;
	}

}
