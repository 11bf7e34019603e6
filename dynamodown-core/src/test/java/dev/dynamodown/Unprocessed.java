package dev.dynamodown;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Makes DynamoDB leave items unprocessed, for real: chosen items are removed from a
 * {@code BatchWriteItem} / {@code BatchGetItem} request before it is sent (so they are really not
 * written or read) and added to the response's {@code UnprocessedItems} / {@code UnprocessedKeys},
 * exactly as DynamoDB reports them under throttling. A request left empty gets a harmless item of
 * the namespace {@value #SINK} instead, as DynamoDB refuses empty requests.
 */
final class Unprocessed implements ExecutionInterceptor {

	static final String SINK = "unprocessed-sink";

	private static final ExecutionAttribute<Withheld> WITHHELD = new ExecutionAttribute<>("withheld");

	private record Withheld(String table, List<WriteRequest> writes, List<Map<String, AttributeValue>> keys) {
	}

	private final String rangeName;

	private final Map<String, Integer> appearances = new ConcurrentHashMap<>();

	private volatile Predicate<String> always = (key) -> false;

	private volatile int firstAppearances;

	private final java.util.concurrent.atomic.AtomicInteger withheld = new java.util.concurrent.atomic.AtomicInteger();

	Unprocessed(String rangeName) {
		this.rangeName = rangeName;
	}

	/** Leaves every key unprocessed the first {@code times} times it is sent, if it matches. */
	Unprocessed firstTimes(int times) {
		this.firstAppearances = times;
		return this;
	}

	/** Leaves these keys unprocessed every time. */
	Unprocessed always(Set<String> keys) {
		this.always = keys::contains;
		return this;
	}

	/** How many items or keys were left unprocessed since the last reset. */
	int withheld() {
		return this.withheld.get();
	}

	void reset() {
		this.withheld.set(0);
		this.appearances.clear();
		this.firstAppearances = 0;
		this.always = (key) -> false;
	}

	@Override
	public SdkRequest modifyRequest(Context.ModifyRequest context, ExecutionAttributes attributes) {
		if (context.request() instanceof BatchWriteItemRequest request) {
			Map.Entry<String, List<WriteRequest>> entry = request.requestItems().entrySet().iterator().next();
			List<WriteRequest> kept = new ArrayList<>();
			List<WriteRequest> withheld = new ArrayList<>();
			for (WriteRequest write : entry.getValue()) {
				(withhold(keyOf(write)) ? withheld : kept).add(write);
			}
			if (withheld.isEmpty()) {
				return request;
			}
			if (kept.isEmpty()) {
				kept.add(WriteRequest.builder().putRequest((p) -> p.item(sinkItem())).build());
			}
			attributes.putAttribute(WITHHELD, new Withheld(entry.getKey(), withheld, List.of()));
			return request.toBuilder().requestItems(Map.of(entry.getKey(), kept)).build();
		}
		if (context.request() instanceof BatchGetItemRequest request) {
			Map.Entry<String, KeysAndAttributes> entry = request.requestItems().entrySet().iterator().next();
			List<Map<String, AttributeValue>> kept = new ArrayList<>();
			List<Map<String, AttributeValue>> withheld = new ArrayList<>();
			for (Map<String, AttributeValue> key : entry.getValue().keys()) {
				(withhold(key.get(this.rangeName).s()) ? withheld : kept).add(key);
			}
			if (withheld.isEmpty()) {
				return request;
			}
			if (kept.isEmpty()) {
				kept.add(sinkKey());
			}
			attributes.putAttribute(WITHHELD, new Withheld(entry.getKey(), List.of(), withheld));
			return request.toBuilder()
				.requestItems(Map.of(entry.getKey(), entry.getValue().toBuilder().keys(kept).build()))
				.build();
		}
		return context.request();
	}

	@Override
	public SdkResponse modifyResponse(Context.ModifyResponse context, ExecutionAttributes attributes) {
		Withheld withheld = attributes.getAttribute(WITHHELD);
		if (withheld == null) {
			return context.response();
		}
		if (context.response() instanceof BatchWriteItemResponse response) {
			return response.toBuilder().unprocessedItems(Map.of(withheld.table(), withheld.writes())).build();
		}
		if (context.response() instanceof BatchGetItemResponse response) {
			Map<String, List<Map<String, AttributeValue>>> found = new HashMap<>(response.responses());
			found.computeIfPresent(withheld.table(), (table, items) -> items.stream()
				.filter((item) -> !SINK.equals(item.get("ns") == null ? null : item.get("ns").s()))
				.toList());
			return response.toBuilder()
				.responses(found)
				.unprocessedKeys(Map.of(withheld.table(), KeysAndAttributes.builder()
					.keys(withheld.keys())
					.consistentRead(true)
					.build()))
				.build();
		}
		return context.response();
	}

	private boolean withhold(String key) {
		boolean withhold = this.always.test(key) || this.appearances.merge(key, 1, Integer::sum) <= this.firstAppearances;
		if (withhold) {
			this.withheld.incrementAndGet();
		}
		return withhold;
	}

	private String keyOf(WriteRequest write) {
		Map<String, AttributeValue> attributes = (write.putRequest() != null) ? write.putRequest().item()
				: write.deleteRequest().key();
		return attributes.get(this.rangeName).s();
	}

	private Map<String, AttributeValue> sinkItem() {
		return Map.of("ns", AttributeValue.fromS(SINK), this.rangeName, AttributeValue.fromS("sink"));
	}

	private Map<String, AttributeValue> sinkKey() {
		return sinkItem();
	}

}
