package dev.dynamodown.reliability;

import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

import org.reactivestreams.Publisher;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.http.async.AsyncExecuteRequest;
import software.amazon.awssdk.http.async.SdkAsyncHttpClient;
import software.amazon.awssdk.http.async.SdkAsyncHttpResponseHandler;
import software.amazon.awssdk.utils.AttributeMap;

/**
 * An asynchronous HTTP client that passes on what the client it wraps reports about an attempt
 * only while that attempt is still going: afterwards it belongs to no attempt.
 * <p>
 * Why: the SDK (2.57.8) gives all attempts of one call the same response handler, re-armed for
 * each attempt. When the SDK gives up on an attempt (its {@code apiCallAttemptTimeout}, or a
 * failed response), the Netty client tears the attempt's connection down later, on its event
 * loop, and reports that to the handler once more ({@code FutureCancelledException}, or the
 * connection's error a second time). On a loaded machine that report can come after the retry
 * re-armed the handler: the next attempt then fails with the previous attempt's error, and a
 * {@code FutureCancelledException} is not retryable, so the call fails with attempts to spare
 * (or, with a retryable one, makes an attempt more than the faults called for).
 */
final class AttemptIsolatingHttpClient implements SdkAsyncHttpClient {

	private final SdkAsyncHttpClient client;

	private AttemptIsolatingHttpClient(SdkAsyncHttpClient client) {
		this.client = client;
	}

	/**
	 * A builder of this client around the one the given builder makes with the SDK's defaults, for
	 * {@code httpClientBuilder(...)}: the SDK client then owns both and closes them.
	 */
	static SdkAsyncHttpClient.Builder<?> around(SdkAsyncHttpClient.Builder<?> client) {
		return new Builder(client);
	}

	@Override
	public CompletableFuture<Void> execute(AsyncExecuteRequest request) {
		AtomicBoolean over = new AtomicBoolean();
		AttemptHandler handler = new AttemptHandler(request.responseHandler(), over);
		AsyncExecuteRequest isolated = AsyncExecuteRequest.builder()
			.request(request.request())
			.requestContentPublisher(request.requestContentPublisher())
			.responseHandler(handler)
			.metricCollector(request.metricCollector().orElse(null))
			.fullDuplex(request.fullDuplex())
			.httpExecutionAttributes(request.httpExecutionAttributes())
			.build();
		Attempt attempt = new Attempt(this.client.execute(isolated), over);
		attempt.sent.whenComplete((result, failure) -> {
			if (failure == null) {
				// a complete answer: whatever comes later is not about this attempt
				over.set(true);
				attempt.report(null);
			}
			else {
				// The wrapped client reports a failed attempt twice, to its future and to the handler,
				// in either order (Netty fails the future first on a connection error). The handler
				// hears the first report, here before the SDK sees the future fail: the SDK fails the
				// future back (which ends the attempt), and that would swallow a report to the handler
				// still due, leaving the attempt to its timeout.
				handler.onError(failure);
				attempt.report(failure);
			}
		});
		return attempt;
	}

	@Override
	public String clientName() {
		return this.client.clientName();
	}

	@Override
	public void close() {
		this.client.close();
	}

	private record Builder(SdkAsyncHttpClient.Builder<?> client) implements SdkAsyncHttpClient.Builder<Builder> {

		@Override
		public SdkAsyncHttpClient buildWithDefaults(AttributeMap defaults) {
			return new AttemptIsolatingHttpClient(this.client.buildWithDefaults(defaults));
		}

	}

	/**
	 * The future the SDK holds for one attempt. The SDK completes it exceptionally, or cancels it,
	 * when it gives up on the attempt; that ends the attempt for the handler too, before the SDK
	 * can start the next one.
	 */
	private static final class Attempt extends CompletableFuture<Void> {

		private final CompletableFuture<Void> sent;

		private final AtomicBoolean over;

		Attempt(CompletableFuture<Void> sent, AtomicBoolean over) {
			this.sent = sent;
			this.over = over;
		}

		@Override
		public boolean completeExceptionally(Throwable failure) {
			this.over.set(true);
			this.sent.completeExceptionally(failure);
			return super.completeExceptionally(failure);
		}

		@Override
		public boolean cancel(boolean mayInterruptIfRunning) {
			this.over.set(true);
			this.sent.cancel(mayInterruptIfRunning);
			return super.cancel(mayInterruptIfRunning);
		}

		/** What the wrapped client concluded, passed on to the SDK after the handler heard of it. */
		void report(Throwable failure) {
			if (failure == null) {
				super.complete(null);
			}
			else {
				super.completeExceptionally(failure);
			}
		}

	}

	/** The SDK's handler, told about this attempt only until the attempt is over; one error at most. */
	private record AttemptHandler(SdkAsyncHttpResponseHandler handler, AtomicBoolean over)
			implements SdkAsyncHttpResponseHandler {

		@Override
		public void onHeaders(SdkHttpResponse headers) {
			if (!this.over.get()) {
				this.handler.onHeaders(headers);
			}
		}

		@Override
		public void onStream(Publisher<ByteBuffer> stream) {
			if (!this.over.get()) {
				this.handler.onStream(stream);
			}
		}

		@Override
		public void onError(Throwable error) {
			if (this.over.compareAndSet(false, true)) {
				this.handler.onError(error);
			}
		}

	}

}
