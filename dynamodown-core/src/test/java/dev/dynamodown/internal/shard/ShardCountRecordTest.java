package dev.dynamodown.internal.shard;

import java.util.List;
import java.util.Map;

import dev.dynamodown.DynamoDownException;
import dev.dynamodown.internal.schema.TableSchema;
import dev.dynamodown.internal.shard.ShardCountRecord.Check;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The shard-count record's requests as built, and the answers as read, without a server
 * ({@link ShardCountRecordOnDynaliteTest} sends them).
 */
class ShardCountRecordTest {

	private static final TableSchema SCHEMA = new TableSchema("tbl", "ns", "k");

	private static final Map<String, AttributeValue> RECORD_KEY = Map.of("ns", AttributeValue.fromS("events\u0000"), "k",
			AttributeValue.fromS("shards"));

	@Test
	void everyStoreReadsTheSameItemWithOneConsistentGetItem() {
		for (int shards : new int[] { 1, 8, 16 }) {
			GetItemRequest read = record(shards).readRequest().orElseThrow();
			assertThat(read.tableName()).isEqualTo("tbl");
			assertThat(read.key()).isEqualTo(RECORD_KEY);
			assertThat(read.consistentRead()).isTrue();
		}
	}

	@Test
	void aNamespaceOfTheFullLengthNeedsNoRead() {
		ShardCountRecord record = ShardCountRecord.of(SCHEMA, ShardLayout.of("n".repeat(2048), 1));
		assertThat(record.readRequest()).isEmpty();
		assertThat(record.deleteRequest()).isEmpty();
	}

	@Test
	void noRecordVerifiesAnUnshardedStoreAndLeavesAShardedOneUnclaimed() {
		GetItemResponse none = GetItemResponse.builder().build();
		assertThat(record(1).afterRead(none)).isEqualTo(Check.VERIFIED);
		assertThat(record(8).afterRead(none)).isEqualTo(Check.UNCLAIMED);
		GetItemResponse empty = GetItemResponse.builder().item(Map.of()).build();
		assertThat(record(8).afterRead(empty)).isEqualTo(Check.UNCLAIMED);
	}

	@Test
	void theRecordedCountVerifiesAStoreOfThatCount() {
		assertThat(record(8).afterRead(recorded("8"))).isEqualTo(Check.VERIFIED);
		assertThat(record(1).afterRead(recorded("1"))).isEqualTo(Check.VERIFIED);
	}

	@ParameterizedTest
	@CsvSource({ "8, 16, 8 shards, 16 shards", "8, 1, 8 shards, 1 shard", "1, 8, 1 shard, 8 shards" })
	void anotherRecordedCountFailsNamingBoth(String recorded, int opened, String recordedText, String openedText) {
		assertThatExceptionOfType(DynamoDownException.class).isThrownBy(() -> record(opened).afterRead(recorded(recorded)))
			.withMessage("Namespace 'events' of table 'tbl' is laid out over " + recordedText
					+ " (recorded in the table), but was opened with " + openedText
					+ ": open it with its own count, or copy its items into a namespace of the new count (range read + batch)");
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "N|0|0", "N|-3|-3", "N|1.5|1.5", "S|8|8" })
	void aRecordWithoutAPositiveWholeCountIsNotOurs(String type, String value, String shown) {
		AttributeValue count = type.equals("N") ? AttributeValue.fromN(value) : AttributeValue.fromS(value);
		GetItemResponse response = GetItemResponse.builder().item(Map.of("ns", RECORD_KEY.get("ns"), "k", RECORD_KEY.get("k"),
				"shards", count)).build();
		assertThatExceptionOfType(DynamoDownException.class).isThrownBy(() -> record(8).afterRead(response))
			.withMessageStartingWith("Namespace 'events' of table 'tbl': the item recording its shard count has no positive"
					+ " whole number in 'shards'")
			.withMessageContaining(shown)
			.withMessageEndingWith("it was not written by dynamodown");
		GetItemResponse missing = GetItemResponse.builder().item(RECORD_KEY).build();
		assertThatExceptionOfType(DynamoDownException.class).isThrownBy(() -> record(8).afterRead(missing))
			.withMessageContaining("'shards' (missing)");
	}

	@Test
	void theCountAttributeAvoidsTheTablesKeyNames() {
		ShardLayout layout = ShardLayout.of("events", 4);
		assertThat(ShardCountRecord.of(new TableSchema("tbl", "shards", "k"), layout).claimRequest().item())
			.containsEntry("shards", AttributeValue.fromS("events\u0000"))
			.containsEntry("shards_", AttributeValue.fromN("4"));
		assertThat(ShardCountRecord.of(new TableSchema("tbl", "shards_", "shards"), layout).claimRequest().item())
			.containsEntry("shards", AttributeValue.fromS("shards"))
			.containsEntry("shards__", AttributeValue.fromN("4"));
	}

	@Test
	void theProbeReadsOneKeyOfThePlainPartitionConsistently() {
		QueryRequest probe = record(8).plainProbeRequest();
		assertThat(probe.tableName()).isEqualTo("tbl");
		assertThat(probe.keyConditionExpression()).isEqualTo("#h = :h");
		assertThat(probe.expressionAttributeNames()).isEqualTo(Map.of("#h", "ns"));
		assertThat(probe.expressionAttributeValues()).isEqualTo(Map.of(":h", AttributeValue.fromS("events")));
		assertThat(probe.limit()).isEqualTo(1);
		assertThat(probe.projectionExpression()).isEqualTo("#h");
		assertThat(probe.consistentRead()).isTrue();
	}

	@Test
	void plainItemsFailAShardedStoreNamingBothCounts() {
		assertThat(record(8).afterPlainProbe(QueryResponse.builder().count(0).items(List.of()).build()))
			.isEqualTo(Check.UNCLAIMED);
		QueryResponse found = QueryResponse.builder().count(1).items(List.of(Map.of("ns", AttributeValue.fromS("events")))).build();
		assertThatExceptionOfType(DynamoDownException.class).isThrownBy(() -> record(8).afterPlainProbe(found))
			.withMessageStartingWith("Namespace 'events' of table 'tbl' is laid out over 1 shard (it holds items written"
					+ " without sharding), but was opened with 8 shards");
	}

	@Test
	void theClaimWritesTheRecordIfAbsentOrOfTheSameCount() {
		PutItemRequest claim = record(8).claimRequest();
		assertThat(claim.tableName()).isEqualTo("tbl");
		assertThat(claim.item()).isEqualTo(Map.of("ns", AttributeValue.fromS("events\u0000"), "k", AttributeValue.fromS("shards"),
				"shards", AttributeValue.fromN("8")));
		assertThat(claim.conditionExpression()).isEqualTo("attribute_not_exists(#h) OR #c = :c");
		assertThat(claim.expressionAttributeNames()).isEqualTo(Map.of("#h", "ns", "#c", "shards"));
		assertThat(claim.expressionAttributeValues()).isEqualTo(Map.of(":c", AttributeValue.fromN("8")));
		assertThat(claim.returnValuesOnConditionCheckFailure()).isEqualTo(ReturnValuesOnConditionCheckFailure.ALL_OLD);
	}

	@Test
	void aRefusedClaimNamesTheCountThatWon() {
		assertThat(record(8).claimRefused(recorded("16").item()))
			.hasMessageStartingWith("Namespace 'events' of table 'tbl' is laid out over 16 shards (recorded in the table),"
					+ " but was opened with 8 shards");
		assertThat(record(8).claimRefused(Map.of())).hasMessage("Namespace 'events' of table 'tbl': the record of its shard"
				+ " count changed while a store over 8 shards claimed it; try again");
		assertThat(record(8).claimRefused(recorded("8").item())).hasMessageEndingWith("claimed it; try again");
	}

	@Test
	void anUnshardedStoreNeitherProbesNorClaims() {
		assertThatIllegalStateException().isThrownBy(() -> record(1).plainProbeRequest())
			.withMessage("An unsharded store does not probe: 'events' over 1 shard");
		assertThatIllegalStateException().isThrownBy(() -> record(1).claimRequest())
			.withMessage("An unsharded store does not claim: 'events' over 1 shard");
	}

	@Test
	void theDeleteRemovesTheRecordItem() {
		assertThat(record(8).deleteRequest().orElseThrow().key()).isEqualTo(RECORD_KEY);
		assertThat(record(1).deleteRequest().orElseThrow().key()).isEqualTo(RECORD_KEY);
	}

	private static ShardCountRecord record(int shards) {
		return ShardCountRecord.of(SCHEMA, ShardLayout.of("events", shards));
	}

	private static GetItemResponse recorded(String count) {
		return GetItemResponse.builder()
			.item(Map.of("ns", RECORD_KEY.get("ns"), "k", RECORD_KEY.get("k"), "shards", AttributeValue.fromN(count)))
			.build();
	}

}
