package dev.dynamodown.sample;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.cache.annotation.EnableCaching;

/**
 * The dynamodown sample: a REST API and a small page over two namespaces of one DynamoDB
 * table, served by an embedded dynalite unless the {@code aws} profile points it at AWS.
 * Everything dynamodown-specific is configuration in {@code application.yml}; the
 * templates, the repository and the cache manager ({@code @EnableCaching}) are the starter's
 * beans.
 */
@SpringBootApplication
@EnableCaching
public class SampleApplication {

	public static void main(String[] args) {
		SpringApplication.run(SampleApplication.class, args);
	}

}
