package dev.dynamodown.data.repository;

import java.util.List;
import java.util.Objects;

import dev.dynamodown.data.core.DynamoDownKeyValueTemplate;
import dev.dynamodown.data.query.DynamoDownQueryCreator;
import dev.dynamodown.data.query.KeyOrder;
import org.jspecify.annotations.Nullable;

import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.data.domain.SliceImpl;
import org.springframework.data.keyvalue.core.KeyValueOperations;
import org.springframework.data.keyvalue.core.query.KeyValueQuery;
import org.springframework.data.keyvalue.repository.query.KeyValuePartTreeQuery;
import org.springframework.data.repository.query.ParametersParameterAccessor;
import org.springframework.data.repository.query.QueryMethod;
import org.springframework.data.repository.query.ValueExpressionDelegate;
import org.springframework.data.repository.query.parser.AbstractQueryCreator;
import org.springframework.data.repository.query.parser.PartTree;
import org.springframework.data.util.Streamable;
import org.springframework.util.ClassUtils;

/**
 * A derived query of a dynamodown repository: {@link DynamoDownQueryCreator} turns the method name
 * into a key range (sent to DynamoDB) and a filter (evaluated on what is read), and this class
 * runs it with the return type's semantics. On top of {@link KeyValuePartTreeQuery}:
 * <ul>
 * <li>{@code Window<T>} with a {@code ScrollPosition}: keyset scrolling resumes after the last key
 * with a key condition, so skipped entities are never read (see
 * {@link dev.dynamodown.data.core.DynamoDownQueryEngine#scroll}); offset positions read and
 * discard the skipped entities;</li>
 * <li>{@code Slice<T>}: reads one entity more than the page to tell whether there is a next one,
 * without counting;</li>
 * <li>{@code Stream<T>}: lazy, page by page; close it;</li>
 * <li>{@code deleteBy…}/{@code removeBy…}: reads the matching entities, then deletes them with a
 * non-atomic batch; returns them (collection return type) or their number ({@code long});</li>
 * <li>{@code Top}/{@code First} and a {@code Limit} parameter together: the smaller wins.</li>
 * </ul>
 * {@code OrderBy} may only name the key, which is checked when the repository is created.
 */
public class DynamoDownPartTreeQuery extends KeyValuePartTreeQuery {

	private final DynamoDownKeyValueTemplate template;

	private final PartTree tree;

	/**
	 * Creates the query of one repository method; the signature Spring Data KeyValue's lookup
	 * strategy instantiates.
	 * @param queryMethod the method
	 * @param valueExpressionDelegate SpEL support (unused: dynamodown queries have no expressions)
	 * @param operations a {@link DynamoDownKeyValueTemplate}
	 * @param queryCreator ignored: the query always uses a {@link DynamoDownQueryCreator}
	 */
	public DynamoDownPartTreeQuery(QueryMethod queryMethod, ValueExpressionDelegate valueExpressionDelegate,
			KeyValueOperations operations, Class<? extends AbstractQueryCreator<?, ?>> queryCreator) {
		this(queryMethod, valueExpressionDelegate, requireTemplate(operations),
				keyProperty(requireTemplate(operations), queryMethod));
	}

	private DynamoDownPartTreeQuery(QueryMethod queryMethod, ValueExpressionDelegate valueExpressionDelegate,
			DynamoDownKeyValueTemplate template, String keyProperty) {
		super(queryMethod, valueExpressionDelegate, template,
				(tree, parameters) -> new DynamoDownQueryCreator(tree, parameters, keyProperty));
		this.template = template;
		Class<?> type = queryMethod.getEntityInformation().getJavaType();
		this.tree = new PartTree(queryMethod.getName(), type);
		KeyOrder.isDescending(this.tree.getSort(), keyProperty, type);
	}

	@Override
	protected KeyValueQuery<?> prepareQuery(KeyValueQuery<?> instance, Object[] parameters) {
		KeyValueQuery<?> query = super.prepareQuery(instance, parameters);
		Integer maxResults = this.tree.getMaxResults();
		if (maxResults != null && (query.getRows() < 0 || query.getRows() > maxResults)) {
			query.setRows(maxResults);
		}
		return query;
	}

	@Override
	protected @Nullable Object doExecute(Object[] parameters, KeyValueQuery<?> query) {
		QueryMethod method = getQueryMethod();
		Class<?> type = method.getEntityInformation().getJavaType();
		ParametersParameterAccessor accessor = new ParametersParameterAccessor(method.getParameters(), parameters);
		if (this.tree.isDelete()) {
			return deleted(this.template.deleteAll(query, type), method);
		}
		if (method.isScrollQuery()) {
			ScrollPosition position = Objects.requireNonNull(accessor.getScrollPosition(),
					() -> "The ScrollPosition of " + method.getName() + " must not be null");
			return this.template.scroll(query, position, type);
		}
		if (method.isStreamQuery()) {
			return this.template.stream(query, type);
		}
		if (method.isSliceQuery()) {
			Pageable pageable = accessor.getPageable();
			int size = pageable.getPageSize();
			query.setOffset(pageable.getOffset());
			query.setRows(size + 1);
			List<?> content = Streamable.of(this.template.find(query, type)).toList();
			return new SliceImpl<>(content.subList(0, Math.min(size, content.size())), pageable, content.size() > size);
		}
		return super.doExecute(parameters, query);
	}

	private static @Nullable Object deleted(List<?> entities, QueryMethod method) {
		if (method.isCollectionQuery()) {
			return entities;
		}
		if (Number.class.isAssignableFrom(ClassUtils.resolvePrimitiveIfNecessary(method.getReturnedObjectType()))) {
			return (long) entities.size();
		}
		return entities.isEmpty() ? null : entities.get(0);
	}

	static DynamoDownKeyValueTemplate requireTemplate(KeyValueOperations operations) {
		if (!(operations instanceof DynamoDownKeyValueTemplate template)) {
			throw new IllegalArgumentException("dynamodown repositories need a DynamoDownKeyValueTemplate, got "
					+ ((operations != null) ? operations.getClass().getName() : "null"));
		}
		return template;
	}

	private static String keyProperty(DynamoDownKeyValueTemplate template, QueryMethod method) {
		return template.getKeyValueAdapter()
			.getMappingContext()
			.getRequiredPersistentEntity(method.getEntityInformation().getJavaType())
			.getRequiredKeyProperty()
			.getName();
	}

}
