package dev.dynamodown.sample.meetup;

import org.springframework.data.domain.ScrollPosition;
import org.springframework.data.domain.Window;
import org.springframework.data.repository.ListCrudRepository;
import org.springframework.data.repository.ListPagingAndSortingRepository;

/**
 * The meetups as a Spring Data repository, implemented by dynamodown-spring-data. Its
 * derived query becomes one DynamoDB Query on the key ({@code begins_with}), resumed after
 * the last key of the previous window without reading the skipped items.
 */
public interface MeetupRepository
		extends ListCrudRepository<MeetupEntity, String>, ListPagingAndSortingRepository<MeetupEntity, String> {

	/**
	 * The next ten meetups, in key order, whose key starts with the prefix.
	 * @param prefix the key prefix; empty for all
	 * @param position where the previous window ended, or {@code ScrollPosition.keyset()}
	 * @return up to ten meetups, and whether there are more
	 */
	Window<MeetupEntity> findFirst10ByKeyStartingWith(String prefix, ScrollPosition position);

}
