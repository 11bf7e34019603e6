package dev.dynamodown.data.repository;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.dynamodown.DynamoDown;
import dev.dynamodown.data.DynamoDownTable;
import dev.dynamodown.data.EnableDynamoDownRepositories;
import dev.dynamodown.data.RequestLog;
import dev.dynamodown.data.TestDynamoDb;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan.Filter;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.FilterType;
import org.springframework.data.annotation.Id;
import org.springframework.data.mapping.MappingException;
import org.springframework.data.repository.CrudRepository;
import org.springframework.data.repository.ListCrudRepository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Entities that cannot be stored fail when their repository is created, naming what is wrong;
 * values that cannot be stored fail before any request.
 */
class EntityValidationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withPropertyValues("dynamodown.table=" + TestDynamoDb.TABLE)
		.withUserConfiguration(DynamoDbConfiguration.class);

	@Test
	void entityWithoutIdFailsAtStartup() {
		this.runner.withUserConfiguration(NoKeyConfiguration.class)
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(MappingException.class)
				.hasMessageContaining(NoKey.class.getName())
				.hasMessageContaining("has no key"));
	}

	@Test
	void nonStringIdFailsAtStartup() {
		this.runner.withUserConfiguration(LongKeyConfiguration.class)
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(MappingException.class)
				.hasMessageContaining("'id'")
				.hasMessageContaining("java.lang.Long")
				.hasMessageContaining("dynamodown keys are Strings"));
	}

	@Test
	void nonStringRepositoryIdTypeFailsAtStartup() {
		this.runner.withUserConfiguration(WrongIdTypeConfiguration.class)
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(IllegalArgumentException.class)
				.hasMessageContaining(WrongIdTypeRepository.class.getName())
				.hasMessageContaining("java.lang.Integer"));
	}

	@Test
	void entityWithoutTableFailsAtStartup() {
		new ApplicationContextRunner().withUserConfiguration(DynamoDbConfiguration.class, NoTableConfiguration.class)
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(MappingException.class)
				.hasMessageContaining("No table for entity " + Tableless.class.getName())
				.hasMessageContaining("@DynamoDownTable")
				.hasMessageContaining("dynamodown.table"));
	}

	@Test
	void dynamoDownTableNeedsNoDefaultTable() {
		new ApplicationContextRunner().withUserConfiguration(DynamoDbConfiguration.class, OwnTableConfiguration.class)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				OwnTableRepository repository = context.getBean(OwnTableRepository.class);
				repository.save(new OwnTable("x"));
				assertThat(repository.findById("x")).isPresent();
			});
	}

	@Test
	void keyIgnoredByJacksonFailsAtStartup() {
		this.runner.withUserConfiguration(JsonIgnoredKeyConfiguration.class)
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(MappingException.class)
				.hasMessageContaining("Jackson does not map the @Id property 'key'"));
	}

	@Test
	void orderByAnotherPropertyFailsAtStartup() {
		this.runner.withUserConfiguration(OrderByNameConfiguration.class)
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(IllegalArgumentException.class)
				.hasMessageContaining("Cannot sort Named by 'name'"));
	}

	@Test
	void fieldNamedLikeAKeyAttributeIsRefusedBeforeAnyWrite() {
		this.runner.withUserConfiguration(ClashConfiguration.class).run((context) -> {
			ClashRepository repository = context.getBean(ClashRepository.class);
			RequestLog requests = context.getBean(RequestLog.class);
			assertThatIllegalArgumentException().isThrownBy(() -> repository.save(new Clash("a", "oops")))
				.withMessageContaining("'ns'");
			assertThatIllegalArgumentException()
				.isThrownBy(() -> repository.saveAll(List.of(new Clash("b", null), new Clash("c", "oops"))))
				.withMessageContaining("'ns'");
			assertThat(requests.requests(PutItemRequest.class)).isEmpty();
			assertThat(requests.requests(BatchWriteItemRequest.class)).isEmpty();
			assertThat(repository.count()).isZero();
		});
	}

	@Configuration(proxyBeanMethods = false)
	static class DynamoDbConfiguration {

		@Bean
		RequestLog requestLog() {
			return new RequestLog();
		}

		@Bean
		DynamoDbClient dynamoDbClient(RequestLog requestLog) {
			return TestDynamoDb.client(requestLog);
		}

		@Bean
		DynamoDown dynamoDown(DynamoDbClient dynamoDbClient) {
			return TestDynamoDb.dynamoDown(dynamoDbClient);
		}

	}

	record NoKey(String name) {
	}

	interface NoKeyRepository extends CrudRepository<NoKey, String> {

	}

	@Configuration(proxyBeanMethods = false)
	@EnableDynamoDownRepositories(considerNestedRepositories = true,
			includeFilters = @Filter(type = FilterType.ASSIGNABLE_TYPE, classes = NoKeyRepository.class))
	static class NoKeyConfiguration {

	}

	record LongKey(@Id Long id) {
	}

	interface LongKeyRepository extends CrudRepository<LongKey, Long> {

	}

	@Configuration(proxyBeanMethods = false)
	@EnableDynamoDownRepositories(considerNestedRepositories = true,
			includeFilters = @Filter(type = FilterType.ASSIGNABLE_TYPE, classes = LongKeyRepository.class))
	static class LongKeyConfiguration {

	}

	record StringKey(@Id String id) {
	}

	interface WrongIdTypeRepository extends CrudRepository<StringKey, Integer> {

	}

	@Configuration(proxyBeanMethods = false)
	@EnableDynamoDownRepositories(considerNestedRepositories = true,
			includeFilters = @Filter(type = FilterType.ASSIGNABLE_TYPE, classes = WrongIdTypeRepository.class))
	static class WrongIdTypeConfiguration {

	}

	record Tableless(@Id String key) {
	}

	interface TablelessRepository extends CrudRepository<Tableless, String> {

	}

	@Configuration(proxyBeanMethods = false)
	@EnableDynamoDownRepositories(considerNestedRepositories = true,
			includeFilters = @Filter(type = FilterType.ASSIGNABLE_TYPE, classes = TablelessRepository.class))
	static class NoTableConfiguration {

	}

	@DynamoDownTable(TestDynamoDb.ARCHIVE_TABLE)
	record OwnTable(@Id String key) {
	}

	interface OwnTableRepository extends CrudRepository<OwnTable, String> {

	}

	@Configuration(proxyBeanMethods = false)
	@EnableDynamoDownRepositories(considerNestedRepositories = true,
			includeFilters = @Filter(type = FilterType.ASSIGNABLE_TYPE, classes = OwnTableRepository.class))
	static class OwnTableConfiguration {

	}

	record JsonIgnoredKey(@Id @JsonIgnore String key, String name) {
	}

	interface JsonIgnoredKeyRepository extends CrudRepository<JsonIgnoredKey, String> {

	}

	@Configuration(proxyBeanMethods = false)
	@EnableDynamoDownRepositories(considerNestedRepositories = true,
			includeFilters = @Filter(type = FilterType.ASSIGNABLE_TYPE, classes = JsonIgnoredKeyRepository.class))
	static class JsonIgnoredKeyConfiguration {

	}

	record Named(@Id String key, String name) {
	}

	interface OrderByNameRepository extends CrudRepository<Named, String> {

		List<Named> findByKeyStartingWithOrderByName(String prefix);

	}

	@Configuration(proxyBeanMethods = false)
	@EnableDynamoDownRepositories(considerNestedRepositories = true,
			includeFilters = @Filter(type = FilterType.ASSIGNABLE_TYPE, classes = OrderByNameRepository.class))
	static class OrderByNameConfiguration {

	}

	/** {@code ns} is the hash-key attribute of the tables {@code createTableIfMissing} creates. */
	record Clash(@Id String key, String ns) {
	}

	interface ClashRepository extends ListCrudRepository<Clash, String> {

	}

	@Configuration(proxyBeanMethods = false)
	@EnableDynamoDownRepositories(considerNestedRepositories = true,
			includeFilters = @Filter(type = FilterType.ASSIGNABLE_TYPE, classes = ClashRepository.class))
	static class ClashConfiguration {

	}

}
