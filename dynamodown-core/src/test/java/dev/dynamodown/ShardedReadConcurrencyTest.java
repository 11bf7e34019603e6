package dev.dynamodown;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The blocking store reads the shards of a sharded namespace at once, although each of its
 * requests holds the thread that sends it: the first page of every shard (and every shard's
 * count) is requested concurrently, the calling thread sending one and the pool the others. Each
 * {@code Query} here waits until all of them are on their way, at most 10 s: sent one after the
 * other, the first would wait in vain. (The asynchronous store's sends return at once, so its
 * shards are read at once by construction; its client runs interceptors on the sending thread,
 * where this wait cannot be made.)
 */
class ShardedReadConcurrencyTest {

	private static final int SHARDS = 7;

	private static final Rendezvous rendezvous = new Rendezvous();

	@RegisterExtension
	static final DynamoDownFixture fixture = DynamoDownFixture.table("concurrency").interceptors(rendezvous);

	private static SortedKeyValueTemplate<String> events;

	@BeforeAll
	static void fill() {
		events = fixture.dynamoDown().template(fixture.table(), "events", ValueCodec.string(), Sharding.shards(SHARDS));
		events.batch((batch) -> IntStream.range(0, 200).forEach((i) -> batch.put(String.format("e%03d", i), "v")));
	}

	@AfterEach
	void disarm() {
		rendezvous.disarm();
	}

	@Test
	void theFirstPagesOfEveryShardAreRequestedAtOnce() {
		rendezvous.arm(SHARDS);
		assertThat(events.keys(KeyRange.all().limit(10)).toList()).hasSize(10);
		assertThat(rendezvous.missed()).as("Queries that waited in vain for the others").isEmpty();
		assertThat(rendezvous.threads()).as("the calling thread and the pool's").contains(Thread.currentThread().getName())
			.anyMatch((thread) -> thread.startsWith("dynamodown-batch-"));
	}

	@Test
	void everyShardIsCountedAtOnce() {
		rendezvous.arm(SHARDS);
		assertThat(events.count(KeyRange.all())).isEqualTo(200);
		assertThat(rendezvous.missed()).isEmpty();
	}

	@Test
	void aSmallPoolDelaysNoShardTheCallingThreadReadsWhatThePoolHasNotStarted() {
		try (DynamoDown twoThreads = DynamoDown.create(fixture.client(),
				DynamoDownOptions.builder().batchConcurrency(2).build())) {
			SortedKeyValueTemplate<String> same = twoThreads.template(fixture.table(), "events", ValueCodec.string(),
					Sharding.shards(SHARDS));
			same.count(KeyRange.prefix("none"));
			// The calling thread and the two pool threads: three Queries at once, then the others.
			rendezvous.arm(3);
			assertThat(same.list(KeyRange.all())).hasSize(200);
			assertThat(rendezvous.missed()).isEmpty();
		}
	}

	/** Holds each {@code Query} until {@code parties} of them are being sent at once (at most 10 s). */
	static final class Rendezvous implements ExecutionInterceptor {

		private volatile CountDownLatch all = new CountDownLatch(0);

		private final List<String> missed = new CopyOnWriteArrayList<>();

		private final Set<String> threads = ConcurrentHashMap.newKeySet();

		void arm(int parties) {
			this.missed.clear();
			this.threads.clear();
			this.all = new CountDownLatch(parties);
		}

		void disarm() {
			this.all = new CountDownLatch(0);
		}

		List<String> missed() {
			return List.copyOf(this.missed);
		}

		Set<String> threads() {
			return Set.copyOf(this.threads);
		}

		@Override
		public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
			CountDownLatch latch = this.all;
			if (!(context.request() instanceof QueryRequest) || latch.getCount() == 0) {
				return;
			}
			this.threads.add(Thread.currentThread().getName());
			latch.countDown();
			try {
				if (!latch.await(10, TimeUnit.SECONDS)) {
					this.missed.add(Thread.currentThread().getName());
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}

	}

}
