package dev.dynamodown.data;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import dev.dynamodown.data.query.DynamoDownQueryCreator;
import dev.dynamodown.data.repository.DynamoDownPartTreeQuery;
import dev.dynamodown.data.repository.DynamoDownRepositoryFactoryBean;
import dev.dynamodown.data.repository.config.DynamoDownRepositoriesRegistrar;

import org.springframework.beans.factory.support.BeanNameGenerator;
import org.springframework.context.annotation.ComponentScan.Filter;
import org.springframework.context.annotation.Import;
import org.springframework.data.keyvalue.repository.config.QueryCreatorType;
import org.springframework.data.repository.config.DefaultRepositoryBaseClass;
import org.springframework.data.repository.query.QueryLookupStrategy.Key;

/**
 * Enables dynamodown repositories: interfaces extending a Spring Data repository interface whose
 * entities live in dynamodown namespaces. Scans the annotated class's package unless told
 * otherwise, like {@code @EnableMapRepositories}. With Spring Boot, the auto-configuration does
 * this for the application's package and backs off when this annotation is present.
 * <p>
 * Needs a {@link dev.dynamodown.DynamoDown} bean. Registers a {@code dynamoDownMappingContext} and a
 * {@code dynamoDownKeyValueTemplate} unless the context defines beans of those names.
 *
 * @see dev.dynamodown.data.repository.SimpleDynamoDownRepository
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@Import(DynamoDownRepositoriesRegistrar.class)
@QueryCreatorType(value = DynamoDownQueryCreator.class, repositoryQueryType = DynamoDownPartTreeQuery.class)
public @interface EnableDynamoDownRepositories {

	/** Alias for {@link #basePackages()}. */
	String[] value() default {};

	/** Packages to scan for repository interfaces; default: the annotated class's package. */
	String[] basePackages() default {};

	/** Type-safe alternative to {@link #basePackages()}: the packages of these classes are scanned. */
	Class<?>[] basePackageClasses() default {};

	/** Types not to register as repositories, among those found. */
	Filter[] excludeFilters() default {};

	/** Types eligible as repositories, among those found; default: all repository interfaces. */
	Filter[] includeFilters() default {};

	/** Postfix of custom repository implementation classes. */
	String repositoryImplementationPostfix() default "Impl";

	/** Location of a named queries properties file (dynamodown has no named queries). */
	String namedQueriesLocation() default "";

	/** How query methods are resolved. */
	Key queryLookupStrategy() default Key.CREATE_IF_NOT_FOUND;

	/** The factory bean class of each repository. */
	Class<?> repositoryFactoryBeanClass() default DynamoDownRepositoryFactoryBean.class;

	/** A custom base class for the repositories' implementation. */
	Class<?> repositoryBaseClass() default DefaultRepositoryBaseClass.class;

	/** How repository bean names are generated. */
	Class<? extends BeanNameGenerator> nameGenerator() default BeanNameGenerator.class;

	/** The name of the {@code DynamoDownKeyValueTemplate} bean the repositories use. */
	String keyValueTemplateRef() default "dynamoDownKeyValueTemplate";

	/** Whether repository interfaces nested in other classes are found too. */
	boolean considerNestedRepositories() default false;

}
