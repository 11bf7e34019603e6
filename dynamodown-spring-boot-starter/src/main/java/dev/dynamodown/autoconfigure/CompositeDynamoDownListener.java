package dev.dynamodown.autoconfigure;

import java.util.List;

import dev.dynamodown.DynamoDownListener;

/**
 * Tells every listener bean, in order, since {@code DynamoDown} takes one listener: each is
 * started, and each started operation completed.
 */
final class CompositeDynamoDownListener implements DynamoDownListener {

	private final List<DynamoDownListener> listeners;

	CompositeDynamoDownListener(List<DynamoDownListener> listeners) {
		this.listeners = List.copyOf(listeners);
	}

	@Override
	public StartedOperation operationStarted(String table, String namespace, String operation) {
		List<StartedOperation> started = this.listeners.stream()
			.map((listener) -> listener.operationStarted(table, namespace, operation))
			.toList();
		return (nanos, failure) -> started.forEach((operationOf) -> operationOf.completed(nanos, failure));
	}

	@Override
	public void batchRetried(String table, String namespace, int unprocessed) {
		this.listeners.forEach((listener) -> listener.batchRetried(table, namespace, unprocessed));
	}

}
