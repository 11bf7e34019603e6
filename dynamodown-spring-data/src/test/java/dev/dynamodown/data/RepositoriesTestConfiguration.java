package dev.dynamodown.data;

import dev.dynamodown.data.sample.MeetupRepository;

import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** Repositories of the sample package over the shared dynalite server, without Spring Boot. */
@Configuration(proxyBeanMethods = false)
@EnableDynamoDownRepositories(basePackageClasses = MeetupRepository.class)
@Import(TestDynamoDbConfiguration.class)
public class RepositoriesTestConfiguration {

}
