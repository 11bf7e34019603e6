package dev.dynamodown.dynalite;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * The Node.js executable that runs dynalite, found and checked to be version 20 or newer.
 * Looked for in this order: {@link DynaliteOptions#nodeExecutable()}, the system property
 * {@value #NODE_PROPERTY}, the environment variable {@value #NODE_ENVIRONMENT_VARIABLE}, then
 * {@code node} on the {@code PATH}.
 */
final class NodeRuntime {

	static final String NODE_PROPERTY = "dynamodown.dynalite.node";

	static final String NODE_ENVIRONMENT_VARIABLE = "DYNAMODOWN_NODE";

	static final int MINIMUM_MAJOR_VERSION = 20;

	private static final Pattern VERSION = Pattern.compile("v(\\d+)\\.\\d+\\.\\d+");

	private static final String HOW_TO_POINT = "Install Node.js " + MINIMUM_MAJOR_VERSION
			+ " or newer (https://nodejs.org, or your system's nodejs package) and put it on the PATH, "
			+ "or point at its executable with the system property '" + NODE_PROPERTY
			+ "' or the environment variable '" + NODE_ENVIRONMENT_VARIABLE + "'.";

	private final String executable;

	private final String version;

	private NodeRuntime(String executable, String version) {
		this.executable = executable;
		this.version = version;
	}

	/**
	 * Finds Node.js and checks its version.
	 * @param configured the executable the options name, or {@code null} to look further
	 * @throws DynaliteException if it cannot be run or is older than 20
	 */
	static NodeRuntime locate(@Nullable Path configured) {
		String property = System.getProperty(NODE_PROPERTY);
		String variable = System.getenv(NODE_ENVIRONMENT_VARIABLE);
		if (configured != null) {
			return check(configured.toString(), "DynaliteOptions.nodeExecutable");
		}
		if (property != null && !property.isBlank()) {
			return check(property.trim(), "system property '" + NODE_PROPERTY + "'");
		}
		if (variable != null && !variable.isBlank()) {
			return check(variable.trim(), "environment variable '" + NODE_ENVIRONMENT_VARIABLE + "'");
		}
		return check("node", "the PATH");
	}

	private static NodeRuntime check(String executable, String source) {
		String printed = versionOutput(executable, source);
		Matcher matcher = VERSION.matcher(printed);
		if (!matcher.find()) {
			throw new DynaliteException("'" + executable + "' (from " + source + ") is not Node.js: '"
					+ executable + " --version' printed '" + printed + "'. " + HOW_TO_POINT);
		}
		if (Integer.parseInt(matcher.group(1)) < MINIMUM_MAJOR_VERSION) {
			throw new DynaliteException("dynalite needs Node.js >= " + MINIMUM_MAJOR_VERSION + ", but '" + executable
					+ "' (from " + source + ") is Node.js " + matcher.group() + ". " + HOW_TO_POINT);
		}
		return new NodeRuntime(executable, matcher.group());
	}

	private static String versionOutput(String executable, String source) {
		Process process;
		try {
			process = new ProcessBuilder(executable, "--version").redirectErrorStream(true).start();
		}
		catch (IOException ex) {
			throw new DynaliteException("dynalite needs Node.js >= " + MINIMUM_MAJOR_VERSION + ", but '" + executable
					+ "' (from " + source + ") could not be run: " + ex.getMessage() + ". " + HOW_TO_POINT, ex);
		}
		try (InputStream output = process.getInputStream()) {
			process.getOutputStream().close();
			// Waiting before reading is safe: a version is far smaller than a pipe's buffer.
			if (!process.waitFor(10, TimeUnit.SECONDS)) {
				throw new DynaliteException("'" + executable + " --version' (from " + source
						+ ") did not finish within 10 s. " + HOW_TO_POINT);
			}
			return new String(output.readNBytes(4096), StandardCharsets.UTF_8).trim();
		}
		catch (IOException ex) {
			throw new DynaliteException("Could not read the output of '" + executable + " --version' (from " + source
					+ "): " + ex.getMessage(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new DynaliteException("Interrupted while checking the Node.js version", ex);
		}
		finally {
			process.destroyForcibly();
		}
	}

	/** The command that runs Node.js: a path, or {@code node} to take the one on the PATH. */
	String executable() {
		return this.executable;
	}

	/** The version it reported, such as {@code v20.20.2}. */
	String version() {
		return this.version;
	}

}
