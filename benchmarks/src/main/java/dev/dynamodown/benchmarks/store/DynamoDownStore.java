package dev.dynamodown.benchmarks.store;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import dev.dynamodown.KeyRange;
import dev.dynamodown.KeyValue;
import dev.dynamodown.SortedKeyValueTemplate;
import org.jspecify.annotations.Nullable;

/** The dynamodown contender: one {@link SortedKeyValueTemplate} of strings, used as its documentation shows. */
public final class DynamoDownStore implements PointStore, RangeStore, BulkStore {

	private final SortedKeyValueTemplate<String> template;

	public DynamoDownStore(SortedKeyValueTemplate<String> template) {
		this.template = template;
	}

	@Override
	public void put(String key, String value) {
		this.template.put(key, value);
	}

	@Override
	public @Nullable String get(String key) {
		return this.template.get(key).orElse(null);
	}

	@Override
	public long getAll(List<String> keys) {
		return this.template.getAll(keys).size();
	}

	@Override
	public void write(Map<String, String> entries) {
		this.template.batch(batch -> entries.forEach(batch::put));
	}

	@Override
	public long scan(boolean reverse) {
		return consume(reverse ? KeyRange.all().reverse() : KeyRange.all());
	}

	@Override
	public long first(int n) {
		return consume(KeyRange.all().limit(n));
	}

	@Override
	public long clear() {
		return this.template.clear(KeyRange.all());
	}

	private long consume(KeyRange range) {
		try (Stream<KeyValue<String>> entries = this.template.range(range)) {
			return entries.filter(entry -> Values.isPresent(entry.value())).count();
		}
	}

}
