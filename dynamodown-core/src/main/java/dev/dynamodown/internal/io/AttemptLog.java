package dev.dynamodown.internal.io;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.awscore.AwsRequest;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.metrics.CoreMetric;
import software.amazon.awssdk.metrics.MetricCollection;
import software.amazon.awssdk.metrics.MetricPublisher;

/**
 * How each attempt of ONE call ended, as the client's retry machinery saw it: whether an attempt
 * before the last could have been applied by DynamoDB although the client did not learn it.
 * <p>
 * It is a {@link MetricPublisher} added to that call's request only, so it hears about no other
 * call. The SDK reports every attempt of a call, with the kind of error that ended it
 * ({@link CoreMetric#ERROR_TYPE}), to the call's publishers before the call returns or its future
 * completes (both clients). A throttled attempt was refused before DynamoDB applied anything;
 * every other failed attempt (a reset connection, a timeout, a 5xx answer, an error of unknown
 * kind) may have been applied with its answer lost. If the SDK reported nothing (it always does
 * in the versions this library is built with), the attempt count on the exception
 * ({@link SdkException#numAttempts()}) is used instead, and any earlier attempt counts as possibly
 * applied.
 */
public final class AttemptLog implements MetricPublisher {

	private static final String ATTEMPT = "ApiCallAttempt";

	private static final String THROTTLING = "Throttling";

	/** The error type of each attempt in order, {@code null} for one without error. */
	private volatile @Nullable List<@Nullable String> attempts;

	/**
	 * Adds this log to a request's publishers, after the client's own (which a request's publishers
	 * would otherwise replace).
	 * @param request the request being built, for one call only
	 * @param calls the edge the request is sent through
	 * @param <B> the builder type
	 * @return the builder
	 */
	public <B extends AwsRequest.Builder> B attachTo(B request, DynamoCalls calls) {
		List<MetricPublisher> publishers = calls.clientMetricPublishers();
		request.overrideConfiguration((override) -> {
			publishers.forEach(override::addMetricPublisher);
			override.addMetricPublisher(this);
		});
		return request;
	}

	/**
	 * Whether an attempt before the one that failed with {@code failure} may have been applied: it
	 * failed otherwise than by throttling.
	 * @param failure what the call failed with
	 * @return {@code false} only if the failing attempt was the first, or every earlier one was
	 * refused by throttling
	 */
	public boolean earlierAttemptMayHaveApplied(SdkException failure) {
		List<@Nullable String> reported = this.attempts;
		if (reported == null) {
			Integer attempts = failure.numAttempts();
			return attempts != null && attempts > 1;
		}
		return mayHaveApplied(reported);
	}

	/** Whether an attempt before the last failed otherwise than by throttling. */
	private static boolean mayHaveApplied(List<@Nullable String> reported) {
		for (int i = 0; i < reported.size() - 1; i++) {
			if (!THROTTLING.equals(reported.get(i))) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Whether an attempt before the last one of a call that succeeded may have been applied: it
	 * failed otherwise than by throttling. A call whose attempts the SDK did not report counts as
	 * one attempt (the SDK reports them in the versions this library is built with).
	 * @return {@code true} if the succeeding attempt was a retry after such a failure
	 */
	public boolean earlierAttemptMayHaveApplied() {
		List<@Nullable String> reported = this.attempts;
		return reported != null && mayHaveApplied(reported);
	}

	@Override
	public void publish(MetricCollection call) {
		List<@Nullable String> errors = new ArrayList<>();
		for (MetricCollection attempt : call.children()) {
			if (ATTEMPT.equals(attempt.name())) {
				List<String> types = attempt.metricValues(CoreMetric.ERROR_TYPE);
				errors.add(types.isEmpty() ? null : types.get(0));
			}
		}
		this.attempts = errors;
	}

	@Override
	public void close() {
	}

}
