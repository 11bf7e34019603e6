package dev.dynamodown.example;

import java.net.URI;
import java.util.Optional;
import java.util.stream.Stream;

import dev.dynamodown.BatchResult;
import dev.dynamodown.DynamoDown;
import dev.dynamodown.KeyRange;
import dev.dynamodown.KeyValue;
import dev.dynamodown.SortedKeyValueTemplate;
import dev.dynamodown.ValueCodec;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The first example of the project's README, as a program with nothing but
 * {@code dynamodown-core} on its class path:
 * {@code java -cp <dynamodown-core and its dependencies> dev.dynamodown.example.ReadmeExample http://127.0.0.1:4567}
 * against a local DynamoDB (dynalite) at that endpoint. Prints what it reads.
 */
public final class ReadmeExample {

	/** The value type of the README's example. */
	public record Meetup(String name, String url) {
	}

	private ReadmeExample() {
	}

	public static void main(String[] args) {
		if (args.length != 1) {
			System.err.println("usage: ReadmeExample <endpoint, e.g. http://127.0.0.1:4567>");
			System.exit(2);
		}
		try (DynamoDbClient dynamoDbClient = DynamoDbClient.builder()
			.endpointOverride(URI.create(args[0]))
			.region(Region.US_EAST_1)
			.credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
			.build(); DynamoDown dd = DynamoDown.create(dynamoDbClient)) {
			dd.createTableIfMissing("app-data");
			Meetup queens = new Meetup("QueensJS", "https://www.meetup.com/QueensJS/");

			// The README's example, as it is written there:
			SortedKeyValueTemplate<Meetup> meetups = dd.template("app-data/nyc-js-meetups", ValueCodec.json(Meetup.class));

			meetups.put("brooklyn_js", new Meetup("BrooklynJS", "https://www.meetup.com/BrooklynJS/"));
			meetups.put("brownsville_js", new Meetup("BrownsvilleJS", "https://www.meetup.com/BrownsvilleJS/"));
			Optional<Meetup> one = meetups.get("brooklyn_js");
			System.out.println("get: " + one);
			try (Stream<KeyValue<Meetup>> page = meetups.range(KeyRange.prefix("b").gt("brooklyn_js").limit(10))) {
				page.forEach(System.out::println);
			}
			BatchResult result = meetups.batch(b -> b.put("queens_js", queens).delete("old_meetup")); // NOT atomic
			System.out.println("batch: " + result);
			System.out.println("queens_js: " + meetups.get("queens_js").orElseThrow());
		}
	}

}
