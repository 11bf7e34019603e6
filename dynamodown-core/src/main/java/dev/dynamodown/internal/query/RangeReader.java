package dev.dynamodown.internal.query;

import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import dev.dynamodown.KeyRange;
import dev.dynamodown.internal.store.Store;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Streams the items of a range: lazy, page by page, in key order (descending if reversed).
 * An empty range gives an empty stream without any request.
 */
public final class RangeReader {

	private final Store store;

	public RangeReader(Store store) {
		this.store = store;
	}

	/**
	 * Streams the items of a range. Nothing is read before the stream is consumed; the table's
	 * key layout is looked up at once.
	 * @param range the keys to read
	 * @param keysOnly whether to read only the key attributes
	 * @param operation the public operation, for failure messages
	 * @param onFinish told once when the stream is exhausted, closed or fails
	 * @return the items, to be closed by the caller
	 */
	public Stream<Map<String, AttributeValue>> stream(KeyRange range, boolean keysOnly, String operation,
			Consumer<@Nullable Throwable> onFinish) {
		// One partition per store today (see Partitioning); sharding would merge one cursor per partition.
		String partition = this.store.partitioning().partitions().get(0);
		Optional<QueryPlan> plan = QueryPlan.of(range, this.store.schema(), partition);
		if (plan.isEmpty()) {
			onFinish.accept(null);
			return Stream.empty();
		}
		QueryCursor cursor = new QueryCursor(this.store, plan.get(), keysOnly, operation, onFinish);
		return StreamSupport.stream(cursor, false).onClose(cursor::close);
	}

}
