package dev.dynamodown.data.sample;

import org.springframework.data.domain.Limit;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.data.domain.Window;
import org.springframework.data.repository.ListCrudRepository;
import org.springframework.data.repository.ListPagingAndSortingRepository;

public interface TickRepository extends ListCrudRepository<Tick, String>, ListPagingAndSortingRepository<Tick, String> {

	Window<Tick> findAllBy(ScrollPosition position, Limit limit);

	Window<Tick> findAllByOrderByKeyDesc(ScrollPosition position, Limit limit);

	Window<Tick> findFirst50ByKeyStartingWith(String prefix, ScrollPosition position);

}
