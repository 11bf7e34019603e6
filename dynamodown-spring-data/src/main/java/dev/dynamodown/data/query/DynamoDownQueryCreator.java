package dev.dynamodown.data.query;

import java.util.Comparator;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

import dev.dynamodown.KeyRange;
import dev.dynamodown.KeyValue;
import org.jspecify.annotations.Nullable;

import org.springframework.data.core.PropertyPath;
import org.springframework.data.domain.Sort;
import org.springframework.data.keyvalue.core.SimplePropertyPathAccessor;
import org.springframework.data.keyvalue.core.query.KeyValueQuery;
import org.springframework.data.keyvalue.repository.query.PredicateQueryCreator;
import org.springframework.data.repository.query.ParameterAccessor;
import org.springframework.data.repository.query.parser.AbstractQueryCreator;
import org.springframework.data.repository.query.parser.Part;
import org.springframework.data.repository.query.parser.Part.IgnoreCaseType;
import org.springframework.data.repository.query.parser.Part.Type;
import org.springframework.data.repository.query.parser.PartTree;

/**
 * Turns a query method's name into {@link KeyCriteria}.
 * <ul>
 * <li>Criteria on the key (the {@code @Id} property) become the key range DynamoDB evaluates:
 * {@code Is}/{@code Equals} (the key itself), {@code StartingWith} (a prefix), {@code Between}
 * (inclusive on both ends), {@code GreaterThan}/{@code After}, {@code GreaterThanEqual},
 * {@code LessThan}/{@code Before}, {@code LessThanEqual}. Several of them joined by {@code And}
 * intersect.</li>
 * <li>Every other criterion, on other properties or on the key with {@code IgnoreCase}, {@code In},
 * {@code Like}, {@code EndingWith}, {@code Not}…, is evaluated on the entities read from that range,
 * with the semantics of Spring Data's map repositories ({@link PredicateQueryCreator}), except
 * that {@code Between} is inclusive here too.</li>
 * <li>{@code Or} reads the whole namespace (see {@link KeyCriteria#or}).</li>
 * </ul>
 * {@code OrderBy} is carried as the query's {@link Sort}; it may only name the key.
 */
public class DynamoDownQueryCreator extends AbstractQueryCreator<KeyValueQuery<?>, KeyCriteria> {

	private static final Set<Type> KEY_CONDITIONS = EnumSet.of(Type.SIMPLE_PROPERTY, Type.STARTING_WITH, Type.BETWEEN,
			Type.GREATER_THAN, Type.AFTER, Type.GREATER_THAN_EQUAL, Type.LESS_THAN, Type.BEFORE, Type.LESS_THAN_EQUAL);

	private final String keyProperty;

	private final PropertyPredicates propertyPredicates;

	/**
	 * Creates a query creator.
	 * @param tree the parsed method name
	 * @param parameters the arguments of one invocation
	 * @param keyProperty the name of the entity's {@code @Id} property
	 */
	public DynamoDownQueryCreator(PartTree tree, ParameterAccessor parameters, String keyProperty) {
		super(tree, parameters);
		this.keyProperty = Objects.requireNonNull(keyProperty, "'keyProperty' must not be null");
		this.propertyPredicates = new PropertyPredicates(tree, parameters);
	}

	@Override
	protected KeyCriteria create(Part part, Iterator<Object> arguments) {
		if (isKeyCondition(part)) {
			return KeyCriteria.range(keyRange(part, arguments));
		}
		return KeyCriteria.filter(this.propertyPredicates.of(part, arguments));
	}

	@Override
	protected KeyCriteria and(Part part, KeyCriteria base, Iterator<Object> arguments) {
		return base.and(create(part, arguments));
	}

	@Override
	protected KeyCriteria or(KeyCriteria base, KeyCriteria criteria) {
		return base.or(criteria);
	}

	@Override
	protected KeyValueQuery<?> complete(@Nullable KeyCriteria criteria, Sort sort) {
		return new KeyValueQuery<>((criteria != null) ? criteria : KeyCriteria.all(), sort);
	}

	private boolean isKeyCondition(Part part) {
		PropertyPath property = part.getProperty();
		return property.getSegment().equals(this.keyProperty) && !property.hasNext()
				&& part.shouldIgnoreCase() == IgnoreCaseType.NEVER && KEY_CONDITIONS.contains(part.getType());
	}

	private KeyRange keyRange(Part part, Iterator<Object> arguments) {
		KeyRange all = KeyRange.all();
		return switch (part.getType()) {
			case SIMPLE_PROPERTY -> {
				String key = key(part, arguments);
				yield all.gte(key).lte(key);
			}
			case STARTING_WITH -> KeyRange.prefix(key(part, arguments));
			case BETWEEN -> all.gte(key(part, arguments)).lte(key(part, arguments));
			case GREATER_THAN, AFTER -> all.gt(key(part, arguments));
			case GREATER_THAN_EQUAL -> all.gte(key(part, arguments));
			case LESS_THAN, BEFORE -> all.lt(key(part, arguments));
			case LESS_THAN_EQUAL -> all.lte(key(part, arguments));
			default -> throw new IllegalStateException("Not a key condition: " + part);
		};
	}

	private String key(Part part, Iterator<Object> arguments) {
		Object argument = arguments.next();
		Objects.requireNonNull(argument, () -> "The argument of '" + part + "' must not be null");
		if (!(argument instanceof String key)) {
			throw new IllegalArgumentException("The argument of '" + part + "' must be a String key, was "
					+ argument.getClass().getName());
		}
		return key;
	}

	/**
	 * Spring Data's in-memory predicates for the criteria DynamoDB cannot evaluate, with an
	 * inclusive {@code Between}.
	 */
	private static final class PropertyPredicates extends PredicateQueryCreator {

		private static final Comparator<@Nullable Object> ORDER = Comparator.nullsFirst(PropertyPredicates::compare);

		PropertyPredicates(PartTree tree, ParameterAccessor parameters) {
			super(tree, parameters);
		}

		@SuppressWarnings("unchecked")
		Predicate<KeyValue<?>> of(Part part, Iterator<Object> arguments) {
			Predicate<Object> predicate = (part.getType() == Type.BETWEEN) ? between(part.getProperty(), arguments)
					: (Predicate<Object>) create(part, arguments);
			return (entry) -> predicate.test(entry.value());
		}

		private static Predicate<Object> between(PropertyPath property, Iterator<Object> arguments) {
			Object from = arguments.next();
			Object to = arguments.next();
			return (entity) -> {
				Object value = new SimplePropertyPathAccessor<>(entity).getValue(property);
				return ORDER.compare(value, from) >= 0 && ORDER.compare(value, to) <= 0;
			};
		}

		@SuppressWarnings({ "unchecked", "rawtypes" })
		private static int compare(Object a, Object b) {
			return ((Comparable) a).compareTo(b);
		}

	}

}
