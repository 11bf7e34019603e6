package dev.dynamodown.sample.meetup;

import dev.dynamodown.KeyRange;
import dev.dynamodown.SortedKeyValueOperations;

import org.springframework.cache.annotation.Cacheable;
import org.springframework.stereotype.Service;

/**
 * How many meetups have keys with a prefix: a {@code count} that pages through the namespace,
 * cached for the time to live of the {@code meetup-counts} cache ({@code application.yml}), so
 * that repeated questions cost one {@code GetItem} instead of a scan. A meetup added meanwhile
 * shows once the entry expires.
 */
@Service
public class MeetupCounts {

	private final SortedKeyValueOperations<Meetup> meetups;

	MeetupCounts(SortedKeyValueOperations<Meetup> meetups) {
		this.meetups = meetups;
	}

	/**
	 * Counts the meetups whose keys start with a prefix, or answers from the cache.
	 * @param prefix the prefix, empty for every meetup
	 * @return how many there were when the count was cached
	 */
	@Cacheable("meetup-counts")
	public long count(String prefix) {
		return this.meetups.count(KeyRange.prefix(prefix));
	}

}
