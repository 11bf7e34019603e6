package dev.dynamodown.internal.paging;

import java.util.List;

/**
 * One page of an ordered sequence read from DynamoDB: its items, and whether it is the last page.
 * A page may be empty without being the last (a Query page whose items were all filtered out).
 *
 * @param items the items in sequence order
 * @param last whether no page follows
 * @param <T> the item type
 */
public record Page<T>(List<T> items, boolean last) {

	public Page {
		items = List.copyOf(items);
	}

	/** The empty last page. */
	public static <T> Page<T> end() {
		return new Page<>(List.of(), true);
	}

}
