package dev.dynamodown.dynalite;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class DynaliteOptionsTests {

	@Test
	void defaultsToAFreePortInMemory() {
		DynaliteOptions options = DynaliteOptions.defaults();
		assertThat(options.port()).isZero();
		assertThat(options.dataDirectory()).isNull();
		assertThat(options.nodeExecutable()).isNull();
		assertThat(options.startupTimeout()).isEqualTo(Duration.ofSeconds(20));
	}

	@Test
	void toBuilderCopiesWithoutChangingTheOriginal() {
		DynaliteOptions options = DynaliteOptions.builder().port(4567).dataDirectory(Path.of("data")).build();
		DynaliteOptions changed = options.toBuilder().nodeExecutable(Path.of("/opt/node/bin/node")).build();
		assertThat(options.nodeExecutable()).isNull();
		assertThat(changed.port()).isEqualTo(4567);
		assertThat(changed.dataDirectory()).isEqualTo(Path.of("data"));
		assertThat(changed.nodeExecutable()).isEqualTo(Path.of("/opt/node/bin/node"));
		assertThat(changed.toBuilder().nodeExecutable(null).build()).isEqualTo(options).hasSameHashCodeAs(options);
	}

	@Test
	void refusesAPortOutOfRange() {
		assertThatExceptionOfType(IllegalArgumentException.class).isThrownBy(() -> DynaliteOptions.builder().port(65536))
			.withMessage("'port' must be between 0 and 65535, was 65536");
		assertThatExceptionOfType(IllegalArgumentException.class).isThrownBy(() -> DynaliteOptions.builder().port(-1))
			.withMessage("'port' must be between 0 and 65535, was -1");
	}

	@Test
	void refusesAMissingOrNonPositiveStartupTimeout() {
		assertThatExceptionOfType(NullPointerException.class)
			.isThrownBy(() -> DynaliteOptions.builder().startupTimeout(null))
			.withMessage("'startupTimeout' must not be null");
		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> DynaliteOptions.builder().startupTimeout(Duration.ZERO))
			.withMessage("'startupTimeout' must be positive, was PT0S");
	}

	@Test
	void refusesNullOptions() {
		assertThatExceptionOfType(NullPointerException.class).isThrownBy(() -> DynaliteServer.start(null))
			.withMessage("'options' must not be null");
	}

}
