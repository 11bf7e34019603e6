package dev.dynamodown.dynalite;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads what the launcher prints (stdout and stderr merged) on a daemon thread until the process
 * ends, so that it never blocks on a full pipe; keeps the last {@value #LIMIT} characters for
 * diagnostics and watches for the launcher's ready line.
 */
final class ProcessOutput {

	static final int LIMIT = 64 * 1024;

	private static final Pattern READY = Pattern.compile("DYNALITE_READY port=(\\d+)");

	private final StringBuilder text = new StringBuilder();

	private boolean truncated;

	/** The port of the ready line; empty if the output ended without one. */
	private final CompletableFuture<OptionalInt> ready = new CompletableFuture<>();

	private ProcessOutput() {
	}

	static ProcessOutput capture(Process process) {
		ProcessOutput output = new ProcessOutput();
		Thread reader = new Thread(() -> output.read(process), "dynalite-output-" + process.pid());
		reader.setDaemon(true);
		reader.start();
		return output;
	}

	private void read(Process process) {
		try (BufferedReader lines = new BufferedReader(
				new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
			for (String line = lines.readLine(); line != null; line = lines.readLine()) {
				append(line);
				Matcher matcher = READY.matcher(line);
				if (matcher.matches()) {
					this.ready.complete(OptionalInt.of(Integer.parseInt(matcher.group(1))));
				}
			}
		}
		catch (IOException ex) {
			append("(reading the output failed: " + ex + ")");
		}
		finally {
			this.ready.complete(OptionalInt.empty());
		}
	}

	private synchronized void append(String line) {
		this.text.append(line).append('\n');
		if (this.text.length() > LIMIT) {
			this.text.delete(0, this.text.length() - LIMIT);
			this.truncated = true;
		}
	}

	/**
	 * Waits for the ready line.
	 * @return its port, or empty if the output ended (the process exited) without one
	 * @throws TimeoutException if neither happened within the timeout
	 */
	OptionalInt awaitReady(Duration timeout) throws TimeoutException, InterruptedException {
		try {
			return this.ready.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException(ex.getCause()); // never completed exceptionally
		}
	}

	/** What was printed so far; at most the last {@value #LIMIT} characters. */
	synchronized String text() {
		return (this.truncated ? "[earlier output dropped]\n" : "") + this.text;
	}

}
