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
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import dev.dynamodown.BatchOperation;
import dev.dynamodown.BatchWriteException;
import dev.dynamodown.KeyValue;
import dev.dynamodown.WriteCondition;
import dev.dynamodown.data.mapping.DynamoDownPersistentEntity;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
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
 * <li><b>{@link #insert} is one conditional write</b> ({@code PutItem} if the key is absent), never
 * a read followed by a write: {@link DuplicateKeyException} if the key exists, nothing written.</li>
 * <li><b>Optimistic locking.</b> An entity with a {@code @Version} property ({@code Long},
 * {@code long}, {@code Integer}, {@code int}) is saved by {@link #update} with one conditional
 * write that checks the stored version and increments it (a new entity, version {@code null} or
 * primitive {@code 0}, is written with version {@code 0}, primitive {@code 1}, if its key is
 * absent), and deleted by {@link #delete(Object)} with one conditional delete that checks it. A
 * stale version throws {@link StaleEntitiesException} (an {@code OptimisticLockingFailureException})
 * and writes nothing. {@link #updateAll} and {@link #deleteAll(Iterable, Class)} send one conditional
 * write per versioned entity ({@code BatchWriteItem} has no conditions), up to
 * {@value ConcurrentWrites#CONCURRENCY} at once, write every entity that is not stale and then report
 * the stale ones together.</li>
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

	private final OptimisticLocking locking = new OptimisticLocking();

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
		List<T> saved = new ArrayList<>();
		List<Write> plain = new ArrayList<>();
		List<Conditional> versioned = new ArrayList<>();
		execute((adapter) -> {
			for (T entity : entities) {
				Objects.requireNonNull(entity, "'entities' must not contain null");
				DynamoDownPersistentEntity<?> persistentEntity = entity(ClassUtils.getUserClass(entity));
				String key = requiredKey(persistentEntity, entity);
				if (persistentEntity.hasVersionProperty()) {
					Conditional save = versionedSave(persistentEntity, key, entity);
					versioned.add(save);
					saved.add(cast(save.entity()));
				}
				else {
					plain.add(new Write(persistentEntity.getKeySpace(), key, entity));
					saved.add(entity);
				}
			}
			return null;
		});
		plain.forEach((write) -> publish(KeyValueEvent.beforeUpdate(write.key(), write.keyspace(), write.type(),
				write.entity())));
		execute((adapter) -> {
			byKeyspace(plain).forEach((keyspace, inKeyspace) -> writeBatch(inKeyspace,
					() -> this.adapter.putAll(keyspace, inKeyspace.stream().map(Write::asEntry).toList()),
					(write) -> KeyValueEvent.afterUpdate(write.key(), keyspace, write.type(), write.entity(), null)));
			return conditionally(versioned);
		});
		return saved;
	}

	/**
	 * Writes an entity: with one {@code PutItem}, or, for a versioned entity, one conditional
	 * {@code PutItem} that checks and increments its version (see the class comment).
	 * @param id the key
	 * @param objectToUpdate the entity
	 * @return the entity written: for a versioned entity, with its new version (a new instance if it
	 * is immutable)
	 * @throws StaleEntitiesException if the entity's version is stale; nothing was written
	 */
	@Override
	public <T> T update(Object id, T objectToUpdate) {
		Objects.requireNonNull(id, "'id' must not be null");
		Objects.requireNonNull(objectToUpdate, "'objectToUpdate' must not be null");
		DynamoDownPersistentEntity<?> entity = requiredEntity(objectToUpdate);
		if (!entity.hasVersionProperty()) {
			return super.update(id, objectToUpdate);
		}
		Conditional save = executeRequired((adapter) -> versionedSave(entity, key(id), objectToUpdate));
		execute((adapter) -> conditionally(List.of(save)));
		return cast(save.entity());
	}

	/**
	 * Writes an entity whose key must be absent, with one conditional {@code PutItem}; a new
	 * versioned entity gets its first version.
	 * @param objectToInsert the entity, with its key
	 * @return the entity written
	 * @throws InvalidDataAccessApiUsageException if its key is {@code null} (keys are never generated)
	 * @throws DuplicateKeyException if the key exists; nothing was written
	 */
	@Override
	public <T> T insert(T objectToInsert) {
		Objects.requireNonNull(objectToInsert, "'objectToInsert' must not be null");
		DynamoDownPersistentEntity<?> entity = requiredEntity(objectToInsert);
		return insert(executeRequired((adapter) -> requiredKey(entity, objectToInsert)), objectToInsert);
	}

	/**
	 * Writes an entity whose key must be absent, with one conditional {@code PutItem} (never a read
	 * followed by a write); a new versioned entity gets its first version.
	 * @param id the key
	 * @param objectToInsert the entity
	 * @return the entity written
	 * @throws DuplicateKeyException if the key exists; nothing was written
	 */
	@Override
	public <T> T insert(Object id, T objectToInsert) {
		Objects.requireNonNull(id, "'id' must not be null");
		Objects.requireNonNull(objectToInsert, "'objectToInsert' must not be null");
		DynamoDownPersistentEntity<?> entity = requiredEntity(objectToInsert);
		String keyspace = entity.getKeySpace();
		T toInsert = (entity.hasVersionProperty() && entity.isNew(objectToInsert))
				? executeRequired((adapter) -> cast(versionedSave(entity, key(id), objectToInsert).entity()))
				: objectToInsert;
		Class<?> type = entity.getType();
		publish(KeyValueEvent.beforeInsert(id, keyspace, type, toInsert));
		if (!executeRequired((adapter) -> this.adapter.putIf(keyspace, id, toInsert, WriteCondition.itemAbsent()))) {
			throw new DuplicateKeyException("Cannot insert " + type.getSimpleName() + " '" + id
					+ "': an item with that key exists (nothing was written); use update or save");
		}
		publish(KeyValueEvent.afterInsert(id, keyspace, type, toInsert));
		return toInsert;
	}

	/**
	 * Deletes an entity; a versioned one with one conditional {@code DeleteItem} that checks its
	 * version (an entity never saved, version {@code null}, is deleted without a check).
	 * @param objectToDelete the entity
	 * @return {@code null} for an entity without version (the previous one is not read), else the
	 * entity deleted
	 * @throws StaleEntitiesException if the entity's version is stale; nothing was deleted
	 */
	@Override
	public <T> @Nullable T delete(T objectToDelete) {
		Objects.requireNonNull(objectToDelete, "'objectToDelete' must not be null");
		DynamoDownPersistentEntity<?> entity = requiredEntity(objectToDelete);
		if (!entity.hasVersionProperty()) {
			return cast(delete(executeRequired((adapter) -> requiredKey(entity, objectToDelete)), entity.getType()));
		}
		deleteAll(List.of(objectToDelete), entity.getType());
		return objectToDelete;
	}

	/**
	 * Deletes entities: with one non-atomic batch, or, for a versioned type, one conditional
	 * {@code DeleteItem} per entity that checks its version (see the class comment).
	 * @param entities the entities, each with a key
	 * @param type their type
	 * @throws StaleEntitiesException listing the entities whose version was stale; every other one
	 * was deleted
	 */
	public void deleteAll(Iterable<?> entities, Class<?> type) {
		Objects.requireNonNull(entities, "'entities' must not be null");
		DynamoDownPersistentEntity<?> entity = executeRequired((adapter) -> entity(type));
		List<Object> all = new ArrayList<>();
		List<String> keys = new ArrayList<>();
		execute((adapter) -> {
			for (Object bean : entities) {
				all.add(Objects.requireNonNull(bean, "'entities' must not contain null"));
				keys.add(requiredKey(entity, bean));
			}
			return null;
		});
		if (!entity.hasVersionProperty()) {
			deleteAllById(keys, type);
			return;
		}
		String keyspace = entity.getKeySpace();
		String versionAttribute = executeRequired((adapter) -> this.adapter.versionAttribute(type));
		List<Conditional> deletes = new ArrayList<>();
		for (int i = 0; i < all.size(); i++) {
			String key = keys.get(i);
			Object bean = all.get(i);
			WriteCondition condition = this.locking.delete(entity, bean, versionAttribute);
			deletes.add(new Conditional(key, bean, KeyValueEvent.beforeDelete(key, keyspace, type),
					KeyValueEvent.afterDelete(key, keyspace, type, bean),
					(condition != null) ? () -> this.adapter.deleteIf(keyspace, key, condition) : () -> {
						this.adapter.delete(key, keyspace);
						return true;
					}));
		}
		execute((adapter) -> conditionally(deletes));
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

	/** The save of a versioned entity: its next version and the conditional write that checks it. */
	private Conditional versionedSave(DynamoDownPersistentEntity<?> entity, String key, Object bean) {
		String keyspace = entity.getKeySpace();
		Class<?> type = entity.getType();
		OptimisticLocking.Save<Object> save = this.locking.save(entity, bean, this.adapter.versionAttribute(type));
		Object next = save.entity();
		return new Conditional(key, next, KeyValueEvent.beforeUpdate(key, keyspace, type, next),
				KeyValueEvent.afterUpdate(key, keyspace, type, next, null),
				() -> this.adapter.putIf(keyspace, key, next, save.condition()));
	}

	/**
	 * Sends conditional writes, concurrently when there are several, and waits for all of them:
	 * before-events first, then an after-event for each one applied. Then throws, if any failed,
	 * the first failure (the others, and the stale entities, suppressed by it), else, if any was
	 * stale, a {@link StaleEntitiesException} listing them.
	 */
	private @Nullable Void conditionally(List<Conditional> writes) {
		if (writes.isEmpty()) {
			return null;
		}
		writes.forEach((write) -> publish(write.before()));
		List<ConcurrentWrites.Outcome<Boolean>> outcomes = ConcurrentWrites
			.run(writes.stream().map(Conditional::send).toList());
		List<String> stale = new ArrayList<>();
		RuntimeException failure = null;
		for (int i = 0; i < writes.size(); i++) {
			ConcurrentWrites.Outcome<Boolean> outcome = outcomes.get(i);
			if (outcome.failure() != null) {
				if (failure == null) {
					failure = outcome.failure();
				}
				else {
					failure.addSuppressed(outcome.failure());
				}
			}
			else if (Boolean.TRUE.equals(outcome.result())) {
				publish(writes.get(i).after());
			}
			else {
				stale.add(writes.get(i).key());
			}
		}
		Class<?> type = ClassUtils.getUserClass(writes.get(0).entity());
		if (failure != null) {
			if (!stale.isEmpty()) {
				failure.addSuppressed(new StaleEntitiesException(type, stale));
			}
			throw failure;
		}
		if (!stale.isEmpty()) {
			throw new StaleEntitiesException(type, stale);
		}
		return null;
	}

	private DynamoDownPersistentEntity<?> requiredEntity(Object bean) {
		return executeRequired((adapter) -> entity(ClassUtils.getUserClass(bean)));
	}

	@SuppressWarnings("unchecked")
	private static <T> T cast(Object entity) {
		return (T) entity;
	}

	private static String key(Object id) {
		if (!(id instanceof String key)) {
			throw new IllegalArgumentException(
					"'id' must be a String (dynamodown keys are Strings), was " + id.getClass().getName());
		}
		return key;
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

	/**
	 * One conditional write of one entity: its key, the entity it writes (or deletes), its events and
	 * the request, which answers whether it was applied.
	 */
	private record Conditional(String key, Object entity, KeyValueEvent<?> before, KeyValueEvent<?> after,
			Supplier<Boolean> send) {
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
