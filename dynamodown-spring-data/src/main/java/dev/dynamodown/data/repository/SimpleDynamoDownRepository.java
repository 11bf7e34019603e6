package dev.dynamodown.data.repository;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import dev.dynamodown.BatchWriteException;
import dev.dynamodown.data.core.DynamoDownKeyValueTemplate;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.keyvalue.core.KeyValueOperations;
import org.springframework.data.keyvalue.repository.support.SimpleKeyValueRepository;
import org.springframework.data.repository.core.EntityInformation;

/**
 * The implementation behind every dynamodown repository interface: {@code ListCrudRepository} and
 * {@code ListPagingAndSortingRepository} over one namespace, the entity's {@code @Id} being the key.
 * <table>
 * <caption>What each method sends to DynamoDB</caption>
 * <tr><th>method</th><th>requests</th></tr>
 * <tr><td>{@code save}</td><td>one {@code PutItem} (replaces the item); for a {@code @Version}ed
 * entity one conditional {@code PutItem} that checks and increments the version</td></tr>
 * <tr><td>{@code saveAll}</td><td>non-atomic {@code BatchWriteItem} batch; for {@code @Version}ed
 * entities one conditional {@code PutItem} each, concurrently</td></tr>
 * <tr><td>{@code findById}</td><td>one {@code GetItem}</td></tr>
 * <tr><td>{@code existsById}</td><td>one {@code GetItem}</td></tr>
 * <tr><td>{@code findAllById}</td><td>{@code BatchGetItem}; entities in the order their ids were
 * first given, absent ones left out, each once</td></tr>
 * <tr><td>{@code findAll()}, {@code findAll(Sort)}</td><td>paged {@code Query} of the whole
 * namespace, in key order (descending if the sort says so; it may only name the key)</td></tr>
 * <tr><td>{@code findAll(Pageable)}</td><td>{@code Query} of the first {@code offset + size} keys,
 * the first {@code offset} read and discarded (use keyset scrolling to page deep), plus a
 * {@code Select.COUNT} query for the total</td></tr>
 * <tr><td>{@code count}</td><td>{@code Select.COUNT} queries</td></tr>
 * <tr><td>{@code deleteById}, {@code delete}</td><td>one {@code DeleteItem}; {@code delete} of a
 * {@code @Version}ed entity a conditional one that checks the version</td></tr>
 * <tr><td>{@code deleteAllById}, {@code deleteAll(Iterable)}</td><td>non-atomic
 * {@code BatchWriteItem} batch; {@code deleteAll(Iterable)} of {@code @Version}ed entities one
 * conditional {@code DeleteItem} each, concurrently</td></tr>
 * <tr><td>{@code deleteAll()}</td><td>keys-only {@code Query} and concurrent non-atomic
 * {@code BatchWriteItem} batches</td></tr>
 * </table>
 * <b>Nothing spanning several keys is atomic.</b> The batches validate every entity before
 * anything is sent (a {@code null} key or a value that cannot be stored throws
 * {@link IllegalArgumentException} and writes nothing); for one key the last write wins;
 * unprocessed items are retried with backoff; if writes still fail, a
 * {@link BatchWriteException} lists exactly those that may not have been applied, and every other
 * write was. Keys are never generated: saving an entity whose key is {@code null} throws
 * {@code InvalidDataAccessApiUsageException}. A stale {@code @Version} throws
 * {@link dev.dynamodown.data.core.StaleEntitiesException} (an
 * {@code OptimisticLockingFailureException}) and writes nothing for that entity.
 *
 * @param <T> the entity type
 */
public class SimpleDynamoDownRepository<T> extends SimpleKeyValueRepository<T, String> {

	private final EntityInformation<T, String> entityInformation;

	private final DynamoDownKeyValueTemplate template;

	/**
	 * Creates the repository of one entity type.
	 * @param entityInformation the entity's metadata
	 * @param operations a {@link DynamoDownKeyValueTemplate}
	 */
	public SimpleDynamoDownRepository(EntityInformation<T, String> entityInformation, KeyValueOperations operations) {
		super(entityInformation, operations);
		if (!(operations instanceof DynamoDownKeyValueTemplate dynamoDownTemplate)) {
			throw new IllegalArgumentException("dynamodown repositories need a DynamoDownKeyValueTemplate, got "
					+ operations.getClass().getName());
		}
		this.entityInformation = entityInformation;
		this.template = dynamoDownTemplate;
	}

	/** Writes the entity with {@code PutItem} (conditional for a versioned entity); its key must be set. */
	@Override
	public <S extends T> S save(S entity) {
		Objects.requireNonNull(entity, "'entity' must not be null");
		return this.template.update(requiredKey(entity), entity);
	}

	/** Writes the entities with a non-atomic batch, or conditional writes if versioned; see the class comment. */
	@Override
	public <S extends T> List<S> saveAll(Iterable<S> entities) {
		return this.template.updateAll(entities);
	}

	@Override
	public boolean existsById(String id) {
		return this.template.existsById(id, type());
	}

	/** Reads with {@code BatchGetItem}: existing entities, in the order asked, each once. */
	@Override
	public List<T> findAllById(Iterable<String> ids) {
		return this.template.findAllById(ids, type());
	}

	/** Deletes the entity; checks its version if it has one. */
	@Override
	public void delete(T entity) {
		Objects.requireNonNull(entity, "'entity' must not be null");
		this.template.delete(entity);
	}

	/** Deletes with a non-atomic batch; see the class comment. */
	@Override
	public void deleteAllById(Iterable<? extends String> ids) {
		Objects.requireNonNull(ids, "'ids' must not be null");
		List<String> keys = new ArrayList<>();
		ids.forEach(keys::add);
		this.template.deleteAllById(keys, type());
	}

	/** Deletes with a non-atomic batch, or conditional deletes if versioned; see the class comment. */
	@Override
	public void deleteAll(Iterable<? extends T> entities) {
		this.template.deleteAll(entities, type());
	}

	/** In key order; the sort may only name the key. */
	@Override
	public List<T> findAll(Sort sort) {
		return super.findAll(sort);
	}

	/**
	 * One page in key order. Reads the first {@code offset + size} entities and discards the first
	 * {@code offset}, then counts the namespace; keyset scrolling reads only the page.
	 */
	@Override
	public Page<T> findAll(Pageable pageable) {
		return super.findAll(pageable);
	}

	private Class<T> type() {
		return this.entityInformation.getJavaType();
	}

	private String requiredKey(T entity) {
		String key = this.entityInformation.getId(entity);
		if (key == null) {
			throw new IllegalArgumentException("The key of " + type().getSimpleName()
					+ " (its @Id property) must not be null: dynamodown does not generate keys");
		}
		return key;
	}

}
