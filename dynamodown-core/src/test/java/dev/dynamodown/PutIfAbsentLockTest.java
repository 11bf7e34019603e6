package dev.dynamodown;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code putIfAbsent} as a lock or an idempotency marker: of several callers writing the same
 * value to an absent key at once, exactly one is told it wrote it.
 */
@ParameterizedClass
@EnumSource(Api.class)
class PutIfAbsentLockTest {

	@Parameter
	Api api;

	private static final int THREADS = 8;

	@RegisterExtension
	static final DynamoDownFixture fixture = DynamoDownFixture.table("lock");

	@Test
	void ofEightThreadsRacingWithTheSameValueExactlyOneWins(TestInfo test) throws Exception {
		SortedKeyValueOperations<String> store = fixture.template(this.api, test);
		store.get("warm-up");
		ExecutorService threads = Executors.newFixedThreadPool(THREADS);
		try {
			for (int round = 0; round < 10; round++) {
				String key = "lock-" + round;
				CyclicBarrier start = new CyclicBarrier(THREADS);
				List<Future<Boolean>> racers = new ArrayList<>();
				for (int i = 0; i < THREADS; i++) {
					racers.add(threads.submit(() -> {
						start.await();
						return store.putIfAbsent(key, "locked");
					}));
				}
				int winners = 0;
				for (Future<Boolean> racer : racers) {
					winners += racer.get(30, TimeUnit.SECONDS) ? 1 : 0;
				}
				assertThat(winners).as("callers told they took '%s'", key).isEqualTo(1);
			}
		}
		finally {
			threads.shutdownNow();
		}
	}

}
