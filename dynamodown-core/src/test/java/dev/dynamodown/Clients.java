package dev.dynamodown;

import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * A blocking and an asynchronous client for the same endpoint, with the same interceptors, retry
 * policy and credentials; closed together.
 *
 * @param blocking the {@code DynamoDbClient}
 * @param async the {@code DynamoDbAsyncClient} (Netty)
 */
public record Clients(DynamoDbClient blocking, DynamoDbAsyncClient async) implements AutoCloseable {

	@Override
	public void close() {
		this.blocking.close();
		this.async.close();
	}

}
