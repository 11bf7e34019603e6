package dev.dynamodown.dynalite;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The node process must not outlive its JVM, even when the JVM gets no chance to run a shutdown hook. */
class JvmKillTests {

	@Test
	void nodeExitsWhenItsJvmIsKilled() throws Exception {
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
				DynaliteInChildJvm.class.getName())
			.redirectErrorStream(true)
			.start();
		try {
			BufferedReader output = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
			String line = CompletableFuture.supplyAsync(() -> firstLineStartingWith(output, "node-pid="))
				.get(30, TimeUnit.SECONDS);
			long nodePid = Long.parseLong(line.substring("node-pid=".length()));
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

	private static String firstLineStartingWith(BufferedReader output, String prefix) {
		try {
			StringBuilder seen = new StringBuilder();
			for (String line = output.readLine(); line != null; line = output.readLine()) {
				if (line.startsWith(prefix)) {
					return line;
				}
				seen.append(line).append('\n');
			}
			throw new IllegalStateException("The child JVM ended without printing " + prefix + ":\n" + seen);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
