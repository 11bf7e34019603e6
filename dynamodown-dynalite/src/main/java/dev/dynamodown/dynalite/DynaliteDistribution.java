package dev.dynamodown.dynalite;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

/**
 * The dynalite installation this jar carries under {@code dev/dynamodown/dynalite/dist/}:
 * {@code launcher.js} and the {@code node_modules} that the build installed with npm.
 * <p>
 * When the classpath holds it as plain files (a build's {@code target/classes}) it is used in
 * place. Inside a jar, including a Spring Boot fat jar, it is extracted once per content version to
 * {@code <java.io.tmpdir>/dynamodown-dynalite-<user>-<hash>}, the hash coming from
 * {@code dist.index} (written by the build, it also lists the files, since a jar folder cannot be
 * listed portably). Extraction writes to a fresh folder and renames it into place, so JVMs racing
 * to extract never see a half-written copy; a copy found incomplete (say, trimmed by a temporary
 * files cleaner) is replaced.
 */
final class DynaliteDistribution {

	private static final String DIST = "dist/";

	private static final String INDEX = "dist.index";

	private static final String LAUNCHER = "launcher.js";

	private static @Nullable Path launcher;

	private DynaliteDistribution() {
	}

	/**
	 * The {@code launcher.js} to give to Node.js, next to its {@code node_modules}.
	 * @throws DynaliteException if the distribution is missing or cannot be extracted
	 */
	static synchronized Path launcher() {
		Path located = launcher;
		if (located == null || !Files.isRegularFile(located)) { // or a temporary files cleaner removed it
			located = locate();
			launcher = located;
		}
		return located;
	}

	private static Path locate() {
		URL url = DynaliteDistribution.class.getResource(DIST + LAUNCHER);
		if (url == null) {
			throw new DynaliteException("The dynalite distribution (dev/dynamodown/dynalite/" + DIST + LAUNCHER
					+ ") is not on the classpath: build dynamodown-dynalite with Maven, which installs it with npm");
		}
		if ("file".equals(url.getProtocol())) {
			Path inPlace = toPath(url);
			if (Files.isDirectory(inPlace.resolveSibling("node_modules"))) {
				return inPlace;
			}
		}
		try {
			return extract(Index.read()).resolve(LAUNCHER);
		}
		catch (IOException ex) {
			throw new DynaliteException("Could not extract the dynalite distribution to "
					+ System.getProperty("java.io.tmpdir") + ": " + ex, ex);
		}
	}

	private static Path extract(Index index) throws IOException {
		Path parent = Path.of(System.getProperty("java.io.tmpdir"));
		String user = System.getProperty("user.name", "user").replaceAll("[^A-Za-z0-9._-]", "_");
		String name = "dynamodown-dynalite-" + user + "-" + index.hash().substring(0, 16);
		Path target = parent.resolve(name);
		if (index.isCompleteIn(target)) {
			return target;
		}
		Files.createDirectories(parent);
		Path staging = Files.createTempDirectory(parent, name + "-");
		try {
			for (String file : index.files()) {
				copyResource(file, staging);
			}
			moveIntoPlace(staging, target, index);
			return target;
		}
		finally {
			deleteRecursively(staging);
		}
	}

	private static void copyResource(String file, Path folder) throws IOException {
		Path destination = folder.resolve(file).normalize();
		if (!destination.startsWith(folder)) {
			throw new IOException(INDEX + " lists a file outside the distribution: " + file);
		}
		try (InputStream in = DynaliteDistribution.class.getResourceAsStream(DIST + file)) {
			if (in == null) {
				throw new IOException(INDEX + " lists " + file + ", which is not on the classpath");
			}
			Files.createDirectories(destination.getParent());
			Files.copy(in, destination);
		}
	}

	private static void moveIntoPlace(Path staging, Path target, Index index) throws IOException {
		for (int attempt = 1;; attempt++) {
			try {
				Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
				return;
			}
			catch (IOException ex) {
				if (index.isCompleteIn(target)) {
					return; // another JVM extracted the same content first
				}
				if (attempt == 3) {
					throw ex;
				}
				discard(target);
			}
		}
	}

	/** Moves an incomplete copy aside (atomically, so no JVM uses it half-deleted), then deletes it. */
	private static void discard(Path target) throws IOException {
		Path aside = target.resolveSibling(target.getFileName() + "-discarded-" + UUID.randomUUID());
		try {
			Files.move(target, aside, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (NoSuchFileException ex) {
			return; // another JVM discarded it already
		}
		deleteRecursively(aside);
	}

	private static void deleteRecursively(Path folder) throws IOException {
		if (!Files.exists(folder)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(folder)) {
			for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(path);
			}
		}
	}

	private static Path toPath(URL url) {
		try {
			return Path.of(url.toURI());
		}
		catch (URISyntaxException ex) {
			throw new IllegalStateException("Not a file URL: " + url, ex);
		}
	}

	/** {@code dist.index}: a hash of the whole distribution, then every file's relative path. */
	private record Index(String hash, List<String> files) {

		static Index read() throws IOException {
			try (InputStream in = DynaliteDistribution.class.getResourceAsStream(INDEX)) {
				if (in == null) {
					throw new IOException("dev/dynamodown/dynalite/" + INDEX + " is not on the classpath");
				}
				List<String> lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
					.filter((line) -> !line.isEmpty())
					.collect(Collectors.toList());
				if (lines.isEmpty() || !lines.get(0).matches("sha256 [0-9a-f]{64}")) {
					throw new IOException(INDEX + " does not start with 'sha256 <hex>'");
				}
				return new Index(lines.get(0).substring("sha256 ".length()), lines.subList(1, lines.size()));
			}
			catch (UncheckedIOException ex) {
				throw ex.getCause();
			}
		}

		boolean isCompleteIn(Path folder) {
			return Files.isDirectory(folder) && this.files.stream().allMatch((file) -> Files.isRegularFile(folder.resolve(file)));
		}

	}

}
