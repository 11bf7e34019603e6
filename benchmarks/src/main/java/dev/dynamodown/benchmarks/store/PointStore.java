package dev.dynamodown.benchmarks.store;

import org.jspecify.annotations.Nullable;

/** Single-item writes and reads, one request each. Implementations are thread-safe. */
public interface PointStore {

	void put(String key, String value);

	/** The value stored under {@code key}, or {@code null} if there is none. */
	@Nullable String get(String key);

}
