package dev.dynamodown;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

class DynamoDownOptionsTest {

	@Test
	void defaults() {
		DynamoDownOptions options = DynamoDownOptions.defaults();
		assertThat(options.batchConcurrency()).isEqualTo(8);
		assertThat(options.maxBatchAttempts()).isEqualTo(10);
		assertThat(options.retryBaseDelay()).isEqualTo(Duration.ofMillis(25));
		assertThat(options.retryMaxDelay()).isEqualTo(Duration.ofSeconds(2));
		assertThat(options.listener()).isSameAs(DynamoDownListener.NONE);
		assertThat(options.expiryAttribute()).isEqualTo("expires");
		assertThat(options.consistentReads()).isTrue();
		assertThat(options.clock()).isEqualTo(Clock.systemUTC());
		assertThat(DynamoDownOptions.builder().build()).usingRecursiveComparison().isEqualTo(options);
	}

	@Test
	void toBuilderCopiesEverySetting() {
		DynamoDownListener listener = new DynamoDownListener() {
		};
		DynamoDownOptions options = DynamoDownOptions.builder()
			.batchConcurrency(2)
			.maxBatchAttempts(3)
			.retryBaseDelay(Duration.ofMillis(5))
			.retryMaxDelay(Duration.ofMillis(50))
			.listener(listener)
			.expiryAttribute("ttl")
			.consistentReads(false)
			.clock(Clock.fixed(Instant.EPOCH, ZoneOffset.UTC))
			.build();
		DynamoDownOptions copy = options.toBuilder().build();
		assertThat(copy).usingRecursiveComparison().isEqualTo(options);
		assertThat(options.toBuilder().batchConcurrency(8).build().batchConcurrency()).isEqualTo(8);
		assertThat(options.batchConcurrency()).as("options are immutable").isEqualTo(2);
	}

	@Test
	void refusesBadSettings() {
		assertThatIllegalArgumentException().isThrownBy(() -> DynamoDownOptions.builder().batchConcurrency(0))
			.withMessage("'batchConcurrency' must be at least 1, was 0");
		assertThatIllegalArgumentException().isThrownBy(() -> DynamoDownOptions.builder().maxBatchAttempts(0));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> DynamoDownOptions.builder().retryBaseDelay(Duration.ofMillis(-1)));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> DynamoDownOptions.builder().retryBaseDelay(Duration.ofSeconds(3)).build())
			.withMessageContaining("must not exceed 'retryMaxDelay'");
		assertThatNullPointerException().isThrownBy(() -> DynamoDownOptions.builder().listener(null))
			.withMessage("'listener' must not be null");
		assertThatNullPointerException().isThrownBy(() -> DynamoDownOptions.builder().retryMaxDelay(null));
		assertThatIllegalArgumentException().isThrownBy(() -> DynamoDownOptions.builder().expiryAttribute(""))
			.withMessage("'expiryAttribute' must not be empty");
		assertThatNullPointerException().isThrownBy(() -> DynamoDownOptions.builder().expiryAttribute(null));
		assertThatNullPointerException().isThrownBy(() -> DynamoDownOptions.builder().clock(null))
			.withMessage("'clock' must not be null");
	}

}
