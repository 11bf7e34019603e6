package dev.dynamodown.sample.meetup;

import org.springframework.data.annotation.Id;
import org.springframework.data.keyvalue.annotation.KeySpace;

/**
 * A meetup as a Spring Data entity: the same items as the {@code meetups} template's
 * {@link Meetup} values (namespace {@code nyc-js-meetups} of {@code dynamodown.table}), with
 * the key as its {@code @Id}. Entities and template values read each other's writes: both
 * store {@code name} and {@code url} as attributes.
 *
 * @param key the key, such as {@code brooklyn_js}
 * @param name the meetup's name
 * @param url its page
 */
@KeySpace("nyc-js-meetups")
public record MeetupEntity(@Id String key, String name, String url) {

}
