package dev.dynamodown.data;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

/**
 * One Spring context, cached across the test classes that use this annotation: the sample
 * repositories over the shared dynalite server, default table {@value TestDynamoDb#TABLE}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringJUnitConfig(RepositoriesTestConfiguration.class)
@TestPropertySource(properties = "dynamodown.table=" + TestDynamoDb.TABLE)
public @interface RepositoryIntegrationTest {

}
