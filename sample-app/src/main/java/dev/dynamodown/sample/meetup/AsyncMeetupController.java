package dev.dynamodown.sample.meetup;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;

import dev.dynamodown.AsyncSortedKeyValueTemplate;
import dev.dynamodown.KeyRange;
import dev.dynamodown.KeyValue;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The meetups through the asynchronous template the starter registers as {@code meetupsAsync}: no
 * request thread waits for DynamoDB. {@code GET /api/async/meetups/{key}} answers when the
 * template's {@code CompletableFuture} completes; {@code GET /api/async/meetups?prefix=} streams the
 * range's {@code Flow.Publisher} as newline-delimited JSON, one entry a line, Spring MVC asking for
 * the next entry as it writes each, so pages are read only as fast as the client takes them.
 */
@RestController
class AsyncMeetupController {

	private final AsyncSortedKeyValueTemplate<Meetup> meetupsAsync;

	AsyncMeetupController(AsyncSortedKeyValueTemplate<Meetup> meetupsAsync) {
		this.meetupsAsync = meetupsAsync;
	}

	@GetMapping("/api/async/meetups/{key}")
	CompletableFuture<KeyValue<Meetup>> get(@PathVariable String key) {
		return this.meetupsAsync.get(key)
			.thenApply((found) -> found.map((meetup) -> new KeyValue<>(key, meetup))
				.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No meetup '" + key + "'")));
	}

	@GetMapping(path = "/api/async/meetups", produces = MediaType.APPLICATION_NDJSON_VALUE)
	Flow.Publisher<KeyValue<Meetup>> stream(@RequestParam(defaultValue = "") String prefix) {
		return this.meetupsAsync.range(KeyRange.prefix(prefix));
	}

}
