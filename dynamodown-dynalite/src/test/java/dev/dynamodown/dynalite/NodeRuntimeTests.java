package dev.dynamodown.dynalite;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class NodeRuntimeTests {

	@TempDir
	Path folder;

	@AfterEach
	void clearProperty() {
		System.clearProperty(NodeRuntime.NODE_PROPERTY);
	}

	@Test
	void findsNodeOnThePath() {
		NodeRuntime node = NodeRuntime.locate(null);
		assertThat(node.executable()).isEqualTo("node");
		assertThat(node.version()).matches("v\\d+\\.\\d+\\.\\d+");
	}

	@Test
	void explainsAMissingNode() {
		assertStartRefusesTheNodeOfTheProperty(this.folder.resolve("no-such-node"), "could not be run");
	}

	@Test
	@DisabledOnOs(value = OS.WINDOWS, disabledReason = "the fake Node.js is a POSIX shell script")
	void refusesANodeOlderThan20() throws IOException {
		assertStartRefusesTheNodeOfTheProperty(script("old-node", "echo v18.0.0"), "is Node.js v18.0.0");
	}

	@Test
	@DisabledOnOs(value = OS.WINDOWS, disabledReason = "the fake Node.js is a POSIX shell script")
	void refusesSomethingThatIsNotNode() throws IOException {
		Path notNode = script("not-node", "echo hello");
		DynaliteOptions options = DynaliteOptions.builder().nodeExecutable(notNode).build();
		assertThatExceptionOfType(DynaliteException.class).isThrownBy(() -> DynaliteServer.start(options))
			.withMessageStartingWith("'" + notNode + "' (from DynaliteOptions.nodeExecutable) is not Node.js: '"
					+ notNode + " --version' printed 'hello'");
	}

	@Test
	void takesTheOptionsBeforeTheSystemProperty() {
		Path node = Stream.of(System.getenv("PATH").split(File.pathSeparator))
			.map((folder) -> Path.of(folder, "node"))
			.filter(Files::isExecutable)
			.findFirst()
			.orElseThrow();
		System.setProperty(NodeRuntime.NODE_PROPERTY, this.folder.resolve("no-such-node").toString());
		assertThat(NodeRuntime.locate(node).executable()).isEqualTo(node.toString());
	}

	/**
	 * Sets the system property to {@code node} and asserts that starting dynalite fails saying
	 * why, and where else a Node.js may be given.
	 */
	private static void assertStartRefusesTheNodeOfTheProperty(Path node, String why) {
		System.setProperty(NodeRuntime.NODE_PROPERTY, node.toString());
		assertThatExceptionOfType(DynaliteException.class).isThrownBy(DynaliteServer::start)
			.withMessageStartingWith("dynalite needs Node.js >= 20, but '" + node
					+ "' (from system property 'dynamodown.dynalite.node') " + why)
			.withMessageContaining("system property 'dynamodown.dynalite.node'")
			.withMessageContaining("environment variable 'DYNAMODOWN_NODE'");
	}

	private Path script(String name, String body) throws IOException {
		Path script = Files.writeString(this.folder.resolve(name), "#!/bin/sh\n" + body + "\n");
		assertThat(script.toFile().setExecutable(true)).isTrue();
		return script;
	}

}
