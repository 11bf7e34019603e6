package dev.dynamodown.sample;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/**
 * The sample application as it runs by default, on a random port with its embedded
 * dynalite. Every test class carries exactly this, so they share one application context
 * and one dynalite server per JVM; each test uses keys of its own.
 * <p>
 * One namespace is added: {@value #SCRATCH_NAMESPACE}, alone in table
 * {@value #SCRATCH_TABLE}, which a test may delete (and must re-create) to see how the API
 * answers when DynamoDB refuses a write.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "dynamodown.namespaces." + SampleAppTest.SCRATCH_NAMESPACE + ".table=" + SampleAppTest.SCRATCH_TABLE,
				"dynamodown.namespaces." + SampleAppTest.SCRATCH_NAMESPACE + ".value-type=java.lang.String" })
@AutoConfigureRestTestClient
public @interface SampleAppTest {

	/** The namespace of table {@link #SCRATCH_TABLE}. */
	String SCRATCH_NAMESPACE = "scratch";

	/** A table of its own, that a test may take away. */
	String SCRATCH_TABLE = "sample-scratch";

}
