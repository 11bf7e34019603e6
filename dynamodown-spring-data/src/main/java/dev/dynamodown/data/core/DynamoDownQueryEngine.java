package dev.dynamodown.data.core;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.stream.Stream;

import dev.dynamodown.KeyRange;
import dev.dynamodown.KeyValue;
import dev.dynamodown.data.query.KeyCriteria;
import dev.dynamodown.data.query.KeyOrder;
import org.jspecify.annotations.Nullable;

import org.springframework.data.domain.KeysetScrollPosition;
import org.springframework.data.domain.OffsetScrollPosition;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.data.domain.Sort;
import org.springframework.data.domain.Window;
import org.springframework.data.keyvalue.core.QueryEngine;
import org.springframework.data.keyvalue.core.query.KeyValueQuery;

/**
 * Evaluates queries whose criteria are {@link KeyCriteria}: reads the criteria's key range with a
 * paged DynamoDB {@code Query} in key order (descending if the query's {@link Sort} says so; it may
 * only name the key, see {@link KeyOrder}), filters the entries read if the criteria has a filter,
 * then skips the offset and stops after the rows asked for.
 * <p>
 * <b>Costs.</b> Without a filter, the range's limit is {@code offset + rows}, so no page beyond
 * that is read; the first {@code offset} entries are still read and discarded, which is why keyset
 * {@link #scroll scrolling} is the way to page deep into a namespace. With a filter, entries are
 * read until {@code offset + rows} of them matched. Counting without a filter uses
 * {@code Select.COUNT}, transferring no values.
 */
public class DynamoDownQueryEngine extends QueryEngine<DynamoDownKeyValueAdapter, KeyCriteria, Sort> {

	public DynamoDownQueryEngine() {
		super(DynamoDownQueryEngine::criteriaOf, KeyValueQuery::getSort);
	}

	@Override
	public Collection<?> execute(@Nullable KeyCriteria criteria, @Nullable Sort sort, long offset, int rows,
			String keyspace) {
		return execute(criteria, sort, offset, rows, keyspace, getRequiredAdapter().entityType(keyspace));
	}

	@Override
	public <T> Collection<T> execute(@Nullable KeyCriteria criteria, @Nullable Sort sort, long offset, int rows,
			String keyspace, Class<T> type) {
		try (Stream<T> values = values(orAll(criteria), sort, offset, rows, keyspace, type)) {
			return values.toList();
		}
	}

	@Override
	public long count(@Nullable KeyCriteria criteria, String keyspace) {
		KeyCriteria selected = orAll(criteria);
		return selected.hasFilter() ? count(selected, keyspace, getRequiredAdapter().entityType(keyspace))
				: count(selected, keyspace, Object.class);
	}

	/**
	 * Counts the entities a query selects (its offset and rows aside).
	 * @param query the query
	 * @param keyspace the location
	 * @param type the entity type, to evaluate a filter
	 * @return the number of entities
	 */
	public long count(KeyValueQuery<?> query, String keyspace, Class<?> type) {
		return count(criteriaOf(query), keyspace, type);
	}

	/**
	 * Whether a query selects any entity; reads at most until the first match.
	 * @param query the query
	 * @param keyspace the location
	 * @param type the entity type
	 * @return whether an entity matches
	 */
	public boolean exists(KeyValueQuery<?> query, String keyspace, Class<?> type) {
		try (Stream<?> entries = entries(criteriaOf(query), false, 0, 1, keyspace, type)) {
			return entries.findAny().isPresent();
		}
	}

	/**
	 * Streams the entities a query selects, lazily, page by page. Close the stream.
	 * @param query the query
	 * @param keyspace the location
	 * @param type the entity type
	 * @return the entities in key order (or reverse key order)
	 */
	public <T> Stream<T> stream(KeyValueQuery<?> query, String keyspace, Class<T> type) {
		return values(criteriaOf(query), query.getSort(), query.getOffset(), query.getRows(), keyspace, type);
	}

	/**
	 * Reads one window of the entities a query selects, at most {@code query.getRows()} of them
	 * (all if negative), and one more to tell whether there is a next window.
	 * <ul>
	 * <li>A {@link KeysetScrollPosition} holds the key of the last (forward) or first (backward)
	 * entity of the previous window, under the key property's name; the window starts right after
	 * (or before) it, with a key condition, so skipped entities are never read. Scrolling backward
	 * follows Spring Data's convention: the window lists its entities in the query's order and the
	 * next window backward is {@code positionAt(0)}. An initial backward position starts at the end.</li>
	 * <li>An {@link OffsetScrollPosition} reads and discards the entities before the offset.</li>
	 * </ul>
	 * @param query the query: criteria, sort and rows (its offset is ignored)
	 * @param position where the window starts
	 * @param keyspace the location
	 * @param type the entity type
	 * @return the window
	 * @throws IllegalArgumentException if a keyset position holds anything but one {@code String}
	 * under the key property's name
	 */
	public <T> Window<T> scroll(KeyValueQuery<?> query, ScrollPosition position, String keyspace, Class<T> type) {
		KeyCriteria criteria = criteriaOf(query);
		String keyProperty = getRequiredAdapter().keyProperty(type);
		boolean descending = KeyOrder.isDescending(query.getSort(), keyProperty, type);
		if (position instanceof OffsetScrollPosition offset) {
			long skip = offset.isInitial() ? 0 : offset.getOffset() + 1;
			Window<KeyValue<T>> window = window(criteria, descending, skip, query.getRows(), keyspace, type,
					offset.positionFunction());
			return window.map(KeyValue::value);
		}
		if (position instanceof KeysetScrollPosition keyset) {
			return keysetWindow(criteria, descending, keyset, query.getRows(), keyProperty, keyspace, type);
		}
		throw new IllegalArgumentException("Unsupported ScrollPosition " + position.getClass().getName());
	}

	/**
	 * The window after (forward) or before (backward) the position's key. Backward, entries are
	 * read in the opposite order and the window is turned round, so that it lists them in the
	 * query's order.
	 */
	private <T> Window<T> keysetWindow(KeyCriteria criteria, boolean descending, KeysetScrollPosition position,
			int rows, String keyProperty, String keyspace, Class<T> type) {
		boolean backward = position.scrollsBackward();
		boolean readDescending = descending != backward;
		String anchor = anchorOf(position, keyProperty, type);
		KeyCriteria after = (anchor == null) ? criteria
				: criteria.and(KeyCriteria.range(readDescending ? KeyRange.all().lt(anchor) : KeyRange.all().gt(anchor)));
		Window<KeyValue<T>> read = window(after, readDescending, 0, rows, keyspace, type, (index) -> position);
		List<KeyValue<T>> entries = new ArrayList<>(read.getContent());
		if (backward) {
			Collections.reverse(entries);
		}
		return Window.from(entries.stream().map(KeyValue::value).toList(),
				(index) -> ScrollPosition.of(Map.of(keyProperty, entries.get(index).key()), position.getDirection()),
				read.hasNext());
	}

	/** Reads {@code rows} entries after skipping {@code skip}, and one more to tell whether there are more. */
	private <T> Window<KeyValue<T>> window(KeyCriteria criteria, boolean descending, long skip, int rows,
			String keyspace, Class<T> type, IntFunction<? extends ScrollPosition> positions) {
		List<KeyValue<T>> read;
		try (Stream<KeyValue<T>> entries = entries(criteria, descending, skip, (rows < 0) ? -1 : rows + 1, keyspace,
				type)) {
			read = entries.toList();
		}
		boolean hasMore = rows >= 0 && read.size() > rows;
		return Window.from(hasMore ? read.subList(0, rows) : read, positions, hasMore);
	}

	/** Like {@link #stream} but with the keys: the entries a query selects. Close the stream. */
	<T> Stream<KeyValue<T>> entries(KeyValueQuery<?> query, String keyspace, Class<T> type) {
		boolean descending = KeyOrder.isDescending(query.getSort(), getRequiredAdapter().keyProperty(type), type);
		return entries(criteriaOf(query), descending, query.getOffset(), query.getRows(), keyspace, type);
	}

	private long count(KeyCriteria criteria, String keyspace, Class<?> type) {
		if (criteria.selectsNothing()) {
			return 0;
		}
		if (!criteria.hasFilter()) {
			return getRequiredAdapter().count(keyspace, criteria.range());
		}
		try (Stream<?> entries = entries(criteria, false, 0, -1, keyspace, type)) {
			return entries.count();
		}
	}

	private <T> Stream<T> values(KeyCriteria criteria, @Nullable Sort sort, long offset, int rows, String keyspace,
			Class<T> type) {
		boolean descending = (sort != null)
				&& KeyOrder.isDescending(sort, getRequiredAdapter().keyProperty(type), type);
		return entries(criteria, descending, offset, rows, keyspace, type).map(KeyValue::value);
	}

	/**
	 * The entries selected, in key order or reverse key order, after skipping {@code skip} of them,
	 * at most {@code rows} (all if negative).
	 */
	private <T> Stream<KeyValue<T>> entries(KeyCriteria criteria, boolean descending, long skip, int rows,
			String keyspace, Class<T> type) {
		if (criteria.selectsNothing() || rows == 0) {
			return Stream.empty();
		}
		long skipped = Math.max(skip, 0);
		KeyRange range = descending ? criteria.range().reverse() : criteria.range();
		if (!criteria.hasFilter() && rows > 0) {
			range = range.limit((int) Math.min(Integer.MAX_VALUE, skipped + rows));
		}
		Stream<KeyValue<T>> entries = getRequiredAdapter().read(keyspace, range, type);
		if (criteria.hasFilter()) {
			entries = entries.filter(criteria::testFilter);
		}
		entries = entries.skip(skipped);
		return (rows > 0) ? entries.limit(rows) : entries;
	}

	private static @Nullable String anchorOf(KeysetScrollPosition position, String keyProperty, Class<?> type) {
		Map<String, Object> keys = position.getKeys();
		if (keys.isEmpty()) {
			return null;
		}
		if (keys.size() != 1 || !(keys.get(keyProperty) instanceof String key)) {
			throw new IllegalArgumentException("A KeysetScrollPosition over " + type.getSimpleName()
					+ " must hold exactly one String under '" + keyProperty + "' (the key), was " + keys);
		}
		return key;
	}

	private static KeyCriteria orAll(@Nullable KeyCriteria criteria) {
		return (criteria != null) ? criteria : KeyCriteria.all();
	}

	private static KeyCriteria criteriaOf(KeyValueQuery<?> query) {
		Object criteria = query.getCriteria();
		if (criteria == null) {
			return KeyCriteria.all();
		}
		if (criteria instanceof KeyCriteria keyCriteria) {
			return keyCriteria;
		}
		throw new IllegalArgumentException("dynamodown evaluates KeyCriteria (from derived queries), not "
				+ criteria.getClass().getName());
	}

}
