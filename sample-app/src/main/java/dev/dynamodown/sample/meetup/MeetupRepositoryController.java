package dev.dynamodown.sample.meetup;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.data.domain.ScrollPosition;
import org.springframework.data.domain.Window;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/repository/meetups?prefix=&after=}: the meetups through the Spring Data
 * repository instead of the template, ten at a time. {@code after} is the previous page's
 * {@code next}, the last key it held.
 */
@RestController
class MeetupRepositoryController {

	private final MeetupRepository repository;

	MeetupRepositoryController(MeetupRepository repository) {
		this.repository = repository;
	}

	@GetMapping("/api/repository/meetups")
	MeetupWindow list(@RequestParam(defaultValue = "") String prefix,
			@RequestParam(required = false) @Nullable String after) {
		ScrollPosition position = (after != null) ? ScrollPosition.forward(Map.of("key", after))
				: ScrollPosition.keyset();
		Window<MeetupEntity> window = this.repository.findFirst10ByKeyStartingWith(prefix, position);
		List<MeetupEntity> items = window.getContent();
		return new MeetupWindow(items, window.hasNext() ? items.get(items.size() - 1).key() : null);
	}

	/**
	 * One window of meetups.
	 *
	 * @param items the meetups, in key order
	 * @param next the last key, to pass as {@code after} for the next window; {@code null} on
	 * the last one
	 */
	record MeetupWindow(List<MeetupEntity> items, @Nullable String next) {

	}

}
