package dev.dynamodown.sample.meetup;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/meetup-counts?prefix=b}: how many meetups have keys starting with the prefix,
 * served from the DynamoDB-backed Spring cache {@code meetup-counts} ({@link MeetupCounts}).
 */
@RestController
class MeetupCountController {

	private final MeetupCounts counts;

	MeetupCountController(MeetupCounts counts) {
		this.counts = counts;
	}

	@GetMapping("/api/meetup-counts")
	MeetupCount count(@RequestParam(defaultValue = "") String prefix) {
		return new MeetupCount(prefix, this.counts.count(prefix));
	}

	/**
	 * The answer.
	 *
	 * @param prefix the prefix asked for
	 * @param count how many meetups had keys starting with it when the count was cached
	 */
	record MeetupCount(String prefix, long count) {

	}

}
