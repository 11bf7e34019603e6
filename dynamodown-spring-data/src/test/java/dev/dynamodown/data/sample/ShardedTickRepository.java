package dev.dynamodown.data.sample;

import org.springframework.data.domain.Limit;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.data.domain.Window;
import org.springframework.data.repository.ListCrudRepository;
import org.springframework.data.repository.ListPagingAndSortingRepository;

public interface ShardedTickRepository
		extends ListCrudRepository<ShardedTick, String>, ListPagingAndSortingRepository<ShardedTick, String> {

	Window<ShardedTick> findAllBy(ScrollPosition position, Limit limit);

	Window<ShardedTick> findAllByOrderByKeyDesc(ScrollPosition position, Limit limit);

	Window<ShardedTick> findFirst50ByKeyStartingWith(String prefix, ScrollPosition position);

}
