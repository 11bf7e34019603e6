package dev.dynamodown.dynalite;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Run by tests in a child JVM: starts a server, prints {@code node-pid=<pid>}, then waits to be
 * killed. Also stops when its own stdin closes, so that it cannot outlive a failed test. The static
 * methods are the test's side: start such a JVM, read its pid line.
 */
public final class DynaliteInChildJvm {

	private DynaliteInChildJvm() {
	}

	public static void main(String[] args) throws Exception {
		DynaliteServer server = DynaliteServer.start();
		System.out.println("node-pid=" + server.pid());
		System.out.flush();
		while (System.in.read() != -1) {
			// wait for end of input
		}
		server.close();
	}

	/**
	 * Starts a JVM running {@link #main}, its output and errors merged.
	 * @param classPath the child's class path: this class and the dynalite classes
	 * @param options JVM options, e.g. {@code -Djava.io.tmpdir=...}
	 */
	static Process start(String classPath, String... options) throws IOException {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.addAll(List.of(options));
		command.addAll(List.of("-cp", classPath, DynaliteInChildJvm.class.getName()));
		return new ProcessBuilder(command).redirectErrorStream(true).start();
	}

	/**
	 * Reads the child's output up to its {@code node-pid=} line.
	 * @return the Node.js process id
	 * @throws IllegalStateException if the child ended first, with what it printed
	 */
	static long awaitNodePid(Process child) {
		BufferedReader output = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
		try {
			StringBuilder seen = new StringBuilder();
			for (String line = output.readLine(); line != null; line = output.readLine()) {
				if (line.startsWith("node-pid=")) {
					return Long.parseLong(line.substring("node-pid=".length()));
				}
				seen.append(line).append('\n');
			}
			throw new IllegalStateException("The child JVM ended without printing node-pid=:\n" + seen);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
