package dev.dynamodown.data.core;

import java.util.AbstractMap.SimpleImmutableEntry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

import dev.dynamodown.BatchWriteException;
import dev.dynamodown.KeyValue;
import dev.dynamodown.data.mapping.DynamoDownPersistentEntity;

import org.springframework.data.domain.ScrollPosition;
import org.springframework.data.domain.Window;
import org.springframework.data.keyvalue.core.KeyValueTemplate;
import org.springframework.data.keyvalue.core.event.KeyValueEvent;
import org.springframework.data.keyvalue.core.query.KeyValueQuery;
import org.springframework.util.ClassUtils;

/**
 * The {@link KeyValueTemplate} of dynamodown repositories, with what a DynamoDB store adds:
 * batches, keyset scrolling and lazy streams.
 * <ul>
 * <li><b>Keys are never generated.</b> {@link #insert(Object)} of an entity whose key is
 * {@code null} throws {@link IllegalArgumentException}.</li>
 * <li><b>Exceptions</b> are translated as in Spring Data KeyValue, except that
 * {@link IllegalArgumentException}, {@link NullPointerException} and dynamodown's own exceptions
 * reach the caller unchanged.</li>
 * <li><b>Batches are NOT atomic.</b> {@link #updateAll}, {@link #deleteAllById} and
 * {@link #deleteAll(KeyValueQuery, Class)} use the core's {@code BatchWriteItem} batch: every
 * write is validated before anything is sent, the last write per key wins, unprocessed items are
 * retried with backoff, and if some writes still fail a {@link BatchWriteException} lists exactly
 * those that may not have been applied. They publish no {@link KeyValueEvent}s.</li>
 * </ul>
 * The single-entity operations inherited from {@code KeyValueTemplate} publish events as usual.
 * {@code insert} checks that the key is absent with a {@code GetItem} before its {@code PutItem}:
 * the check and the write are two requests, not one conditional write.
 */
public class DynamoDownKeyValueTemplate extends KeyValueTemplate {

	private final DynamoDownKeyValueAdapter adapter;

	/**
	 * Creates a template over an adapter, using the adapter's mapping context.
	 * @param adapter the adapter
	 */
	public DynamoDownKeyValueTemplate(DynamoDownKeyValueAdapter adapter) {
		super(adapter, adapter.getMappingContext(), NoKeyGeneration.INSTANCE);
		this.adapter = adapter;
		setExceptionTranslator(new DynamoDownExceptionTranslator());
	}

	/**
	 * Writes many entities with non-atomic batches, one per keyspace (see the class comment).
	 * @param entities the entities, each with a key
	 * @return the entities, in the order given
	 * @throws IllegalArgumentException before anything is sent, if an entity has no key or cannot
	 * be stored
	 * @throws BatchWriteException if some writes may not have been applied
	 */
	public <T> List<T> updateAll(Iterable<T> entities) {
		Objects.requireNonNull(entities, "'entities' must not be null");
		Map<String, List<Map.Entry<String, Object>>> byKeyspace = new LinkedHashMap<>();
		List<T> written = new ArrayList<>();
		for (T entity : entities) {
			Objects.requireNonNull(entity, "'entities' must not contain null");
			DynamoDownPersistentEntity<?> persistentEntity = entity(ClassUtils.getUserClass(entity));
			byKeyspace.computeIfAbsent(persistentEntity.getKeySpace(), (keyspace) -> new ArrayList<>())
				.add(new SimpleImmutableEntry<>(requiredKey(persistentEntity, entity), entity));
			written.add(entity);
		}
		execute((adapter) -> {
			byKeyspace.forEach(this.adapter::putAll);
			return null;
		});
		return written;
	}

	/**
	 * Reads many entities with {@code BatchGetItem} (not atomic: each request is a separate read).
	 * @param ids the keys
	 * @param type the entity type
	 * @return the entities that exist, in the order their keys were first given, each once
	 */
	public <T> List<T> findAllById(Iterable<String> ids, Class<T> type) {
		Set<String> keys = distinctKeys(ids);
		Map<String, T> found = executeRequired((adapter) -> this.adapter.getAll(keyspace(type), keys, type));
		return keys.stream().<T>map(found::get).filter(Objects::nonNull).toList();
	}

	/**
	 * Deletes many keys with a non-atomic batch (see the class comment); absent keys are no error.
	 * @param ids the keys
	 * @param type the entity type
	 * @throws BatchWriteException if some deletes may not have been applied
	 */
	public void deleteAllById(Iterable<String> ids, Class<?> type) {
		Set<String> keys = distinctKeys(ids);
		execute((adapter) -> this.adapter.deleteAll(keyspace(type), keys));
	}

	/**
	 * Deletes the entities a query selects: reads them, then deletes their keys with a non-atomic
	 * batch (see the class comment). An entity written between the read and the delete survives.
	 * @param query the query
	 * @param type the entity type
	 * @return the deleted entities, as read
	 */
	public <T> List<T> deleteAll(KeyValueQuery<?> query, Class<T> type) {
		String keyspace = keyspace(type);
		return executeRequired((adapter) -> {
			List<KeyValue<T>> selected;
			try (Stream<KeyValue<T>> entries = this.adapter.engine().entries(query, keyspace, type)) {
				selected = entries.toList();
			}
			this.adapter.deleteAll(keyspace, selected.stream().map(KeyValue::key).toList());
			return selected.stream().map(KeyValue::value).toList();
		});
	}

	/**
	 * Whether an entity with the key exists ({@code GetItem}).
	 * @param id the key
	 * @param type the entity type
	 * @return whether it exists
	 */
	public boolean existsById(Object id, Class<?> type) {
		Objects.requireNonNull(id, "'id' must not be null");
		return Boolean.TRUE.equals(execute((adapter) -> adapter.contains(id, keyspace(type))));
	}

	/**
	 * Reads one window of the entities a query selects; see {@link DynamoDownQueryEngine#scroll}.
	 * @param query criteria, sort and window size ({@code rows})
	 * @param position where the window starts
	 * @param type the entity type
	 * @return the window
	 */
	public <T> Window<T> scroll(KeyValueQuery<?> query, ScrollPosition position, Class<T> type) {
		Objects.requireNonNull(position, "'position' must not be null");
		return executeRequired((adapter) -> this.adapter.engine().scroll(query, position, keyspace(type), type));
	}

	/**
	 * Streams the entities a query selects, lazily and page by page. Close the stream.
	 * @param query the query
	 * @param type the entity type
	 * @return the entities in key order (or reverse key order)
	 */
	public <T> Stream<T> stream(KeyValueQuery<?> query, Class<T> type) {
		return executeRequired((adapter) -> this.adapter.engine().stream(query, keyspace(type), type));
	}

	/** Counts with {@code Select.COUNT} when the query has no filter; else reads and filters the range. */
	@Override
	public long count(KeyValueQuery<?> query, Class<?> type) {
		return executeRequired((adapter) -> this.adapter.engine().count(query, keyspace(type), type));
	}

	/** Reads at most until the first matching entity. */
	@Override
	public boolean exists(KeyValueQuery<?> query, Class<?> type) {
		return executeRequired((adapter) -> this.adapter.engine().exists(query, keyspace(type), type));
	}

	private DynamoDownPersistentEntity<?> entity(Class<?> type) {
		return this.adapter.getMappingContext().getRequiredPersistentEntity(type);
	}

	private String keyspace(Class<?> type) {
		return entity(type).getKeySpace();
	}

	private static String requiredKey(DynamoDownPersistentEntity<?> entity, Object instance) {
		entity.getRequiredKeyProperty();
		Object key = entity.getIdentifierAccessor(instance).getIdentifier();
		if (key == null) {
			throw new IllegalArgumentException("The @Id property '" + entity.getRequiredKeyProperty().getName()
					+ "' of " + entity.getType().getSimpleName()
					+ " must not be null: dynamodown does not generate keys (they define the sort order)");
		}
		return (String) key;
	}

	private static Set<String> distinctKeys(Iterable<String> ids) {
		Objects.requireNonNull(ids, "'ids' must not be null");
		Set<String> keys = new LinkedHashSet<>();
		for (String id : ids) {
			keys.add(Objects.requireNonNull(id, "'ids' must not contain null"));
		}
		return keys;
	}

	/** Exposed for the repositories: the adapter this template writes through. */
	@Override
	public DynamoDownKeyValueAdapter getKeyValueAdapter() {
		return this.adapter;
	}

}
