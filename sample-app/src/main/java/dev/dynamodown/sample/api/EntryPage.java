package dev.dynamodown.sample.api;

import java.util.List;

import dev.dynamodown.KeyValue;
import org.jspecify.annotations.Nullable;

/**
 * One page of a range listing, {@code {"items": [{"key": ..., "value": ...}], "next": ...}}.
 * {@code next} is the cursor: the last key of a page that has more entries after it, which
 * the next page passes as {@code gt} (or {@code lt} when listing in reverse); {@code null}
 * on the last page.
 *
 * @param items the entries, in the listing's order
 * @param next the cursor to the following page, or {@code null} if there is none
 */
record EntryPage(List<KeyValue<?>> items, @Nullable String next) {

	/**
	 * The page from a listing read with one entry more than the page holds: that extra
	 * entry only tells whether there is a next page.
	 * @param lookahead up to {@code pageSize + 1} entries
	 * @param pageSize the page size
	 * @return the page
	 */
	static EntryPage of(List<? extends KeyValue<?>> lookahead, int pageSize) {
		if (lookahead.size() <= pageSize) {
			return new EntryPage(List.copyOf(lookahead), null);
		}
		List<KeyValue<?>> items = List.copyOf(lookahead.subList(0, pageSize));
		return new EntryPage(items, items.get(pageSize - 1).key());
	}

}
