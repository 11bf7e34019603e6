package dev.dynamodown.autoconfigure;

import java.util.List;

import dev.dynamodown.DynamoDownListener;
import org.jspecify.annotations.Nullable;

/**
 * Tells every listener bean, in order, since {@code DynamoDown} takes one listener.
 */
final class CompositeDynamoDownListener implements DynamoDownListener {

	private final List<DynamoDownListener> listeners;

	CompositeDynamoDownListener(List<DynamoDownListener> listeners) {
		this.listeners = List.copyOf(listeners);
	}

	@Override
	public void operationCompleted(String table, String namespace, String operation, long nanos,
			@Nullable Throwable failure) {
		this.listeners.forEach((listener) -> listener.operationCompleted(table, namespace, operation, nanos, failure));
	}

	@Override
	public void batchRetried(String table, String namespace, int unprocessed) {
		this.listeners.forEach((listener) -> listener.batchRetried(table, namespace, unprocessed));
	}

}
