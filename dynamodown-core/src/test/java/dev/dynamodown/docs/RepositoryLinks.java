package dev.dynamodown.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * The rule for the repository's Markdown files: the project documents itself inside its
 * repository and never links outside it. Every link of every {@code *.md} file (build output and
 * {@code node_modules} aside) must be a relative link to a file or directory of the repository,
 * and a {@code #anchor} must name a heading of the Markdown file it points to. The one exception:
 * {@code http(s)} links to the local machine ({@code localhost}, {@code 127.0.0.1}, {@code [::1]}),
 * which is where the sample app and dynalite run.
 */
final class RepositoryLinks {

	private static final Set<String> SKIPPED_DIRECTORIES = Set.of("target", "node_modules", ".git");

	private static final Pattern SCHEME = Pattern.compile("^([a-zA-Z][a-zA-Z0-9+.-]*):");

	private static final Pattern LOCAL_URL = Pattern
		.compile("^https?://(?:localhost|127\\.0\\.0\\.1|\\[::1\\])(?:[:/?#].*)?$", Pattern.CASE_INSENSITIVE);

	private final Path root;

	private RepositoryLinks(Path root) {
		this.root = root.toAbsolutePath().normalize();
	}

	/**
	 * Checks every Markdown file under a repository's root.
	 * @param root the repository's root directory
	 * @return one line per broken rule, {@code path:line: target: why}; empty if all is well
	 */
	static List<String> problems(Path root) {
		return new RepositoryLinks(root).check();
	}

	/**
	 * The Markdown files a check reads.
	 * @param root the repository's root directory
	 * @return the files, sorted
	 */
	static List<Path> markdownFiles(Path root) {
		List<Path> files = new ArrayList<>();
		try {
			Files.walkFileTree(root, new SimpleFileVisitor<>() {

				@Override
				public FileVisitResult preVisitDirectory(Path directory, BasicFileAttributes attributes) {
					return SKIPPED_DIRECTORIES.contains(String.valueOf(directory.getFileName()))
							? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
				}

				@Override
				public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
					if (attributes.isRegularFile() && file.getFileName().toString().endsWith(".md")) {
						files.add(file);
					}
					return FileVisitResult.CONTINUE;
				}

			});
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		files.sort(null);
		return files;
	}

	private List<String> check() {
		List<String> problems = new ArrayList<>();
		for (Path file : markdownFiles(this.root)) {
			for (MarkdownLinks.Link link : read(file).links()) {
				String problem = problem(file, link.target());
				if (problem != null) {
					problems.add(this.root.relativize(file) + ":" + link.line() + ": " + link.target() + ": " + problem);
				}
			}
		}
		return problems;
	}

	private @Nullable String problem(Path file, String target) {
		if (target.isEmpty()) {
			return "empty link";
		}
		Matcher scheme = SCHEME.matcher(target);
		if (scheme.find() || target.toLowerCase(Locale.ROOT).startsWith("www.")) {
			return LOCAL_URL.matcher(target).matches() ? null
					: "leaves the repository; name the external thing in plain text instead";
		}
		if (target.startsWith("/")) {
			return "absolute path; use a path relative to this file";
		}
		int hash = target.indexOf('#');
		String path = (hash >= 0) ? target.substring(0, hash) : target;
		String anchor = (hash >= 0) ? target.substring(hash + 1) : null;
		int query = path.indexOf('?');
		path = URLDecoder.decode((query >= 0) ? path.substring(0, query) : path, StandardCharsets.UTF_8);
		Path resolved = path.isEmpty() ? file : file.getParent().resolve(path).normalize();
		if (!resolved.startsWith(this.root)) {
			return "leaves the repository";
		}
		if (!Files.exists(resolved)) {
			return "no such file in the repository";
		}
		if (anchor != null && resolved.toString().endsWith(".md") && !read(resolved).anchors().contains(anchor)) {
			return "no heading with anchor #" + anchor + " in " + this.root.relativize(resolved);
		}
		return null;
	}

	private static MarkdownLinks read(Path file) {
		try {
			return MarkdownLinks.of(Files.readString(file));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
