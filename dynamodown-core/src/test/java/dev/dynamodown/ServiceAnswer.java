package dev.dynamodown;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import org.reactivestreams.Publisher;
import software.amazon.awssdk.core.async.AsyncRequestBody;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.SdkHttpResponse;

/**
 * Replaces the server's answer to every attempt of one operation by a given HTTP status and JSON
 * body: the request still reaches the server, only its answer is swapped, to produce answers
 * dynalite never gives (a cancelled transaction, a 5xx).
 */
final class ServiceAnswer implements ExecutionInterceptor {

	private static final ExecutionAttribute<Boolean> REPLACED = new ExecutionAttribute<>("replaced");

	private volatile String operation;

	private volatile int status;

	private volatile String body;

	/** Attempts of the operation still to be left alone. */
	private final AtomicInteger untouched = new AtomicInteger();

	void answer(String operation, int status, String body) {
		answerAfter(0, operation, status, body);
	}

	/** Like {@link #answer}, but the next {@code attempts} attempts of the operation keep the server's answer. */
	void answerAfter(int attempts, String operation, int status, String body) {
		this.status = status;
		this.body = body;
		this.untouched.set(attempts);
		this.operation = operation;
	}

	void reset() {
		this.operation = null;
	}

	@Override
	public SdkHttpResponse modifyHttpResponse(Context.ModifyHttpResponse context, ExecutionAttributes attributes) {
		if (attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME).equals(this.operation)
				&& this.untouched.getAndUpdate((n) -> Math.max(n - 1, 0)) == 0) {
			attributes.putAttribute(REPLACED, true);
			return context.httpResponse().toBuilder().statusCode(this.status).build();
		}
		return context.httpResponse();
	}

	@Override
	public Optional<Publisher<ByteBuffer>> modifyAsyncHttpResponseContent(Context.ModifyHttpResponse context,
			ExecutionAttributes attributes) {
		if (Boolean.TRUE.equals(attributes.getAttribute(REPLACED))) {
			return Optional.of(AsyncRequestBody.fromString(this.body));
		}
		return context.responsePublisher();
	}

	@Override
	public Optional<InputStream> modifyHttpResponseContent(Context.ModifyHttpResponse context,
			ExecutionAttributes attributes) {
		if (Boolean.TRUE.equals(attributes.getAttribute(REPLACED))) {
			return Optional.of(AbortableInputStream
				.create(new ByteArrayInputStream(this.body.getBytes(StandardCharsets.UTF_8))));
		}
		return context.responseBody();
	}

}
