package dev.dynamodown.dynalite;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DynaliteServerTests {

	@Test
	void startsAnswersAndStops() throws Exception {
		DynaliteServer server = DynaliteServer.start();
		try (server) {
			assertThat(server.isRunning()).isTrue();
			assertThat(server.port()).isPositive().isNotEqualTo(4567);
			assertThat(server.endpoint()).hasToString("http://127.0.0.1:" + server.port());
			assertThat(ReadinessProbe.check(server.endpoint(), java.time.Duration.ofSeconds(5))).isNull();
		}
		assertThat(server.isRunning()).isFalse();
		assertThat(ProcessHandle.of(server.pid()).filter(ProcessHandle::isAlive)).isEmpty();
	}

}
