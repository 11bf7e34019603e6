package dev.dynamodown.benchmarks.store;

import java.util.Map;
import java.util.concurrent.CompletableFuture;

import dev.dynamodown.AsyncSortedKeyValueTemplate;
import dev.dynamodown.KeyRange;
import org.jspecify.annotations.Nullable;

/**
 * The asynchronous dynamodown contender: one {@link AsyncSortedKeyValueTemplate} of strings, used as its
 * documentation shows.
 */
public final class AsyncDynamoDownStore implements AsyncPointStore, AsyncRangeStore, AsyncBulkStore {

	private final AsyncSortedKeyValueTemplate<String> template;

	public AsyncDynamoDownStore(AsyncSortedKeyValueTemplate<String> template) {
		this.template = template;
	}

	@Override
	public CompletableFuture<Void> put(String key, String value) {
		return this.template.put(key, value);
	}

	@Override
	public CompletableFuture<@Nullable String> get(String key) {
		return this.template.get(key).thenApply((value) -> value.orElse(null));
	}

	@Override
	public CompletableFuture<Long> scan(boolean reverse) {
		return CountingSubscriber.count(this.template.range(reverse ? KeyRange.all().reverse() : KeyRange.all()),
				(entry) -> Values.isPresent(entry.value()));
	}

	@Override
	public CompletableFuture<Void> write(Map<String, String> entries) {
		return this.template.batch((batch) -> entries.forEach(batch::put)).thenApply((result) -> null);
	}

	@Override
	public CompletableFuture<Long> clear() {
		return this.template.clear(KeyRange.all());
	}

}
