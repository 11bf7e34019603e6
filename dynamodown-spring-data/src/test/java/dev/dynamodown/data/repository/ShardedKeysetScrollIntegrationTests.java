package dev.dynamodown.data.repository;

import java.util.Set;
import java.util.TreeSet;

import dev.dynamodown.data.RepositoryIntegrationTest;
import dev.dynamodown.data.TestDynamoDb;
import dev.dynamodown.data.sample.ScrollableTicks;
import dev.dynamodown.data.sample.ShardedTick;
import dev.dynamodown.data.sample.ShardedTickRepository;
import dev.dynamodown.data.sample.Tick;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keyset scrolling and sorting of {@link ShardedTick}s, whose namespace is spread over
 * {@value ShardedTick#SHARDS} shards ({@code @DynamoDownTable(shards = 5)}): the same contract, each
 * window read from every shard at once and merged in key order.
 */
@RepositoryIntegrationTest
class ShardedKeysetScrollIntegrationTests extends AbstractKeysetScrollIntegrationTests<ShardedTick> {

	@Autowired
	ShardedTickRepository ticks;

	@Autowired
	DynamoDbClient client;

	@Override
	int shards() {
		return ShardedTick.SHARDS;
	}

	@Override
	ScrollableTicks<ShardedTick> ticks() {
		return this.ticks;
	}

	@Override
	ShardedTick tick(int n) {
		return new ShardedTick(Tick.keyOf(n), n);
	}

	@Test
	void theEntitiesLieInTheShardsOfTheirNamespace() {
		Set<String> partitions = new TreeSet<>();
		this.client.scanPaginator((scan) -> scan.tableName(TestDynamoDb.TABLE))
			.items()
			.forEach((item) -> partitions.add(item.get("ns").s()));
		assertThat(partitions).filteredOn((partition) -> partition.startsWith("sharded-ticks"))
			.containsExactly("sharded-ticks\u0000", "sharded-ticks\u00000/5", "sharded-ticks\u00001/5",
					"sharded-ticks\u00002/5", "sharded-ticks\u00003/5", "sharded-ticks\u00004/5");
		assertThat(this.ticks.count()).isEqualTo(2000);
	}

}
