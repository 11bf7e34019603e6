package dev.dynamodown.benchmarks.store;

import io.awspring.cloud.dynamodb.DefaultDynamoDbTableSchemaResolver;
import io.awspring.cloud.dynamodb.DynamoDbTableNameResolver;
import io.awspring.cloud.dynamodb.DynamoDbTemplate;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The Spring Cloud AWS contender: its {@link DynamoDbTemplate} over the enhanced client, with a table name
 * resolver pointing at the benchmark's table. It has no batch operations, so it takes part in the point and
 * range workloads only.
 */
public final class SpringCloudAwsStore implements PointStore, RangeStore {

	private final DynamoDbTemplate template;

	private final String namespace;

	public SpringCloudAwsStore(DynamoDbClient client, String table, String namespace) {
		DynamoDbEnhancedClient enhanced = DynamoDbEnhancedClient.builder().dynamoDbClient(client).build();
		this.template = new DynamoDbTemplate(enhanced, new DefaultDynamoDbTableSchemaResolver(), fixedName(table));
		this.namespace = namespace;
	}

	@Override
	public void put(String key, String value) {
		this.template.save(new SpringCloudAwsItem(this.namespace, key, value));
	}

	@Override
	public @Nullable String get(String key) {
		SpringCloudAwsItem item = this.template.load(key(key), SpringCloudAwsItem.class);
		return (item != null) ? item.getValue() : null;
	}

	@Override
	public long scan(boolean reverse) {
		return count(query().scanIndexForward(!reverse).build(), Long.MAX_VALUE);
	}

	@Override
	public long first(int n) {
		return count(query().limit(n).build(), n);
	}

	private long count(QueryEnhancedRequest request, long max) {
		return this.template.query(request, SpringCloudAwsItem.class)
			.items()
			.stream()
			.limit(max)
			.filter(item -> Values.isPresent(item.getValue()))
			.count();
	}

	private QueryEnhancedRequest.Builder query() {
		return QueryEnhancedRequest.builder()
			.queryConditional(QueryConditional.keyEqualTo(Key.builder().partitionValue(this.namespace).build()));
	}

	private Key key(String key) {
		return Key.builder().partitionValue(this.namespace).sortValue(key).build();
	}

	private static DynamoDbTableNameResolver fixedName(String table) {
		return new DynamoDbTableNameResolver() {
			@Override
			public <T> String resolve(Class<T> type) {
				return table;
			}
		};
	}

}
