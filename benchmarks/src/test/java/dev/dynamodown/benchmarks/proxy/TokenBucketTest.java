package dev.dynamodown.benchmarks.proxy;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A partition's bucket on a clock the test moves. */
class TokenBucketTest {

	private static final long UNIT = ItemSizes.UNIT;

	private static final long SECOND = 1_000_000_000L;

	@Test
	void startsFullAndRefillsAtItsRateUpToItsBurst() {
		TokenBucket bucket = new TokenBucket(10, 2 * SECOND, 0);
		for (int i = 0; i < 20; i++) {
			assertThat(bucket.tryTake(UNIT, 0)).as("unit %d of the 2 s burst", i).isTrue();
		}
		assertThat(bucket.tryTake(UNIT, 0)).isFalse();
		assertThat(bucket.tryTake(UNIT, SECOND / 10 - 1)).as("just before a unit is back").isFalse();
		assertThat(bucket.tryTake(UNIT, SECOND / 10)).isTrue();
		assertThat(bucket.tryTake(UNIT / 2, SECOND / 10 + SECOND / 20)).as("half a unit after 50 ms").isTrue();
		assertThat(bucket.tryTake(UNIT, 1_000 * SECOND)).as("after a long idle time").isTrue();
		for (int i = 1; i < 20; i++) {
			assertThat(bucket.tryTake(UNIT, 1_000 * SECOND)).isTrue();
		}
		assertThat(bucket.tryTake(UNIT, 1_000 * SECOND)).as("never more than the burst").isFalse();
	}

	@Test
	void aChargeBeyondTheLevelIsADebtThatDelaysWhatFollows() {
		TokenBucket bucket = new TokenBucket(10, SECOND, 0);
		bucket.charge(15 * UNIT, 0);
		assertThat(bucket.tryTake(UNIT, SECOND / 2)).as("5 units of debt refilled, none left").isFalse();
		assertThat(bucket.tryTake(UNIT, SECOND / 2 + SECOND / 10)).isTrue();
	}

	@Test
	void aRequestLargerThanTheBurstPassesOnlyWhenTheBucketIsFull() {
		TokenBucket bucket = new TokenBucket(10, SECOND, 0);
		assertThat(bucket.tryTake(25 * UNIT, 0)).isTrue();
		assertThat(bucket.tryTake(25 * UNIT, 2 * SECOND)).as("15 units of debt, 5 refilled").isFalse();
		assertThat(bucket.tryTake(25 * UNIT, 3 * SECOND + SECOND / 2)).as("full again").isTrue();
	}

}
