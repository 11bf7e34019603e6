package dev.dynamodown.docs;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The links of one Markdown text, and the anchors its headings define, as GitHub renders them:
 * inline links and images, reference definitions, autolinks, bare URLs (GitHub links them too) and
 * {@code href}/{@code src} attributes of HTML. What sits in fenced code blocks or code spans is code,
 * not a link. Deliberately small: enough for the project's own files, stricter rather than more
 * lenient where Markdown is ambiguous (an indented code block is read as text).
 */
final class MarkdownLinks {

	/** One link: the line it is on (1-based) and its target as written. */
	record Link(int line, String target) {
	}

	private static final Pattern FENCE = Pattern.compile("^ {0,3}(`{3,}|~{3,})");

	private static final Pattern CODE_SPAN = Pattern.compile("(`+)(.+?)\\1");

	private static final Pattern INLINE = Pattern.compile("!?\\[[^\\]]*\\]\\(\\s*(<[^>]*>|[^\\s)]*)(?:\\s+(?:\"[^\"]*\"|'[^']*'))?\\s*\\)");

	private static final Pattern DEFINITION = Pattern.compile("^ {0,3}\\[[^\\]]+\\]:\\s*(<[^>]*>|\\S+)");

	private static final Pattern AUTOLINK = Pattern.compile("<([a-zA-Z][a-zA-Z0-9+.-]{1,31}:[^>\\s]*)>");

	private static final Pattern HTML_ATTRIBUTE = Pattern.compile("\\b(?:href|src)\\s*=\\s*[\"']([^\"']*)[\"']",
			Pattern.CASE_INSENSITIVE);

	/** GitHub's extended autolinks: a URL after the start of a line, a space or {@code * _ ~ (}. */
	private static final Pattern BARE_URL = Pattern.compile("(?:^|(?<=[\\s*_~(]))((?:https?://|www\\.)[^\\s<]+)",
			Pattern.CASE_INSENSITIVE);

	private static final Pattern HEADING = Pattern.compile("^ {0,3}#{1,6}\\s+(.*?)(?:\\s+#+)?\\s*$");

	private static final Pattern HTML_ANCHOR = Pattern.compile("<a\\s[^>]*\\b(?:id|name)\\s*=\\s*[\"']([^\"']+)[\"']",
			Pattern.CASE_INSENSITIVE);

	/** What GitHub drops from a heading's text to make its anchor: all but letters, digits, marks, {@code _}, {@code -} and spaces. */
	private static final Pattern NOT_IN_SLUG = Pattern.compile("[^\\p{L}\\p{M}\\p{N}\\p{Pc}\\- ]");

	private final List<Link> links = new ArrayList<>();

	private final Set<String> anchors = new LinkedHashSet<>();

	private MarkdownLinks(String markdown) {
		Map<String, Integer> slugs = new HashMap<>();
		String fence = null;
		String[] lines = markdown.split("\r?\n", -1);
		for (int i = 0; i < lines.length; i++) {
			String line = lines[i];
			Matcher fenceMatch = FENCE.matcher(line);
			if (fenceMatch.find()) {
				String marker = fenceMatch.group(1);
				if (fence == null) {
					fence = marker;
					continue;
				}
				if (marker.charAt(0) == fence.charAt(0) && marker.length() >= fence.length()
						&& line.strip().length() == marker.length()) {
					fence = null;
					continue;
				}
			}
			if (fence != null) {
				continue;
			}
			// Code is not a link, but its text is part of a heading's anchor.
			String text = CODE_SPAN.matcher(line).replaceAll("");
			Matcher heading = HEADING.matcher(CODE_SPAN.matcher(line).replaceAll("$2"));
			if (heading.matches()) {
				String slug = slug(heading.group(1));
				int seen = slugs.merge(slug, 1, Integer::sum);
				this.anchors.add((seen == 1) ? slug : slug + "-" + (seen - 1));
			}
			HTML_ANCHOR.matcher(text).results().forEach((anchor) -> this.anchors.add(anchor.group(1)));
			scan(i + 1, text);
		}
	}

	/**
	 * Reads a Markdown text.
	 * @param markdown the text
	 * @return its links and anchors
	 */
	static MarkdownLinks of(String markdown) {
		return new MarkdownLinks(markdown);
	}

	/** The links, in the order they appear. */
	List<Link> links() {
		return List.copyOf(this.links);
	}

	/** The anchors a link {@code file.md#anchor} may name: one per heading, and HTML {@code id}/{@code name}s. */
	Set<String> anchors() {
		return Set.copyOf(this.anchors);
	}

	/**
	 * The anchor GitHub gives a heading: its text without markup, lower case, punctuation dropped,
	 * spaces turned into hyphens ({@code "`putIf` / `deleteIf`"} becomes {@code "putif--deleteif"}).
	 */
	static String slug(String heading) {
		String text = INLINE.matcher(heading).replaceAll((link) -> {
			String whole = link.group();
			return Matcher.quoteReplacement(whole.substring(whole.indexOf('[') + 1, whole.indexOf("](")));
		});
		return NOT_IN_SLUG.matcher(text.toLowerCase(Locale.ROOT)).replaceAll("").replace(' ', '-');
	}

	private void scan(int line, String text) {
		String rest = text;
		rest = collect(line, rest, INLINE);
		rest = collect(line, rest, AUTOLINK);
		rest = collect(line, rest, HTML_ATTRIBUTE);
		rest = collect(line, rest, DEFINITION);
		collect(line, rest, BARE_URL);
	}

	/** Adds the targets a pattern finds and returns the text without them, so that no link is found twice. */
	private String collect(int line, String text, Pattern pattern) {
		Matcher matcher = pattern.matcher(text);
		StringBuilder rest = new StringBuilder();
		while (matcher.find()) {
			String target = matcher.group(1);
			if (target.startsWith("<") && target.endsWith(">")) {
				target = target.substring(1, target.length() - 1);
			}
			this.links.add(new Link(line, target));
			matcher.appendReplacement(rest, " ");
		}
		matcher.appendTail(rest);
		return rest.toString();
	}

}
