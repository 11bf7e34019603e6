package dev.dynamodown.dynalite;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

/**
 * The dynalite installation this jar carries under {@code dev/dynamodown/dynalite/dist/}:
 * {@code launcher.js} and the {@code node_modules} that the build installed with npm. Node.js runs
 * it, so it is trusted only once it is known to be ours: before every launch, the copy that will
 * run is compared, file by file, with the SHA-256 hashes of {@code dist.index} (written by the
 * build, inside the jar), without following any symbolic link.
 * <p>
 * When the classpath holds the distribution as plain files (a build's {@code target/classes}) it
 * is used in place: a copy that differs from the index is refused (rebuild). Inside a jar,
 * including a Spring Boot fat jar, it is extracted once per content version to
 * {@code <java.io.tmpdir>/dynamodown-dynalite-<user>/<hash>}: the
 * {@link PrivateDirectory per-user directory} must be a real directory of the current user with
 * permissions {@code 0700} (else the launch is refused, saying why), and a copy in it that differs
 * from the index in any way (a file changed, missing or added, a symbolic link anywhere) is
 * discarded and extracted again. Extraction writes to a fresh folder and renames it into place,
 * so JVMs racing to extract never see a half-written copy.
 */
final class DynaliteDistribution {

	private static final String DIST = "dist/";

	private static final String LAUNCHER = "launcher.js";

	private static final int ATTEMPTS = 3;

	private DynaliteDistribution() {
	}

	/**
	 * The {@code launcher.js} to give to Node.js, next to its {@code node_modules}, verified
	 * against the index just now.
	 * @throws DynaliteException if the distribution is missing, cannot be extracted, or cannot be
	 * trusted
	 */
	static synchronized Path launcher() {
		URL url = DynaliteDistribution.class.getResource(DIST + LAUNCHER);
		if (url == null) {
			throw new DynaliteException("The dynalite distribution (dev/dynamodown/dynalite/" + DIST + LAUNCHER
					+ ") is not on the classpath: build dynamodown-dynalite with Maven, which installs it with npm");
		}
		try {
			DistributionIndex index = DistributionIndex.read();
			if ("file".equals(url.getProtocol())) {
				Path inPlace = toPath(url).getParent();
				if (Files.isDirectory(inPlace.resolve("node_modules"))) {
					return verifiedInPlace(index, inPlace).resolve(LAUNCHER);
				}
			}
			return extracted(index).resolve(LAUNCHER);
		}
		catch (IOException ex) {
			throw new DynaliteException("Could not extract the dynalite distribution to "
					+ System.getProperty("java.io.tmpdir") + ": " + ex, ex);
		}
	}

	private static Path verifiedInPlace(DistributionIndex index, Path folder) throws IOException {
		String difference = index.difference(folder, false);
		if (difference != null) {
			throw new DynaliteException("The dynalite distribution in " + folder + " differs from its "
					+ DistributionIndex.NAME + " (" + difference + "): rebuild dynamodown-dynalite with Maven");
		}
		return folder;
	}

	private static Path extracted(DistributionIndex index) throws IOException {
		String user = System.getProperty("user.name", "user").replaceAll("[^A-Za-z0-9._-]", "_");
		Path home = PrivateDirectory.ensure(Path.of(System.getProperty("java.io.tmpdir")), "dynamodown-dynalite-" + user);
		String name = index.hash().substring(0, 16);
		Path copy = home.resolve(name);
		String difference = null;
		for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
			difference = index.difference(copy, true);
			if (difference == null) {
				return copy;
			}
			if (Files.exists(copy, LinkOption.NOFOLLOW_LINKS)) {
				discard(copy);
			}
			extract(index, home, name, copy);
		}
		throw new DynaliteException("The dynalite distribution extracted to " + copy + " still differs from "
				+ DistributionIndex.NAME + " after " + ATTEMPTS + " extractions: " + difference);
	}

	/** Extracts into a fresh folder, then renames it to {@code copy}; another JVM may have been faster. */
	private static void extract(DistributionIndex index, Path home, String name, Path copy) throws IOException {
		Path staging = Files.createTempDirectory(home, name + "-");
		try {
			for (String file : index.files().keySet()) {
				copyResource(file, staging);
			}
			Files.move(staging, copy, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (IOException ex) {
			if (!Files.exists(copy, LinkOption.NOFOLLOW_LINKS)) {
				throw ex;
			}
			// another JVM renamed its copy into place first: verified on the next attempt
		}
		finally {
			deleteRecursively(staging);
		}
	}

	private static void copyResource(String file, Path folder) throws IOException {
		Path destination = folder.resolve(file).normalize();
		if (!destination.startsWith(folder)) {
			throw new IOException(DistributionIndex.NAME + " lists a file outside the distribution: " + file);
		}
		try (InputStream in = DynaliteDistribution.class.getResourceAsStream(DIST + file)) {
			if (in == null) {
				throw new IOException(DistributionIndex.NAME + " lists " + file + ", which is not on the classpath");
			}
			Files.createDirectories(destination.getParent());
			Files.copy(in, destination);
		}
	}

	/**
	 * Moves a copy that cannot be trusted aside (atomically, so no JVM uses it half-deleted), then
	 * deletes it. A symbolic link is moved and deleted itself, never followed.
	 */
	private static void discard(Path copy) throws IOException {
		Path aside = copy.resolveSibling(copy.getFileName() + "-discarded-" + UUID.randomUUID());
		try {
			Files.move(copy, aside, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (NoSuchFileException ex) {
			return; // another JVM discarded it already
		}
		deleteRecursively(aside);
	}

	/** Deletes a folder and what it holds; links inside are deleted, not followed. */
	private static void deleteRecursively(@Nullable Path folder) throws IOException {
		if (folder == null || !Files.exists(folder, LinkOption.NOFOLLOW_LINKS)) {
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

}
