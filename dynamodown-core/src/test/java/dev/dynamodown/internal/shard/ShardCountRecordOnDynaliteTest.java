package dev.dynamodown.internal.shard;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.dynamodown.DynaliteSupport;
import dev.dynamodown.DynamoDown;
import dev.dynamodown.DynamoDownException;
import dev.dynamodown.KeyRange;
import dev.dynamodown.KeyValue;
import dev.dynamodown.Sharding;
import dev.dynamodown.SortedKeyValueTemplate;
import dev.dynamodown.ValueCodec;
import dev.dynamodown.internal.Keys;
import dev.dynamodown.internal.schema.TableSchema;
import dev.dynamodown.internal.shard.ShardCountRecord.Check;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The layout's requests against dynalite: the record is claimed once per count, another count is
 * refused with both named, plain items are found by the probe, and the U+0000 partitions of a
 * sharded namespace stay apart from plain namespaces that look like them, read through the stores
 * (an unsharded store of the sharded namespace itself is refused).
 */
class ShardCountRecordOnDynaliteTest {

	private static DynamoDbClient client;

	private static DynamoDown dynamoDown;

	private static TableSchema schema;

	@BeforeAll
	static void start() {
		client = DynaliteSupport.client();
		dynamoDown = DynamoDown.create(client);
		schema = new TableSchema(DynaliteSupport.createTable(client, "shard-record"), "ns", "k");
	}

	@AfterAll
	static void close() {
		dynamoDown.close();
		client.close();
	}

	@Test
	void theFirstClaimWinsAndEveryOtherCountIsRefusedNamingBoth() {
		ShardCountRecord eight = record("events", 8);
		ShardCountRecord sixteen = record("events", 16);
		ShardCountRecord plain = record("events", 1);
		assertThat(plain.afterRead(read(plain))).isEqualTo(Check.VERIFIED);
		assertThat(eight.afterRead(read(eight))).isEqualTo(Check.UNCLAIMED);
		assertThat(eight.afterPlainProbe(client.query(eight.plainProbeRequest()))).isEqualTo(Check.UNCLAIMED);

		client.putItem(eight.claimRequest());
		client.putItem(eight.claimRequest());
		assertThat(eight.afterRead(read(eight))).isEqualTo(Check.VERIFIED);

		ConditionalCheckFailedException refused = catchThrowableOfType(() -> client.putItem(sixteen.claimRequest()),
				ConditionalCheckFailedException.class);
		Map<String, AttributeValue> winner = refused.hasItem() ? refused.item() : read(sixteen).item();
		assertThat(sixteen.claimRefused(winner)).hasMessageContaining("is laid out over 8 shards (recorded in the table),"
				+ " but was opened with 16 shards");
		assertThatExceptionOfType(DynamoDownException.class).isThrownBy(() -> sixteen.afterRead(read(sixteen)))
			.withMessageContaining("over 8 shards (recorded in the table), but was opened with 16 shards");
		assertThatExceptionOfType(DynamoDownException.class).isThrownBy(() -> plain.afterRead(read(plain)))
			.withMessageContaining("over 8 shards (recorded in the table), but was opened with 1 shard:");

		client.deleteItem(eight.deleteRequest().orElseThrow());
		assertThat(sixteen.afterRead(read(sixteen))).isEqualTo(Check.UNCLAIMED);
		assertThat(plain.afterRead(read(plain))).isEqualTo(Check.VERIFIED);
	}

	@Test
	void theProbeFindsItemsOfAnUnshardedStore() {
		dynamoDown.template(schema.table(), "logs", ValueCodec.string()).put("a", "written without sharding");
		ShardCountRecord four = record("logs", 4);
		assertThat(four.afterRead(read(four))).isEqualTo(Check.UNCLAIMED);
		assertThatExceptionOfType(DynamoDownException.class)
			.isThrownBy(() -> four.afterPlainProbe(client.query(four.plainProbeRequest())))
			.withMessageContaining("is laid out over 1 shard (it holds items written without sharding), but was opened"
					+ " with 4 shards");
	}

	@Test
	void shardsAndTheRecordStayApartFromNamespacesThatLookLikeThem() {
		ShardLayout metrics = ShardLayout.of("metrics", 8);
		Map<String, TreeMap<String, String>> byPartition = new HashMap<>();
		for (int i = 0; i < 120; i++) {
			String key = "2024-01-01T00:" + String.format("%02d:%02d", i / 60, i % 60) + "Z";
			String partition = metrics.partitionFor(key);
			client.putItem((r) -> r.tableName(schema.table())
				.item(schema.item(partition, key, Map.of("value", AttributeValue.fromS("sharded " + key)))));
			byPartition.computeIfAbsent(partition, (p) -> new TreeMap<>(Keys.UTF8_ORDER)).put(key, "sharded " + key);
		}
		client.putItem(ShardCountRecord.of(schema, metrics).claimRequest());
		assertThat(byPartition).as("120 timestamps reach every shard").hasSize(8);

		List<String> lookalikes = List.of("metrics/3/8", "metrics3/8", "metrics\u00013/8", "metrics/", "metrics 3/8", "metrics/8");
		for (String namespace : lookalikes) {
			dynamoDown.template(schema.table(), namespace, ValueCodec.string()).put("own", "plain " + namespace);
		}
		for (String namespace : lookalikes) {
			SortedKeyValueTemplate<String> plain = dynamoDown.template(schema.table(), namespace, ValueCodec.string());
			assertThat(plain.list(KeyRange.all())).as(namespace).containsExactly(new KeyValue<>("own", "plain " + namespace));
		}
		assertThatExceptionOfType(DynamoDownException.class)
			.isThrownBy(() -> dynamoDown.template(schema.table(), "metrics", ValueCodec.string()).put("own", "plain"))
			.withMessageContaining("over 8 shards (recorded in the table), but was opened with 1 shard");
		List<KeyValue<String>> all = new ArrayList<>();
		byPartition.values().forEach((shard) -> shard.forEach((key, value) -> all.add(new KeyValue<>(key, value))));
		all.sort((a, b) -> Keys.compareUtf8(a.key(), b.key()));
		assertThat(dynamoDown.template(schema.table(), "metrics", ValueCodec.string(), Sharding.shards(8))
			.list(KeyRange.all())).as("the sharded store reads its own items, merged").containsExactlyElementsOf(all);
		for (String partition : metrics.partitions()) {
			List<String> keys = new ArrayList<>();
			client.queryPaginator((r) -> r.tableName(schema.table())
				.keyConditionExpression("ns = :p")
				.expressionAttributeValues(Map.of(":p", AttributeValue.fromS(partition)))
				.consistentRead(true)).items().forEach((item) -> keys.add(item.get("k").s()));
			assertThat(keys).as(partition).containsExactlyElementsOf(byPartition.get(partition).keySet());
		}
	}

	private static ShardCountRecord record(String namespace, int shards) {
		return ShardCountRecord.of(schema, ShardLayout.of(namespace, shards));
	}

	private static GetItemResponse read(ShardCountRecord record) {
		return client.getItem(record.readRequest().orElseThrow());
	}

}
