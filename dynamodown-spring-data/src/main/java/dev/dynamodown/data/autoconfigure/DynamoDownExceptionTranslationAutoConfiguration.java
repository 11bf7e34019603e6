package dev.dynamodown.data.autoconfigure;

import dev.dynamodown.DynamoDown;
import dev.dynamodown.data.core.DynamoDownExceptionTranslator;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * {@link EnableAutoConfiguration Auto-configuration} of a {@link DynamoDownExceptionTranslator}
 * bean, so that Spring's {@code @Repository} exception translation (Spring Boot's
 * {@code PersistenceExceptionTranslationPostProcessor}) turns the dynamodown exceptions thrown by
 * code using dynamodown templates into {@code DataAccessException}s, as it does for JPA or JDBC.
 * The repositories translate their own exceptions with the same translator.
 */
@AutoConfiguration
@ConditionalOnClass(DynamoDown.class)
public final class DynamoDownExceptionTranslationAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	DynamoDownExceptionTranslator dynamoDownExceptionTranslator() {
		return new DynamoDownExceptionTranslator();
	}

}
