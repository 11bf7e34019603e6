package dev.dynamodown.data.repository;

import dev.dynamodown.data.RepositoryIntegrationTest;
import dev.dynamodown.data.sample.ScrollableTicks;
import dev.dynamodown.data.sample.Tick;
import dev.dynamodown.data.sample.TickRepository;

import org.springframework.beans.factory.annotation.Autowired;

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
	ScrollableTicks<Tick> ticks() {
		return this.ticks;
	}

	@Override
	Tick tick(int n) {
		return new Tick(Tick.keyOf(n), n);
	}

}
