package dev.dynamodown.data;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names the DynamoDB table an entity's namespace lives in, overriding the default table (the
 * {@code dynamodown.table} property), and over how many shards the namespace is spread. The
 * namespace itself is named by Spring Data's
 * {@link org.springframework.data.keyvalue.annotation.KeySpace @KeySpace}, or defaults to the
 * uncapitalised simple class name.
 * <pre class="code">
 * &#64;DynamoDownTable("audit-log")
 * &#64;KeySpace("logins")
 * record Login(&#64;Id String key, String user) {}
 *
 * &#64;DynamoDownTable(shards = 16)                 // the default table, 16 partition-key values
 * record Event(&#64;Id String key, String payload) {}
 * </pre>
 * The table may hold {@code ${...}} placeholders, resolved against the Spring {@code Environment}.
 * <p>
 * A sharded namespace ({@code shards > 1}, see {@code dev.dynamodown.Sharding}) keeps the
 * repositories' contract: key order both ways, keyset scrolling, criteria on the id; each range
 * read asks every shard (a window of {@code n} entities reads up to {@code n + 1} items per
 * shard). The count is recorded in the table at the first write; opening the namespace with
 * another count fails.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.TYPE, ElementType.ANNOTATION_TYPE })
public @interface DynamoDownTable {

	/** The table name; empty for the default table ({@code dynamodown.table}). */
	String value() default "";

	/**
	 * Over how many partition-key values (shards) the namespace is spread, 1 to 64; 1, the
	 * default, is the unsharded layout of npm {@code dynamo-down}.
	 */
	int shards() default 1;

}
