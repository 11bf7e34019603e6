package dev.dynamodown.sample.meetup;

import java.util.Map;

import dev.dynamodown.BatchResult;
import dev.dynamodown.KeyRange;
import dev.dynamodown.SortedKeyValueTemplate;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Writes the four meetups of dynamo-down's example at startup when the {@code meetups}
 * namespace is empty, so that a first start has something to list. A namespace holding
 * any entry is left alone: where the data outlives the app (on AWS, or with
 * {@code dynamodown.embedded.data-dir}), a restart keeps what was edited.
 * <p>
 * The seed is one non-atomic batch: should it fail halfway, the next start finds the
 * namespace not empty and does not complete it. Acceptable for sample data.
 */
@Component
class MeetupSeeder implements ApplicationRunner {

	/** dynamo-down's example meetups, by key. */
	private static final Map<String, Meetup> MEETUPS = Map.of(
			"queens_js", new Meetup("QueensJS", "https://www.meetup.com/QueensJS/"),
			"jerseyscriptusa", new Meetup("JerseyScript", "https://www.meetup.com/jerseyscriptusa/"),
			"manhattan_js", new Meetup("ManhattanJS", "https://www.meetup.com/manhattan-javascript/"),
			"brooklyn_js", new Meetup("BrooklynJS", "https://www.meetup.com/BrooklynJS/"));

	private static final Log logger = LogFactory.getLog(MeetupSeeder.class);

	private final SortedKeyValueTemplate<Meetup> meetups;

	MeetupSeeder(SortedKeyValueTemplate<Meetup> meetups) {
		this.meetups = meetups;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!this.meetups.list(KeyRange.all().limit(1)).isEmpty()) {
			return;
		}
		BatchResult result = this.meetups.batch((batch) -> MEETUPS.forEach(batch::put));
		logger.info("Seeded " + result.applied() + " meetups into " + this.meetups.table() + "/"
				+ this.meetups.namespace());
	}

}
