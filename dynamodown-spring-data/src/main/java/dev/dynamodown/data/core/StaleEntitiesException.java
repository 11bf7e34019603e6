package dev.dynamodown.data.core;

import java.util.List;

import org.springframework.dao.OptimisticLockingFailureException;

/**
 * Optimistic locking failed for some entities: their {@code @Version} no longer matched the stored
 * item (it was changed or deleted meanwhile), or a new entity's key already existed. Nothing was
 * written for those entities; in a {@code saveAll} or {@code deleteAll} of several, every other
 * entity was written.
 */
public class StaleEntitiesException extends OptimisticLockingFailureException {

	private static final long serialVersionUID = 1L;

	private final List<String> staleKeys;

	/**
	 * Creates the exception.
	 * @param type the entity type
	 * @param staleKeys the keys of the stale entities
	 */
	public StaleEntitiesException(Class<?> type, List<String> staleKeys) {
		super("Optimistic locking failed for " + type.getSimpleName() + " " + quoted(staleKeys)
				+ ": the stored item's version differs from the entity's (changed or deleted meanwhile, or the key of a"
				+ " new entity exists); nothing was written for " + ((staleKeys.size() == 1) ? "it" : "them"));
		this.staleKeys = List.copyOf(staleKeys);
	}

	/** The keys of the entities for which nothing was written, in the order given. */
	public List<String> getStaleKeys() {
		return this.staleKeys;
	}

	private static String quoted(List<String> keys) {
		return String.join(", ", keys.stream().map((key) -> "'" + key + "'").toList());
	}

}
