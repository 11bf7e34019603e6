package dev.dynamodown.sample.meetup;

import java.util.Objects;

/**
 * A JavaScript meetup, the value type of the {@code meetups} namespace; its key (such as
 * {@code brooklyn_js}) lives beside it, not in it. Stored as the attributes {@code name} and
 * {@code url}, as dynamo-down stores a JSON object.
 *
 * @param name the meetup's name
 * @param url its page
 */
public record Meetup(String name, String url) {

	public Meetup {
		Objects.requireNonNull(name, "'name' must not be null");
		Objects.requireNonNull(url, "'url' must not be null");
	}

}
