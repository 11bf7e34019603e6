package dev.dynamodown.example;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import dev.dynamodown.dynalite.DynaliteServer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A user who adds only {@code dynamodown-core} runs the README's first example, JSON values
 * included: {@link ReadmeExample} runs in a child JVM whose class path is exactly this module's
 * classes plus the runtime class path Maven resolved for it (a project depending on
 * {@code dynamodown-core} alone: the core and its transitive dependencies, optional ones not
 * included), against dynalite.
 */
class ReadmeExampleTest {

	@Test
	void runsTheReadmesFirstExampleWithOnlyTheCoreOnTheClassPath() throws Exception {
		List<String> classPath = classPath();
		assertThat(classPath).anySatisfy((entry) -> assertThat(entry).contains("dynamodown-core"))
			.noneSatisfy((entry) -> assertThat(entry).containsAnyOf("dynamodown-dynalite", "junit", "assertj"));

		try (DynaliteServer dynalite = DynaliteServer.start()) {
			String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
			Process child = new ProcessBuilder(java, "-cp", String.join(File.pathSeparator, classPath),
					ReadmeExample.class.getName(), dynalite.endpoint().toString())
				.redirectErrorStream(true)
				.start();
			child.getOutputStream().close();
			String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			assertThat(child.waitFor(60, TimeUnit.SECONDS)).as("the example ended").isTrue();

			assertThat(output).doesNotContain("NoClassDefFoundError").doesNotContain("Exception");
			assertThat(child.exitValue()).as(output).isZero();
			assertThat(output)
				.contains("get: Optional[Meetup[name=BrooklynJS, url=https://www.meetup.com/BrooklynJS/]]")
				.contains("KeyValue[key=brownsville_js, value=Meetup[name=BrownsvilleJS, "
						+ "url=https://www.meetup.com/BrownsvilleJS/]]")
				.contains("batch: BatchResult[applied=2, requests=1, retries=0]")
				.contains("queens_js: Meetup[name=QueensJS, url=https://www.meetup.com/QueensJS/]");
		}
	}

	/** This module's classes, then the runtime class path the build wrote. */
	private static List<String> classPath() throws IOException {
		String dependencies = Files.readString(Path.of(System.getProperty("example.classpath.file"))).strip();
		return Stream.concat(Stream.of(System.getProperty("example.classes")),
				Arrays.stream(dependencies.split(File.pathSeparator))).toList();
	}

}
