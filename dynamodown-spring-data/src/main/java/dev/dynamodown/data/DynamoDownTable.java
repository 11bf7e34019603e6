package dev.dynamodown.data;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names the DynamoDB table an entity's namespace lives in, overriding the default table (the
 * {@code dynamodown.table} property). The namespace itself is named by Spring Data's
 * {@link org.springframework.data.keyvalue.annotation.KeySpace @KeySpace}, or defaults to the
 * uncapitalised simple class name.
 * <pre class="code">
 * &#64;DynamoDownTable("audit-log")
 * &#64;KeySpace("logins")
 * record Login(&#64;Id String key, String user) {}
 * </pre>
 * The value may hold {@code ${...}} placeholders, resolved against the Spring {@code Environment}.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.TYPE, ElementType.ANNOTATION_TYPE })
public @interface DynamoDownTable {

	/** The table name. */
	String value();

}
