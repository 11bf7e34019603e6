package dev.dynamodown.docs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The project documents itself inside its repository and never links outside it: every link of
 * every Markdown file of the repository stays in it and resolves, anchors included. The nested
 * tests show the check catches what it must, on small repositories made for them.
 */
class RepositoryLinksTest {

	/** The repository this module belongs to: tests run in the module's directory, one below the root. */
	static Path repositoryRoot() throws IOException {
		Path root = Path.of("").toAbsolutePath().getParent();
		assertThat(Files.readString(root.resolve("pom.xml"))).as("the repository's root pom")
			.contains("<artifactId>dynamodown-parent</artifactId>");
		return root;
	}

	@Test
	void everyMarkdownLinkOfTheRepositoryStaysInsideAndResolves() throws IOException {
		Path root = repositoryRoot();
		assertThat(RepositoryLinks.markdownFiles(root)).map((file) -> root.relativize(file).toString())
			.contains("README.md", "docs/reference/core.md", "dynamodown-core/GUARANTEES.md")
			.noneMatch((file) -> file.contains("node_modules") || file.startsWith("target") || file.contains("/target/"));
		assertThat(RepositoryLinks.problems(root)).isEmpty();
	}

	@Nested
	class Refuses {

		@TempDir
		Path root;

		@Test
		void aRelativeLinkOutOfTheRepository() throws IOException {
			write("README.md", "The contract is [API.md](../shared/API.md).");
			assertThat(RepositoryLinks.problems(this.root))
				.containsExactly("README.md:1: ../shared/API.md: leaves the repository");
		}

		@Test
		void webLinksOfEveryForm() throws IOException {
			write("docs/a.md", """
					[dynalite](https://github.com/architect/dynalite)
					<https://example.com/x>
					See https://example.com/bare and www.example.com.
					[ref]: http://example.com/ref
					<a href="mailto:someone@example.com">mail</a>
					![badge](https://img.example.com/badge.svg)
					""");
			assertThat(RepositoryLinks.problems(this.root)).hasSize(7)
				.allMatch((problem) -> problem.startsWith("docs/a.md:") && problem.endsWith(
						"leaves the repository; name the external thing in plain text instead"));
		}

		@Test
		void aMissingFileAndAMissingAnchor() throws IOException {
			write("README.md", """
					# Title
					See [the reference](docs/missing.md), [guarantees](GUARANTEES.md#no-such-heading),
					[here](#title), [there](#nowhere).
					""");
			write("GUARANTEES.md", "# Guarantees\n## Who retries what\n");
			assertThat(RepositoryLinks.problems(this.root)).containsExactly(
					"README.md:2: docs/missing.md: no such file in the repository",
					"README.md:2: GUARANTEES.md#no-such-heading: no heading with anchor #no-such-heading in GUARANTEES.md",
					"README.md:3: #nowhere: no heading with anchor #nowhere in README.md");
		}

		@Test
		void anAbsolutePath() throws IOException {
			write("README.md", "[pom](/pom.xml)");
			write("pom.xml", "<project/>");
			assertThat(RepositoryLinks.problems(this.root))
				.containsExactly("README.md:1: /pom.xml: absolute path; use a path relative to this file");
		}

		private void write(String path, String content) throws IOException {
			Path file = this.root.resolve(path);
			Files.createDirectories(file.getParent());
			Files.writeString(file, content);
		}

	}

	@Nested
	class Accepts {

		@TempDir
		Path root;

		@Test
		void relativeLinksAnchorsLocalUrlsAndCode() throws IOException {
			Files.createDirectories(this.root.resolve("docs/reference"));
			Files.createDirectories(this.root.resolve("module/target"));
			Files.writeString(this.root.resolve("module/target/copied.md"), "[gone](https://example.com)");
			Files.writeString(this.root.resolve("docs/reference/core.md"), """
					# dynamodown-core
					## `putIf` / `deleteIf`
					## KeyRange
					## KeyRange
					""");
			Files.writeString(this.root.resolve("README.md"), """
					Read [the reference](docs/reference/core.md#putif--deleteif), [ranges](docs/reference/core.md#keyrange-1),
					[the folder](docs/reference/) and [core](./docs/reference/core.md "title").
					Open http://localhost:8080 or [health](http://127.0.0.1:8080/actuator/health).
					Code is no link: `https://example.com` and
					```
					curl https://example.com/in-a-fence
					```
					""");
			assertThat(RepositoryLinks.problems(this.root)).isEmpty();
		}

	}

	@Nested
	class Anchors {

		@Test
		void areGitHubsHeadingSlugs() {
			assertThat(MarkdownLinks.slug("Bound every call: timeouts on your client"))
				.isEqualTo("bound-every-call-timeouts-on-your-client");
			assertThat(MarkdownLinks.slug("putIf / deleteIf")).isEqualTo("putif--deleteif");
			assertThat(MarkdownLinks.slug("Scalar or object: items with a lone value attribute"))
				.isEqualTo("scalar-or-object-items-with-a-lone-value-attribute");
			assertThat(MarkdownLinks.slug("The [starter](x.md) and dynamodown.* properties"))
				.isEqualTo("the-starter-and-dynamodown-properties");
			assertThat(MarkdownLinks.slug("snake_case stays")).isEqualTo("snake_case-stays");
		}

		@Test
		void repeatedHeadingsAreNumbered() {
			assertThat(MarkdownLinks.of("# A\n```\n# not a heading\n```\n## A\n### `A`\n").anchors())
				.containsExactlyInAnyOrder("a", "a-1", "a-2");
		}

	}

}
