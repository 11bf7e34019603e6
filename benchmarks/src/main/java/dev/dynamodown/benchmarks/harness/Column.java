package dev.dynamodown.benchmarks.harness;

/**
 * The columns of a result table: the three contenders, and the server's ceiling found with the raw SDK; in
 * the sharded-namespace table, dynamodown over one shard and over several (and the raw SDK).
 */
public enum Column {

	DYNAMODOWN("dynamodown"),

	RAW_SDK("raw SDK v2"),

	SPRING_CLOUD_AWS("Spring Cloud AWS"),

	/** The raw SDK with more client concurrency: the best the server gives, whatever the client does. */
	CEILING("server ceiling"),

	/** dynamodown with a namespace of one shard (one partition-key value), in the sharded-namespace table. */
	ONE_SHARD("dynamodown, 1 shard"),

	/** dynamodown with a namespace spread over several shards, in the sharded-namespace table. */
	SHARDED("dynamodown, sharded");

	private final String title;

	Column(String title) {
		this.title = title;
	}

	public String title() {
		return this.title;
	}

}
