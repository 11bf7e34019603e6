package dev.dynamodown.dynalite;

/**
 * Run by {@link JvmKillTests} in a child JVM: starts a server, prints {@code node-pid=<pid>}, then
 * waits to be killed. Also stops when its own stdin closes, so that it cannot outlive a failed test.
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

}
