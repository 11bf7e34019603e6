package dev.dynamodown.sample.api;

import java.util.Map;
import java.util.Set;

import dev.dynamodown.BatchResult;
import dev.dynamodown.KeyValue;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The REST API over every configured namespace: {@code /api/{ns}/{key}} for one entry,
 * {@code /api/{ns}} for range listings, {@code /api/{ns}/batch} for batches. Each call is
 * one template call; validation is the library's own (an empty or over-long key is an
 * {@link IllegalArgumentException} before any request, answered 400 by
 * {@link ProblemDetailsAdvice}).
 * <p>
 * A key travels percent-encoded (UTF-8) in its one path segment, as {@code encodeURIComponent}
 * encodes it, and arrives intact whatever it holds ({@code ;}, {@code /}, {@code %}, {@code ?},
 * {@code #}, spaces, any Unicode character). What would address another key is refused before
 * anything is read ({@link RawPathCheck}), bodies are bounded ({@link BodySizeLimit}), and a batch
 * carries at most {@value BatchRequest#MAX_OPERATIONS} operations; every refusal is an RFC 9457
 * problem detail. (Tomcat refuses an encoded NUL, {@code %00}, in any path: such a key can be
 * written and deleted with the batch endpoint, whose keys travel in the body.)
 */
@RestController
@RequestMapping("/api")
class StoreController {

	private final Namespaces namespaces;

	StoreController(Namespaces namespaces) {
		this.namespaces = namespaces;
	}

	@GetMapping
	Map<String, Set<String>> namespaces() {
		return Map.of("namespaces", this.namespaces.names());
	}

	@GetMapping("/{ns}")
	EntryPage list(@PathVariable String ns, RangeQuery query) {
		int pageSize = query.pageSize();
		// One entry more than the page holds: it only tells whether there is a next page.
		return EntryPage.of(this.namespaces.get(ns).template().list(query.toKeyRange().limit(pageSize + 1)),
				pageSize);
	}

	// "/{ns}/" maps the empty key, so that the store itself refuses it with its reason.
	@GetMapping({ "/{ns}/{key}", "/{ns}/" })
	KeyValue<?> get(@PathVariable String ns, @PathVariable(required = false) @Nullable String key) {
		String k = orEmpty(key);
		Object value = this.namespaces.get(ns)
			.template()
			.get(k)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
					"No entry '" + k + "' in namespace '" + ns + "'"));
		return new KeyValue<>(k, value);
	}

	@PutMapping({ "/{ns}/{key}", "/{ns}/" })
	KeyValue<?> put(@PathVariable String ns, @PathVariable(required = false) @Nullable String key,
			@RequestBody(required = false) @Nullable JsonNode body) {
		String k = orEmpty(key);
		return new KeyValue<>(k, this.namespaces.get(ns).put(k, body));
	}

	@DeleteMapping({ "/{ns}/{key}", "/{ns}/" })
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void delete(@PathVariable String ns, @PathVariable(required = false) @Nullable String key) {
		this.namespaces.get(ns).template().delete(orEmpty(key));
	}

	@PostMapping("/{ns}/batch")
	BatchResult batch(@PathVariable String ns, @RequestBody BatchRequest request) {
		return this.namespaces.get(ns).batch(request.requireOperations());
	}

	private static String orEmpty(@Nullable String key) {
		return (key != null) ? key : "";
	}

}
