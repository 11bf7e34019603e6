package dev.dynamodown.data.repository;

import java.util.List;

import dev.dynamodown.data.RepositoryIntegrationTest;
import dev.dynamodown.data.sample.Tick;
import dev.dynamodown.data.sample.TickRepository;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Limit;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.data.domain.Sort;
import org.springframework.data.domain.Window;

/** Keyset scrolling and sorting of {@link Tick}s, in one partition. */
@RepositoryIntegrationTest
class KeysetScrollIntegrationTests extends AbstractKeysetScrollIntegrationTests<Tick> {

	@Autowired
	TickRepository ticks;

	@Override
	int shards() {
		return 1;
	}

	@Override
	void replaceAll(List<String> keys) {
		this.ticks.deleteAll();
		this.ticks.saveAll(keys.stream().map((key) -> new Tick(key, Integer.parseInt(key.substring(1)))).toList());
	}

	@Override
	Window<Tick> findAllBy(ScrollPosition position, Limit limit) {
		return this.ticks.findAllBy(position, limit);
	}

	@Override
	Window<Tick> findAllByOrderByKeyDesc(ScrollPosition position, Limit limit) {
		return this.ticks.findAllByOrderByKeyDesc(position, limit);
	}

	@Override
	Window<Tick> findFirst50ByKeyStartingWith(String prefix, ScrollPosition position) {
		return this.ticks.findFirst50ByKeyStartingWith(prefix, position);
	}

	@Override
	List<Tick> findAll(Sort sort) {
		return this.ticks.findAll(sort);
	}

	@Override
	List<Tick> findPage(PageRequest page) {
		return this.ticks.findAll(page).getContent();
	}

	@Override
	String key(Tick tick) {
		return tick.key();
	}

}
