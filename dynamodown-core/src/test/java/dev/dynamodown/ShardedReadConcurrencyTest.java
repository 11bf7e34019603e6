package dev.dynamodown;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
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
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The blocking store reads the shards of a sharded namespace at once, although each of its
 * requests holds the thread that sends it: the first page of every shard (and every shard's
 * count) is requested concurrently, the calling thread sending one and the pool the others. Each
 * {@code Query} here waits until all of them are on their way, at most 10 s: sent one after the
 * other, the first would wait in vain. A reader waiting for the shards the pool reads is answered
 * at once when the {@code DynamoDown} closes. (The asynchronous store's sends return at once, so
 * its shards are read at once by construction; its client runs interceptors on the sending
 * thread, where this wait cannot be made.)
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
		rendezvous.release();
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

	@Test
	void closeAnswersAReaderWaitingForItsShardsAtOnce() throws Exception {
		try (DynamoDown closing = DynamoDown.create(fixture.client())) {
			SortedKeyValueTemplate<String> same = closing.template(fixture.table(), "events", ValueCodec.string(),
					Sharding.shards(SHARDS));
			same.count(KeyRange.prefix("none"));
			rendezvous.holdThePools();
			CompletableFuture<Integer> reader = CompletableFuture.supplyAsync(() -> same.keys(KeyRange.all()).toList().size());
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
			while (rendezvous.held() == 0 && System.nanoTime() < deadline) {
				Thread.sleep(10);
			}
			// The calling thread reads its shard and any the pool has not started, then waits for the others.
			Thread.sleep(300);
			assertThat(rendezvous.held()).as("shards the pool reads, held").isPositive();
			assertThat(reader).isNotDone();
			closing.close();
			assertThatExceptionOfType(ExecutionException.class).as("answered within 5 s of the close")
				.isThrownBy(() -> reader.get(5, TimeUnit.SECONDS))
				.withCauseInstanceOf(DynamoDownException.class)
				.withMessageContaining("DynamoDown has been closed");
		}
	}

	/**
	 * Holds each {@code Query} until {@code parties} of them are being sent at once (at most 10 s);
	 * or holds those the pool sends, whatever interrupts them, until released (at most 20 s): a
	 * network that does not answer.
	 */
	static final class Rendezvous implements ExecutionInterceptor {

		private volatile boolean holding;

		private final AtomicInteger held = new AtomicInteger();

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

		void holdThePools() {
			this.held.set(0);
			this.holding = true;
		}

		void release() {
			this.holding = false;
		}

		int held() {
			return this.held.get();
		}

		List<String> missed() {
			return List.copyOf(this.missed);
		}

		Set<String> threads() {
			return Set.copyOf(this.threads);
		}

		@Override
		public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
			if (this.holding && context.request() instanceof QueryRequest
					&& Thread.currentThread().getName().startsWith("dynamodown-batch-")) {
				hold();
				return;
			}
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

		private void hold() {
			this.held.incrementAndGet();
			long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
			boolean interrupted = false;
			while (this.holding && System.nanoTime() < until) {
				try {
					Thread.sleep(20);
				}
				catch (InterruptedException ex) {
					interrupted = true;
				}
			}
			if (interrupted) {
				Thread.currentThread().interrupt();
			}
		}

	}

}
