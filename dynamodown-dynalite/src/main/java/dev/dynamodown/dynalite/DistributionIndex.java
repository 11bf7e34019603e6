package dev.dynamodown.dynalite;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

/**
 * {@code dist.index}, written by the build next to the distribution in the jar: a hash of the
 * whole distribution (which names its extracted copy), then the SHA-256 of every file. It is the
 * reference a copy on disk is checked against before every launch.
 *
 * @param hash the hash of every path and content, in hex
 * @param files each file's relative path ({@code /}-separated) and the SHA-256 of its content, in
 * hex, in the index's order
 */
record DistributionIndex(String hash, Map<String, String> files) {

	static final String NAME = "dist.index";

	/**
	 * Reads the index from the class path, beside {@link DistributionIndex}'s class.
	 * @throws IOException if it is missing or malformed
	 */
	static DistributionIndex read() throws IOException {
		try (InputStream in = DistributionIndex.class.getResourceAsStream(NAME)) {
			if (in == null) {
				throw new IOException("dev/dynamodown/dynalite/" + NAME + " is not on the classpath");
			}
			List<String> lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
				.filter((line) -> !line.isEmpty())
				.collect(Collectors.toList());
			if (lines.isEmpty() || !lines.get(0).matches("sha256 [0-9a-f]{64}")) {
				throw new IOException(NAME + " does not start with 'sha256 <hex>'");
			}
			Map<String, String> files = new LinkedHashMap<>();
			for (String line : lines.subList(1, lines.size())) {
				if (!line.matches("[0-9a-f]{64} .+")) {
					throw new IOException(NAME + " has a line that is not '<sha256> <path>': " + line);
				}
				files.put(line.substring(65), line.substring(0, 64));
			}
			return new DistributionIndex(lines.get(0).substring("sha256 ".length()), files);
		}
		catch (UncheckedIOException ex) {
			throw ex.getCause();
		}
	}

	/**
	 * Compares a copy on disk with the index. Nothing is followed: a symbolic link anywhere in the
	 * copy (or the copy itself being one) is a difference.
	 * @param root the copy's folder
	 * @param exactly whether the copy must hold nothing but the indexed files (an extracted copy);
	 * otherwise other entries are ignored (a build's own output, whose {@code node_modules/.bin}
	 * holds npm's links)
	 * @return what differs, or {@code null} if the copy is the indexed distribution
	 * @throws IOException if the copy cannot be read
	 */
	@Nullable String difference(Path root, boolean exactly) throws IOException {
		if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
			return root + " does not exist";
		}
		BasicFileAttributes rootAttributes = Files.readAttributes(root, BasicFileAttributes.class,
				LinkOption.NOFOLLOW_LINKS);
		if (!rootAttributes.isDirectory()) {
			return root + " is " + (rootAttributes.isSymbolicLink() ? "a symbolic link" : "not a directory");
		}
		Set<String> expected = this.files.keySet();
		Set<String> found = new HashSet<>();
		StringBuilder problem = new StringBuilder();
		Files.walkFileTree(root, new SimpleFileVisitor<>() {

			@Override
			public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
				String relative = relative(root, file);
				if (attributes.isRegularFile()) {
					found.add(relative);
				}
				if ((exactly || expected.contains(relative)) && !attributes.isRegularFile()) {
					problem.append(relative).append(attributes.isSymbolicLink() ? " is a symbolic link" : " is not a file");
					return FileVisitResult.TERMINATE;
				}
				if (exactly && !expected.contains(relative)) {
					problem.append(relative).append(" is not part of the distribution");
					return FileVisitResult.TERMINATE;
				}
				return FileVisitResult.CONTINUE;
			}

		});
		if (!problem.isEmpty()) {
			return problem.toString();
		}
		for (Map.Entry<String, String> file : this.files.entrySet()) {
			if (!found.contains(file.getKey())) {
				return file.getKey() + " is missing";
			}
			if (!file.getValue().equals(sha256(root.resolve(file.getKey())))) {
				return file.getKey() + " does not have the content of the distribution";
			}
		}
		return null;
	}

	private static String relative(Path root, Path file) {
		return root.relativize(file).toString().replace(root.getFileSystem().getSeparator(), "/");
	}

	private static String sha256(Path file) throws IOException {
		try (DigestInputStream in = new DigestInputStream(Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS),
				MessageDigest.getInstance("SHA-256"))) {
			in.transferTo(OutputStream.nullOutputStream());
			return HexFormat.of().formatHex(in.getMessageDigest().digest());
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java platform has SHA-256", ex);
		}
	}

}
