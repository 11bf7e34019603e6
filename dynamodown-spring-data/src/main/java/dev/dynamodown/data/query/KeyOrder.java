package dev.dynamodown.data.query;

import org.springframework.data.domain.Sort;
import org.springframework.data.domain.Sort.Order;

/**
 * The one order dynamodown reads entities in: by key, ascending or descending (DynamoDB's
 * {@code ScanIndexForward}). Sorting by another property would mean reading a whole namespace
 * into memory before returning the first entity, so it is refused rather than done silently.
 */
public final class KeyOrder {

	private KeyOrder() {
	}

	/**
	 * Whether a sort asks for descending key order.
	 * @param sort the sort; unsorted means ascending
	 * @param keyProperty the name of the entity's {@code @Id} property
	 * @param entityType the entity type, for the message
	 * @return {@code true} for descending key order
	 * @throws IllegalArgumentException if the sort names another property or ignores case
	 */
	public static boolean isDescending(Sort sort, String keyProperty, Class<?> entityType) {
		Order first = null;
		for (Order order : sort) {
			if (!order.getProperty().equals(keyProperty) || order.isIgnoreCase()) {
				throw new IllegalArgumentException("Cannot sort " + entityType.getSimpleName() + " by '"
						+ order.getProperty() + (order.isIgnoreCase() ? "' ignoring case" : "'")
						+ ": dynamodown returns entities in key order only (sort by '" + keyProperty
						+ "', ascending or descending)");
			}
			if (first == null) {
				first = order;
			}
		}
		return first != null && first.isDescending();
	}

}
