package dev.dynamodown.data.sample;

import org.springframework.data.domain.Limit;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.data.domain.Window;
import org.springframework.data.repository.ListCrudRepository;
import org.springframework.data.repository.ListPagingAndSortingRepository;
import org.springframework.data.repository.NoRepositoryBean;

/** The queries of the tick repositories, whatever the namespace's shards. */
@NoRepositoryBean
public interface ScrollableTicks<T> extends ListCrudRepository<T, String>, ListPagingAndSortingRepository<T, String> {

	Window<T> findAllBy(ScrollPosition position, Limit limit);

	Window<T> findAllByOrderByKeyDesc(ScrollPosition position, Limit limit);

	Window<T> findFirst50ByKeyStartingWith(String prefix, ScrollPosition position);

}
