package dev.dynamodown.dynalite;

import java.io.File;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs dynalite from the packaged jar, as every other module and a Spring Boot fat jar do: the
 * distribution is extracted under {@code java.io.tmpdir} (a folder of the test's own here). Each
 * class loader over the jar has its own {@code DynaliteDistribution}, like another JVM would; two
 * tests use real child JVMs.
 * <p>
 * A planted copy is one whose {@code launcher.js} was changed to write a marker file before doing
 * its job: the marker proves whether Node.js ran it.
 */
class PackagedJarIT {

	@TempDir
	Path tmp;

	private String originalTmp;

	private Path marker;

	@BeforeEach
	void useOwnTmp() {
		this.originalTmp = System.getProperty("java.io.tmpdir");
		System.setProperty("java.io.tmpdir", this.tmp.toString());
		this.marker = this.tmp.resolve("planted-launcher-ran");
	}

	@AfterEach
	void restoreTmp() {
		System.setProperty("java.io.tmpdir", this.originalTmp);
	}

	@Test
	void extractsIntoADirectoryOnlyTheUserCanWrite() throws Exception {
		Path copy;
		try (URLClassLoader loader = jarLoader()) {
			copy = launcherOf(startAndStop(loader)).getParent();
		}
		Path home = this.tmp.resolve("dynamodown-dynalite-" + user());
		assertThat(copy.getParent()).isEqualTo(home);
		assertThat(copy.getFileName().toString()).matches("[0-9a-f]{16}");
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(home, LinkOption.NOFOLLOW_LINKS)))
			.isEqualTo("rwx------");
		assertThat(entriesOf(home)).containsExactly(copy);
		assertThat(copy.resolve("node_modules/dynalite/package.json")).isRegularFile();
	}

	@Test
	void twoJvmsExtractingAtOnceBothStart() throws Exception {
		List<Process> children = new ArrayList<>();
		try {
			for (int i = 0; i < 2; i++) {
				children.add(childJvm());
			}
			List<CompletableFuture<Long>> started = children.stream()
				.map((child) -> CompletableFuture.supplyAsync(() -> DynaliteInChildJvm.awaitNodePid(child)))
				.toList();
			for (CompletableFuture<Long> each : started) {
				assertThat(each.get(60, TimeUnit.SECONDS)).isPositive();
			}
			for (Process child : children) {
				child.getOutputStream().close(); // DynaliteInChildJvm stops its server and exits
				assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
				assertThat(child.exitValue()).isZero();
			}
		}
		finally {
			children.forEach(Process::destroyForcibly);
		}
		Path home = this.tmp.resolve("dynamodown-dynalite-" + user());
		assertThat(entriesOf(home)).singleElement()
			.satisfies((copy) -> assertThat(copy.resolve("launcher.js")).isRegularFile());
	}

	@Test
	void aPlantedLauncherIsNeverRun() throws Exception {
		try (URLClassLoader loader = jarLoader()) {
			Path launcher = launcherOf(startAndStop(loader));
			String original = Files.readString(launcher);
			plant(launcher.getParent());

			// the same loader: its distribution is verified again before this launch
			assertThat(launcherOf(startAndStop(loader))).isEqualTo(launcher);
			assertThat(this.marker).doesNotExist();
			assertThat(launcher).hasContent(original);
		}
	}

	@Test
	void aSymbolicLinkInPlaceOfTheCopyIsReplacedNotFollowed() throws Exception {
		try (URLClassLoader loader = jarLoader()) {
			Path copy = launcherOf(startAndStop(loader)).getParent();
			Path planted = this.tmp.resolve("planted");
			Files.move(copy, planted);
			plant(planted);
			Files.createSymbolicLink(copy, planted);

			assertThat(launcherOf(startAndStop(loader))).isEqualTo(copy.resolve("launcher.js"));
			assertThat(this.marker).doesNotExist();
			assertThat(Files.isSymbolicLink(copy)).isFalse();
			assertThat(copy).isDirectory();
			assertThat(planted.resolve("launcher.js")).as("the link was deleted, not what it points to").isRegularFile();
		}
	}

	@Test
	void aSymbolicLinkOrALooseDirectoryForTheUserIsRefused() throws Exception {
		try (URLClassLoader loader = jarLoader()) {
			Path copy = launcherOf(startAndStop(loader)).getParent();
			Path home = copy.getParent();
			plant(copy);
			Path elsewhere = this.tmp.resolve("elsewhere");
			Files.move(home, elsewhere);
			Files.createSymbolicLink(home, elsewhere);

			assertThat(startFailure(loader)).hasMessageContaining("Refusing to use " + home)
				.hasMessageContaining("it is a symbolic link");
			assertThat(this.marker).doesNotExist();

			Files.delete(home);
			Files.move(elsewhere, home);
			Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwxrwxrwx"));
			assertThat(startFailure(loader)).hasMessageContaining("its permissions are rwxrwxrwx, not rwx------");
			assertThat(this.marker).doesNotExist();
		}
	}

	@Test
	void replacesACopyThatLostFiles() throws Exception {
		Path copy;
		try (URLClassLoader loader = jarLoader()) {
			copy = launcherOf(startAndStop(loader)).getParent();
		}
		Files.delete(copy.resolve("node_modules/dynalite/index.js"));

		try (URLClassLoader loader = jarLoader()) {
			assertThat(launcherOf(startAndStop(loader))).isEqualTo(copy.resolve("launcher.js"));
		}
		assertThat(copy.resolve("node_modules/dynalite/index.js")).isRegularFile();
		assertThat(entriesOf(copy.getParent())).containsExactly(copy);
	}

	/** Makes the copy's launcher write the marker file first, then do what it did. */
	private void plant(Path copy) throws IOException {
		Path launcher = copy.resolve("launcher.js");
		Files.writeString(launcher, "require('node:fs').writeFileSync(" + jsString(this.marker.toString())
				+ ", 'planted launcher ran')\n" + Files.readString(launcher));
	}

	private static String jsString(String text) {
		return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'";
	}

	/** Starts and stops a server through the loader's own classes; returns the node command line. */
	private static List<String> startAndStop(ClassLoader loader) throws Exception {
		Class<?> serverClass = loader.loadClass(DynaliteServer.class.getName());
		assertThat(serverClass).isNotSameAs(DynaliteServer.class);
		try (AutoCloseable server = (AutoCloseable) serverClass.getMethod("start").invoke(null)) {
			long pid = (long) serverClass.getMethod("pid").invoke(server);
			String[] arguments = ProcessHandle.of(pid).orElseThrow().info().arguments().orElseThrow();
			assertThat((String) serverClass.getMethod("output").invoke(server)).startsWith("DYNALITE_READY port=");
			return List.of(arguments);
		}
	}

	/** What starting a server through the loader threw: the loader's own {@code DynaliteException}. */
	private static Throwable startFailure(ClassLoader loader) throws Exception {
		Class<?> serverClass = loader.loadClass(DynaliteServer.class.getName());
		try {
			((AutoCloseable) serverClass.getMethod("start").invoke(null)).close();
		}
		catch (InvocationTargetException ex) {
			assertThat(ex.getCause().getClass().getName()).isEqualTo(DynaliteException.class.getName());
			return ex.getCause();
		}
		throw new AssertionError("The server started");
	}

	/** The launcher.js of a node command line: the argument after the executable. */
	private static Path launcherOf(List<String> arguments) {
		return Path.of(arguments.get(0));
	}

	private static URLClassLoader jarLoader() throws Exception {
		return new URLClassLoader(new URL[] { jar().toUri().toURL() }, ClassLoader.getPlatformClassLoader());
	}

	private static Path jar() {
		return Path.of(System.getProperty("dynalite.jar"));
	}

	/** A JVM that runs {@link DynaliteInChildJvm} from the jar, with this test's java.io.tmpdir. */
	private Process childJvm() throws IOException {
		return DynaliteInChildJvm.start(jar() + File.pathSeparator + jar().resolveSibling("test-classes"),
				"-Djava.io.tmpdir=" + this.tmp);
	}

	private static String user() {
		return System.getProperty("user.name", "user").replaceAll("[^A-Za-z0-9._-]", "_");
	}

	private static List<Path> entriesOf(Path folder) throws IOException {
		try (Stream<Path> entries = Files.list(folder)) {
			return entries.toList();
		}
	}

}
