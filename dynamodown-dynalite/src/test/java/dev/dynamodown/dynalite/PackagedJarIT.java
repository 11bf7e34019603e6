package dev.dynamodown.dynalite;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs dynalite from the packaged jar, as every other module and a Spring Boot fat jar do: the
 * distribution is extracted to {@code java.io.tmpdir}. Each class loader over the jar has its own
 * {@code DynaliteDistribution}, so two of them extract like two JVMs would.
 */
class PackagedJarIT {

	@TempDir
	Path tmp;

	private String originalTmp;

	@BeforeEach
	void useOwnTmp() {
		this.originalTmp = System.getProperty("java.io.tmpdir");
		System.setProperty("java.io.tmpdir", this.tmp.toString());
	}

	@AfterEach
	void restoreTmp() {
		System.setProperty("java.io.tmpdir", this.originalTmp);
	}

	@Test
	void extractsOnceWhenTwoLoadersStartAtTheSameTime() throws Exception {
		CyclicBarrier together = new CyclicBarrier(2);
		List<CompletableFuture<List<String>>> starts = Stream.generate(() -> CompletableFuture.supplyAsync(() -> {
			try (URLClassLoader loader = jarLoader()) {
				together.await();
				return startAndStop(loader);
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		})).limit(2).toList();
		List<String> first = starts.get(0).join();
		List<String> second = starts.get(1).join();

		Path extracted = onlyEntryOf(this.tmp);
		assertThat(extracted.getFileName().toString()).matches("dynamodown-dynalite-.+-[0-9a-f]{16}");
		assertThat(first).contains(extracted.resolve("launcher.js").toString());
		assertThat(second).contains(extracted.resolve("launcher.js").toString());
		assertThat(extracted.resolve("node_modules/dynalite/package.json")).isRegularFile();
	}

	@Test
	void replacesAnExtractionThatLostFiles() throws Exception {
		try (URLClassLoader loader = jarLoader()) {
			startAndStop(loader);
		}
		Path extracted = onlyEntryOf(this.tmp);
		Files.delete(extracted.resolve("node_modules/dynalite/index.js"));

		try (URLClassLoader loader = jarLoader()) {
			assertThat(startAndStop(loader)).contains(extracted.resolve("launcher.js").toString());
		}
		assertThat(extracted.resolve("node_modules/dynalite/index.js")).isRegularFile();
		assertThat(onlyEntryOf(this.tmp)).isEqualTo(extracted);
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

	private static URLClassLoader jarLoader() throws Exception {
		URL jar = Path.of(System.getProperty("dynalite.jar")).toUri().toURL();
		return new URLClassLoader(new URL[] { jar }, ClassLoader.getPlatformClassLoader());
	}

	private static Path onlyEntryOf(Path folder) throws Exception {
		try (Stream<Path> entries = Files.list(folder)) {
			List<Path> all = entries.toList();
			assertThat(all).hasSize(1);
			return all.get(0);
		}
	}

}
