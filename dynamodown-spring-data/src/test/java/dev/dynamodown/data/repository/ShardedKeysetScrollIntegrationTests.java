package dev.dynamodown.data.repository;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import dev.dynamodown.data.RepositoryIntegrationTest;
import dev.dynamodown.data.TestDynamoDb;
import dev.dynamodown.data.sample.ShardedTick;
import dev.dynamodown.data.sample.ShardedTickRepository;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Limit;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.data.domain.Sort;
import org.springframework.data.domain.Window;

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

	@Override
	void replaceAll(List<String> keys) {
		this.ticks.deleteAll();
		this.ticks.saveAll(keys.stream().map((key) -> new ShardedTick(key, Integer.parseInt(key.substring(1)))).toList());
	}

	@Override
	Window<ShardedTick> findAllBy(ScrollPosition position, Limit limit) {
		return this.ticks.findAllBy(position, limit);
	}

	@Override
	Window<ShardedTick> findAllByOrderByKeyDesc(ScrollPosition position, Limit limit) {
		return this.ticks.findAllByOrderByKeyDesc(position, limit);
	}

	@Override
	Window<ShardedTick> findFirst50ByKeyStartingWith(String prefix, ScrollPosition position) {
		return this.ticks.findFirst50ByKeyStartingWith(prefix, position);
	}

	@Override
	List<ShardedTick> findAll(Sort sort) {
		return this.ticks.findAll(sort);
	}

	@Override
	List<ShardedTick> findPage(PageRequest page) {
		return this.ticks.findAll(page).getContent();
	}

	@Override
	String key(ShardedTick tick) {
		return tick.key();
	}

}
