package dev.dynamodown.data.core;

import java.util.AbstractMap.SimpleImmutableEntry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import dev.dynamodown.BatchOperation;
import dev.dynamodown.BatchWriteException;
import dev.dynamodown.KeyValue;
import dev.dynamodown.data.mapping.DynamoDownPersistentEntity;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.InvalidDataAccessApiUsageException;
import org.springframework.dao.support.PersistenceExceptionTranslator;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.data.domain.Window;
import org.springframework.data.keyvalue.core.KeyValueTemplate;
import org.springframework.data.keyvalue.core.event.KeyValueEvent;
import org.springframework.data.keyvalue.core.query.KeyValueQuery;
import org.springframework.util.ClassUtils;
import org.springframework.util.CollectionUtils;

/**
 * The {@link KeyValueTemplate} of dynamodown repositories, with what a DynamoDB store adds:
 * batches, keyset scrolling and lazy streams.
 * <ul>
 * <li><b>Keys are never generated.</b> {@link #insert(Object)} of an entity whose key is
 * {@code null} throws {@link InvalidDataAccessApiUsageException}.</li>
 * <li><b>Exceptions</b> are translated by a {@link DynamoDownExceptionTranslator} into Spring's
 * {@code DataAccessException} hierarchy, with the original exception as the cause; also those
 * thrown while a {@link #stream} is consumed, and by {@link #count(Class)}.</li>
 * <li><b>Batches are NOT atomic.</b> {@link #updateAll}, {@link #deleteAllById} and
 * {@link #deleteAll(KeyValueQuery, Class)} use the core's {@code BatchWriteItem} batch: every
 * write is validated before anything is sent, the last write per key wins, unprocessed items are
 * retried with backoff, and if some writes still fail the {@code DataAccessException}'s cause is a
 * {@link BatchWriteException} listing exactly those that may not have been applied.</li>
 * <li><b>Events</b> ({@link KeyValueEvent}s) are published alike for single and batch operations:
 * a before-event for every entity before anything is sent, an after-event for every entity
 * written, also when a batch fails for the others.</li>
 * </ul>
 */
public class DynamoDownKeyValueTemplate extends KeyValueTemplate {

	private final DynamoDownKeyValueAdapter adapter;

	private PersistenceExceptionTranslator exceptionTranslator = new DynamoDownExceptionTranslator();

	private @Nullable ApplicationEventPublisher eventPublisher;

	@SuppressWarnings("rawtypes")
	private @Nullable Set<Class<? extends KeyValueEvent>> eventTypesToPublish = Set.of();

	/**
	 * Creates a template over an adapter, using the adapter's mapping context.
	 * @param adapter the adapter
	 */
	public DynamoDownKeyValueTemplate(DynamoDownKeyValueAdapter adapter) {
		super(adapter, adapter.getMappingContext(), NoKeyGeneration.INSTANCE);
		this.adapter = adapter;
		super.setExceptionTranslator(this.exceptionTranslator);
	}

	@Override
	public void setExceptionTranslator(PersistenceExceptionTranslator exceptionTranslator) {
		super.setExceptionTranslator(exceptionTranslator);
		this.exceptionTranslator = exceptionTranslator;
	}

	@Override
	public void setApplicationEventPublisher(ApplicationEventPublisher applicationEventPublisher) {
		super.setApplicationEventPublisher(applicationEventPublisher);
		this.eventPublisher = applicationEventPublisher;
	}

	/** {@inheritDoc} The batch operations follow the same choice. */
	@Override
	@SuppressWarnings("rawtypes")
	public void setEventTypesToPublish(Set<Class<? extends KeyValueEvent>> eventTypesToPublish) {
		super.setEventTypesToPublish(eventTypesToPublish);
		this.eventTypesToPublish = CollectionUtils.isEmpty(eventTypesToPublish) ? null
				: Set.copyOf(eventTypesToPublish);
	}

	/**
	 * Writes many entities with non-atomic batches, one per keyspace (see the class comment).
	 * @param entities the entities, each with a key
	 * @return the entities, in the order given
	 * @throws InvalidDataAccessApiUsageException before anything is sent, if an entity has no key
	 * or cannot be stored
	 * @throws DataAccessException whose cause is a {@link BatchWriteException}, if some writes may
	 * not have been applied
	 */
	public <T> List<T> updateAll(Iterable<T> entities) {
		Objects.requireNonNull(entities, "'entities' must not be null");
		List<Write> writes = new ArrayList<>();
		List<T> written = new ArrayList<>();
		execute((adapter) -> {
			for (T entity : entities) {
				Objects.requireNonNull(entity, "'entities' must not contain null");
				DynamoDownPersistentEntity<?> persistentEntity = entity(ClassUtils.getUserClass(entity));
				writes.add(new Write(persistentEntity.getKeySpace(), requiredKey(persistentEntity, entity), entity));
				written.add(entity);
			}
			return null;
		});
		writes.forEach((write) -> publish(KeyValueEvent.beforeUpdate(write.key(), write.keyspace(), write.type(),
				write.entity())));
		execute((adapter) -> {
			byKeyspace(writes).forEach((keyspace, inKeyspace) -> writeBatch(inKeyspace,
					() -> this.adapter.putAll(keyspace, inKeyspace.stream().map(Write::asEntry).toList()),
					(write) -> KeyValueEvent.afterUpdate(write.key(), keyspace, write.type(), write.entity(), null)));
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
	 * @throws DataAccessException whose cause is a {@link BatchWriteException}, if some deletes may
	 * not have been applied
	 */
	public void deleteAllById(Iterable<String> ids, Class<?> type) {
		Set<String> keys = distinctKeys(ids);
		String keyspace = keyspace(type);
		deleteBatch(keyspace, keys.stream().map((key) -> new Write(keyspace, key, type)).toList());
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
		List<KeyValue<T>> selected = executeRequired((adapter) -> {
			try (Stream<KeyValue<T>> entries = this.adapter.engine().entries(query, keyspace, type)) {
				return entries.toList();
			}
		});
		deleteBatch(keyspace, selected.stream().map((entry) -> new Write(keyspace, entry.key(), type, entry.value())).toList());
		return selected.stream().map(KeyValue::value).toList();
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
		return TranslatingStreams.translate(
				executeRequired((adapter) -> this.adapter.engine().stream(query, keyspace(type), type)),
				this::translated);
	}

	/** Counts with {@code Select.COUNT} queries. */
	@Override
	public long count(Class<?> type) {
		return executeRequired((adapter) -> adapter.count(keyspace(type)));
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

	/** Deletes keys of one keyspace with a batch, publishing events around it. */
	private void deleteBatch(String keyspace, List<Write> deletes) {
		deletes.forEach((delete) -> publish(KeyValueEvent.beforeDelete(delete.key(), keyspace, delete.type())));
		execute((adapter) -> writeBatch(deletes,
				() -> this.adapter.deleteAll(keyspace, deletes.stream().map(Write::key).toList()),
				(delete) -> KeyValueEvent.afterDelete(delete.key(), keyspace, delete.type(), delete.entity())));
	}

	/**
	 * Sends one batch and publishes the after-event of every write it applied: all of them, or, if
	 * it failed, those its {@link BatchWriteException} does not list as unapplied.
	 */
	private @Nullable Void writeBatch(List<Write> writes, Runnable batch,
			Function<Write, KeyValueEvent<?>> afterEvent) {
		Set<String> unapplied = Set.of();
		try {
			batch.run();
		}
		catch (BatchWriteException ex) {
			unapplied = ex.unapplied().stream().map(BatchOperation::key).collect(Collectors.toSet());
			throw ex;
		}
		finally {
			for (Write write : writes) {
				if (!unapplied.contains(write.key())) {
					publish(afterEvent.apply(write));
				}
			}
		}
		return null;
	}

	@SuppressWarnings("rawtypes")
	private void publish(KeyValueEvent<?> event) {
		Set<Class<? extends KeyValueEvent>> types = this.eventTypesToPublish;
		if (this.eventPublisher != null && types != null && (types.isEmpty() || types.contains(event.getClass()))) {
			this.eventPublisher.publishEvent(event);
		}
	}

	private RuntimeException translated(RuntimeException exception) {
		DataAccessException translated = this.exceptionTranslator.translateExceptionIfPossible(exception);
		return (translated != null) ? translated : exception;
	}

	private static Map<String, List<Write>> byKeyspace(List<Write> writes) {
		Map<String, List<Write>> byKeyspace = new LinkedHashMap<>();
		writes.forEach((write) -> byKeyspace.computeIfAbsent(write.keyspace(), (keyspace) -> new ArrayList<>()).add(write));
		return byKeyspace;
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

	/**
	 * One write of a batch: its keyspace and key, and the entity (or, for a delete, the entity
	 * type and the entity if it was read).
	 */
	private record Write(String keyspace, String key, Class<?> type, @Nullable Object entity) {

		Write(String keyspace, String key, Object entity) {
			this(keyspace, key, ClassUtils.getUserClass(entity), entity);
		}

		Write(String keyspace, String key, Class<?> type) {
			this(keyspace, key, type, null);
		}

		Map.Entry<String, Object> asEntry() {
			return new SimpleImmutableEntry<>(this.key, Objects.requireNonNull(this.entity));
		}

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
