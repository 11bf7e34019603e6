package dev.dynamodown.data;

import java.io.IOException;
import java.util.List;
import java.util.function.Predicate;

import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;

/**
 * Fault injection on a real client: every attempt of a request that matches fails as if the
 * connection had been reset, before it reaches the server (so it is certainly not applied).
 * Matches nothing until told otherwise.
 */
public final class FailingRequests implements ExecutionInterceptor {

	private volatile Predicate<SdkRequest> failing = (request) -> false;

	/** Fails every attempt of the requests that match, from now on. */
	public void failWhen(Predicate<SdkRequest> failing) {
		this.failing = failing;
	}

	/** Matches the {@code BatchWriteItem} requests that put the item of a key. */
	public static Predicate<SdkRequest> batchPutting(String key) {
		return (request) -> request instanceof BatchWriteItemRequest batch && batch.requestItems()
			.values()
			.stream()
			.flatMap(List::stream)
			.anyMatch((write) -> write.putRequest() != null && key.equals(write.putRequest().item().get("k").s()));
	}

	/** Lets every request through again. */
	public void reset() {
		this.failing = (request) -> false;
	}

	@Override
	public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes executionAttributes) {
		if (this.failing.test(context.request())) {
			throw SdkClientException.create("Unable to execute HTTP request: Connection reset",
					new IOException("Connection reset (injected)"));
		}
	}

}
