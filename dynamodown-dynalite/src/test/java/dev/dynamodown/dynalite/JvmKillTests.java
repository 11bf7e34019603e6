package dev.dynamodown.dynalite;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The node process must not outlive its JVM, even when the JVM gets no chance to run a shutdown hook. */
class JvmKillTests {

	@Test
	void nodeExitsWhenItsJvmIsKilled() throws Exception {
		Process child = DynaliteInChildJvm.start(System.getProperty("java.class.path"));
		try {
			long nodePid = CompletableFuture.supplyAsync(() -> DynaliteInChildJvm.awaitNodePid(child))
				.get(30, TimeUnit.SECONDS);
			ProcessHandle node = ProcessHandle.of(nodePid).orElseThrow();
			assertThat(node.isAlive()).isTrue();

			child.destroyForcibly(); // SIGKILL on Unix: no shutdown hook runs
			assertThat(child.waitFor(10, TimeUnit.SECONDS)).isTrue();

			Optional<ProcessHandle> exited = Optional.ofNullable(node.onExit().completeOnTimeout(null, 5, TimeUnit.SECONDS).get());
			assertThat(exited).as("node process %d exited within 5 s of its JVM's death", nodePid).isPresent();
			assertThat(ProcessHandle.of(nodePid).filter(ProcessHandle::isAlive)).isEmpty();
		}
		finally {
			child.destroyForcibly();
		}
	}

}
