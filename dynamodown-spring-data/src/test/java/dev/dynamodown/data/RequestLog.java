package dev.dynamodown.data;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.Select;

/**
 * Records every request a {@code DynamoDbClient} executes (once per call, retries aside) and the
 * number of items each {@code Query} returned, so that tests can assert what was sent.
 */
public final class RequestLog implements ExecutionInterceptor {

	private final List<SdkRequest> requests = new CopyOnWriteArrayList<>();

	private final List<QueryCall> queryCalls = new CopyOnWriteArrayList<>();

	@Override
	public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes executionAttributes) {
		this.requests.add(context.request());
	}

	@Override
	public void afterExecution(Context.AfterExecution context, ExecutionAttributes executionAttributes) {
		SdkResponse response = context.response();
		if (context.request() instanceof QueryRequest request && response instanceof QueryResponse query) {
			this.queryCalls.add(new QueryCall(request, query.scannedCount()));
		}
	}

	public void clear() {
		this.requests.clear();
		this.queryCalls.clear();
	}

	public List<SdkRequest> requests() {
		return List.copyOf(this.requests);
	}

	public <R extends SdkRequest> List<R> requests(Class<R> type) {
		return this.requests.stream().filter(type::isInstance).map(type::cast).toList();
	}

	public List<QueryRequest> queries() {
		return requests(QueryRequest.class);
	}

	/** The {@code Query} calls that completed, with the number of items each read (its scanned count). */
	public List<QueryCall> queryCalls() {
		return List.copyOf(this.queryCalls);
	}

	/**
	 * How many items the {@code Query} calls that read items (not {@code Select.COUNT}) read in all,
	 * before any filter expression: what DynamoDB bills.
	 */
	public int itemsRead() {
		return this.queryCalls.stream()
			.filter((call) -> call.request().select() != Select.COUNT)
			.mapToInt(QueryCall::items)
			.sum();
	}

	/** A completed {@code Query}: the request and how many items it read. */
	public record QueryCall(QueryRequest request, int items) {
	}

	/**
	 * The key condition of a query with its placeholders replaced: names by the attribute names,
	 * values by their string values in double quotes, e.g. {@code ns = "meetups" AND k BETWEEN "b" AND "d"}.
	 */
	public static String keyCondition(QueryRequest query) {
		String condition = query.keyConditionExpression();
		// Longest placeholders first, so that ":v1" does not replace the start of ":v10".
		Comparator<Map.Entry<String, ?>> longestFirst = Comparator.comparing((entry) -> -entry.getKey().length());
		for (Map.Entry<String, String> name : query.expressionAttributeNames().entrySet().stream().sorted(longestFirst).toList()) {
			condition = condition.replace(name.getKey(), name.getValue());
		}
		for (Map.Entry<String, AttributeValue> value : query.expressionAttributeValues().entrySet().stream().sorted(longestFirst).toList()) {
			condition = condition.replace(value.getKey(), "\"" + value.getValue().s() + "\"");
		}
		return condition;
	}

	/** The operation names sent, e.g. {@code [GetItemRequest, QueryRequest]}. */
	public List<String> operations() {
		return this.requests.stream().map((request) -> request.getClass().getSimpleName()).toList();
	}

}
