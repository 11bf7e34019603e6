package dev.dynamodown.benchmarks.store;

import java.util.concurrent.CompletableFuture;

import org.jspecify.annotations.Nullable;

/**
 * Single-item writes and reads on an asynchronous client, one request each: every call returns at once, its
 * future completing when the answer arrives. Implementations are thread-safe.
 */
public interface AsyncPointStore {

	CompletableFuture<Void> put(String key, String value);

	/** Completes with the value stored under {@code key}, or {@code null} if there is none. */
	CompletableFuture<@Nullable String> get(String key);

}
