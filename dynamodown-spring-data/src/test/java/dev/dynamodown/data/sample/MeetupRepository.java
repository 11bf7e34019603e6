package dev.dynamodown.data.sample;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.springframework.data.domain.Limit;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.data.domain.Slice;
import org.springframework.data.domain.Window;
import org.springframework.data.repository.ListCrudRepository;
import org.springframework.data.repository.ListPagingAndSortingRepository;

public interface MeetupRepository
		extends ListCrudRepository<Meetup, String>, ListPagingAndSortingRepository<Meetup, String> {

	Window<Meetup> findFirst10ByKeyStartingWith(String prefix, ScrollPosition position);

	List<Meetup> findByKeyBetween(String from, String to);

	List<Meetup> findByKeyStartingWith(String prefix);

	List<Meetup> findByKeyGreaterThan(String key);

	List<Meetup> findByKeyGreaterThanEqual(String key);

	List<Meetup> findByKeyLessThan(String key);

	List<Meetup> findByKeyLessThanEqual(String key);

	Optional<Meetup> findByKey(String key);

	List<Meetup> findByKeyStartingWithAndKeyGreaterThan(String prefix, String key);

	List<Meetup> findByKeyStartingWithAndCity(String prefix, String city);

	List<Meetup> findTop2ByKeyStartingWithAndCity(String prefix, String city);

	List<Meetup> findByKeyStartingWithOrderByKeyDesc(String prefix);

	List<Meetup> findTop3ByKeyStartingWithOrderByKeyDesc(String prefix);

	List<Meetup> findFirst2ByKeyGreaterThan(String key, Limit limit);

	List<Meetup> findByCity(String city);

	List<Meetup> findByCityAndMembersBetween(String city, int from, int to);

	List<Meetup> findByKeyStartingWithOrKeyStartingWith(String prefix, String otherPrefix);

	List<Meetup> findByKeyEndingWith(String suffix);

	long countByKeyStartingWith(String prefix);

	long countByCity(String city);

	boolean existsByKeyStartingWith(String prefix);

	Page<Meetup> findPageByKeyStartingWith(String prefix, Pageable pageable);

	Slice<Meetup> findSliceByKeyStartingWith(String prefix, Pageable pageable);

	Stream<Meetup> streamByKeyStartingWith(String prefix);

	long deleteByKeyStartingWith(String prefix);

	List<Meetup> removeByCity(String city);

}
