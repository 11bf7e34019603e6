package dev.dynamodown.benchmarks.proxy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The proxy's latency is spent on its own threads, per request: a client with one caller thread gets many
 * requests delayed at once, as on a network. Counted, not timed: the proxy reports how many requests it held
 * at the same moment, and each call takes at least the latency (a bound that holds on any machine).
 */
class BenchmarkProxyTest {

	/** Long enough that every request of a test arrives while the first ones are still held. */
	private static final Duration LATENCY = Duration.ofSeconds(2);

	private static DynamoDbClient direct;

	private static String table;

	@BeforeAll
	static void start() {
		direct = ProxyClients.sync(ProxyClients.dynalite(), 3);
		table = ProxyClients.table(direct, "latency");
		for (int i = 0; i < 8; i++) {
			String key = "k" + i;
			direct.putItem((r) -> r.tableName(table).item(ProxyClients.item("p", key, 100)));
		}
	}

	@AfterAll
	static void close() {
		direct.close();
	}

	@Test
	void relaysEveryOperationUnchangedWithoutLatency() {
		try (BenchmarkProxy proxy = BenchmarkProxy.start(ProxyClients.dynalite(), Duration.ZERO, null);
				DynamoDbClient client = ProxyClients.sync(proxy.endpoint(), 1)) {
			client.putItem((r) -> r.tableName(table).item(ProxyClients.item("relay", "a", 10)));
			BatchWriteItemResponse batch = client.batchWriteItem((r) -> r.requestItems(Map.of(table, List.of(
					WriteRequest.builder().putRequest(PutRequest.builder().item(ProxyClients.item("relay", "b", 20_000)).build()).build(),
					WriteRequest.builder().putRequest(PutRequest.builder().item(ProxyClients.item("relay", "c", 30)).build()).build()))));
			assertThat(batch.unprocessedItems()).isEmpty();
			GetItemResponse got = client.getItem((r) -> r.tableName(table).key(ProxyClients.key("relay", "b")));
			assertThat(got.item().get("value").s()).hasSize(20_000);
			assertThat(client.query((r) -> r.tableName(table)
				.keyConditionExpression("ns = :p")
				.expressionAttributeValues(Map.of(":p", AttributeValue.fromS("relay")))).items())
				.extracting((item) -> item.get("k").s())
				.containsExactly("a", "b", "c");
			client.deleteItem((r) -> r.tableName(table).key(ProxyClients.key("relay", "a")));
			assertThat(direct.getItem((r) -> r.tableName(table).key(ProxyClients.key("relay", "a")).consistentRead(true)).hasItem())
				.isFalse();
			assertThat(proxy.requests()).isEqualTo(5);
			assertThat(proxy.mostDelayedAtOnce()).isZero();
			assertThat(proxy.errors()).isEmpty();
		}
	}

	@Test
	void oneCallerThreadOfAnAsyncClientGets128RequestsDelayedAtOnce() {
		int requests = 128;
		try (BenchmarkProxy proxy = BenchmarkProxy.start(ProxyClients.dynalite(), LATENCY, null);
				DynamoDbAsyncClient client = ProxyClients.async(proxy.endpoint(), requests)) {
			List<CompletableFuture<Long>> calls = new ArrayList<>();
			for (int i = 0; i < requests; i++) {
				String key = "k" + (i % 8);
				long sent = System.nanoTime();
				calls.add(client.getItem((r) -> r.tableName(table).key(ProxyClients.key("p", key)))
					.thenApply((response) -> {
						assertThat(response.item()).containsKey("value");
						return System.nanoTime() - sent;
					}));
			}
			assertThat(calls).as("the caller's thread was not held").noneMatch(CompletableFuture::isDone);
			List<Long> durations = calls.stream().map((call) -> call.orTimeout(60, TimeUnit.SECONDS).join()).toList();
			assertThat(durations).allSatisfy((nanos) -> assertThat(nanos).isGreaterThanOrEqualTo(LATENCY.toNanos()));
			assertThat(proxy.mostDelayedAtOnce()).isEqualTo(requests);
			assertThat(proxy.errors()).isEmpty();
		}
	}

	@Test
	void sixteenThreadsOfASyncClientAreDelayedAtOnce() throws Exception {
		int threads = 16;
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		try (BenchmarkProxy proxy = BenchmarkProxy.start(ProxyClients.dynalite(), LATENCY, null);
				DynamoDbClient client = ProxyClients.sync(proxy.endpoint(), 1)) {
			List<Future<Long>> calls = new ArrayList<>();
			for (int i = 0; i < threads; i++) {
				String key = "k" + (i % 8);
				calls.add(pool.submit(() -> {
					long sent = System.nanoTime();
					assertThat(client.getItem((r) -> r.tableName(table).key(ProxyClients.key("p", key))).item()).containsKey("value");
					return System.nanoTime() - sent;
				}));
			}
			for (Future<Long> call : calls) {
				assertThat(call.get(60, TimeUnit.SECONDS)).isGreaterThanOrEqualTo(LATENCY.toNanos());
			}
			assertThat(proxy.mostDelayedAtOnce()).isEqualTo(threads);
			assertThat(proxy.errors()).isEmpty();
		}
		finally {
			pool.shutdownNow();
		}
	}

}
