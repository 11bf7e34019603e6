package dev.dynamodown.data.repository;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.dynamodown.data.DynamoDownTable;
import dev.dynamodown.data.EnableDynamoDownRepositories;
import dev.dynamodown.data.RequestLog;
import dev.dynamodown.data.TestDynamoDb;
import dev.dynamodown.data.TestDynamoDbConfiguration;
import dev.dynamodown.internal.shard.ShardLayout;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.EnvironmentAware;
import org.springframework.context.annotation.ComponentScan.Filter;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.FilterType;
import org.springframework.core.env.Environment;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;
import org.springframework.core.type.filter.TypeFilter;
import org.springframework.dao.InvalidDataAccessApiUsageException;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mapping.MappingException;
import org.springframework.data.repository.CrudRepository;
import org.springframework.data.repository.ListCrudRepository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Entities that cannot be stored fail when their repository is created, naming what is wrong;
 * values that cannot be stored fail before any request. Each test starts a context with one
 * repository of this class only (see {@link OneRepositoryConfiguration}).
 */
class EntityValidationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withUserConfiguration(TestDynamoDbConfiguration.class, OneRepositoryConfiguration.class);

	@Test
	void entityWithoutIdFailsAtStartup() {
		assertStartupFails(with(NoKeyRepository.class), MappingException.class, NoKey.class.getName(), "has no key");
	}

	@Test
	void nonStringIdFailsAtStartup() {
		assertStartupFails(with(LongKeyRepository.class), MappingException.class, "'id'", "java.lang.Long",
				"dynamodown keys are Strings");
	}

	@Test
	void nonStringRepositoryIdTypeFailsAtStartup() {
		assertStartupFails(with(WrongIdTypeRepository.class), IllegalArgumentException.class,
				WrongIdTypeRepository.class.getName(), "java.lang.Integer");
	}

	@Test
	void entityWithoutTableFailsAtStartup() {
		assertStartupFails(withoutDefaultTable(TablelessRepository.class), MappingException.class,
				"No table for entity " + Tableless.class.getName(), "@DynamoDownTable", "dynamodown.table");
	}

	@Test
	void dynamoDownTableNeedsNoDefaultTable() {
		withoutDefaultTable(OwnTableRepository.class).run((context) -> {
			assertThat(context).hasNotFailed();
			OwnTableRepository repository = context.getBean(OwnTableRepository.class);
			repository.save(new OwnTable("x"));
			assertThat(repository.findById("x")).isPresent();
		});
	}

	@Test
	void shardsOutOfRangeFailAtStartup() {
		assertStartupFails(with(TooManyShardsRepository.class), MappingException.class, TooManyShards.class.getName(),
				"@DynamoDownTable(shards = 65)", "1 to 64 shards");
	}

	@Test
	void aShardedEntityNeedsNoTableName() {
		with(ShardedRepository.class).run((context) -> {
			assertThat(context).hasNotFailed();
			ShardedRepository repository = context.getBean(ShardedRepository.class);
			repository.save(new Sharded("x"));
			assertThat(repository.findById("x")).isPresent();
			assertThat(context.getBean(RequestLog.class).requests(PutItemRequest.class))
				.extracting((put) -> put.item().get("ns").s())
				.as("the namespace claimed for 3 shards, then the entity in its shard")
				.containsExactly("sharded\u0000", "sharded\u0000" + ShardLayout.of("sharded", 3).shardOf("x") + "/3");
			repository.deleteAll();
		});
	}

	@Test
	void keyIgnoredByJacksonFailsAtStartup() {
		assertStartupFails(with(JsonIgnoredKeyRepository.class), MappingException.class,
				"Jackson does not map the @Id property 'key'");
	}

	@Test
	void aVersionThatIsNotAnIntegerFailsAtStartup() {
		assertStartupFails(with(TextVersionRepository.class), MappingException.class,
				"The @Version property 'version'", "Long, long, Integer or int");
	}

	@Test
	void orderByAnotherPropertyFailsAtStartup() {
		assertStartupFails(with(OrderByNameRepository.class), IllegalArgumentException.class,
				"Cannot sort Named by 'name'");
	}

	@Test
	void fieldNamedLikeAKeyAttributeIsRefusedBeforeAnyWrite() {
		with(ClashRepository.class).run((context) -> {
			ClashRepository repository = context.getBean(ClashRepository.class);
			RequestLog requests = context.getBean(RequestLog.class);
			assertThatExceptionOfType(InvalidDataAccessApiUsageException.class).isThrownBy(() -> repository.save(new Clash("a", "oops")))
				.withMessageContaining("'ns'");
			assertThatExceptionOfType(InvalidDataAccessApiUsageException.class)
				.isThrownBy(() -> repository.saveAll(List.of(new Clash("b", null), new Clash("c", "oops"))))
				.withMessageContaining("'ns'");
			assertThat(requests.requests(PutItemRequest.class)).isEmpty();
			assertThat(requests.requests(BatchWriteItemRequest.class)).isEmpty();
			assertThat(repository.count()).isZero();
		});
	}

	/** A context with the default table {@value TestDynamoDb#TABLE} and only this repository. */
	private ApplicationContextRunner with(Class<?> repository) {
		return withoutDefaultTable(repository).withPropertyValues("dynamodown.table=" + TestDynamoDb.TABLE);
	}

	/** A context without a default table ({@code dynamodown.table}) and only this repository. */
	private ApplicationContextRunner withoutDefaultTable(Class<?> repository) {
		return this.runner.withPropertyValues(OneRepository.PROPERTY + "=" + repository.getName());
	}

	private static void assertStartupFails(ApplicationContextRunner runner, Class<? extends Throwable> rootCause,
			String... messageParts) {
		runner.run((context) -> assertThat(context).getFailure()
			.rootCause()
			.isInstanceOf(rootCause)
			.message()
			.contains(messageParts));
	}

	/** Enables the one nested repository that the property {@value OneRepository#PROPERTY} names. */
	@Configuration(proxyBeanMethods = false)
	@EnableDynamoDownRepositories(considerNestedRepositories = true,
			includeFilters = @Filter(type = FilterType.CUSTOM, classes = OneRepository.class))
	static class OneRepositoryConfiguration {

	}

	/** Matches the repository interface named by the property {@value #PROPERTY}. */
	static class OneRepository implements TypeFilter, EnvironmentAware {

		static final String PROPERTY = "test.repository";

		private String repository;

		@Override
		public void setEnvironment(Environment environment) {
			this.repository = environment.getRequiredProperty(PROPERTY);
		}

		@Override
		public boolean match(MetadataReader reader, MetadataReaderFactory factory) {
			return reader.getClassMetadata().getClassName().equals(this.repository);
		}

	}

	record NoKey(String name) {
	}

	interface NoKeyRepository extends CrudRepository<NoKey, String> {

	}

	record LongKey(@Id Long id) {
	}

	interface LongKeyRepository extends CrudRepository<LongKey, Long> {

	}

	record StringKey(@Id String id) {
	}

	interface WrongIdTypeRepository extends CrudRepository<StringKey, Integer> {

	}

	record Tableless(@Id String key) {
	}

	interface TablelessRepository extends CrudRepository<Tableless, String> {

	}

	@DynamoDownTable(TestDynamoDb.ARCHIVE_TABLE)
	record OwnTable(@Id String key) {
	}

	interface OwnTableRepository extends CrudRepository<OwnTable, String> {

	}

	@DynamoDownTable(shards = 65)
	record TooManyShards(@Id String key) {
	}

	interface TooManyShardsRepository extends CrudRepository<TooManyShards, String> {

	}

	@DynamoDownTable(shards = 3)
	record Sharded(@Id String key) {
	}

	interface ShardedRepository extends CrudRepository<Sharded, String> {

	}

	record JsonIgnoredKey(@Id @JsonIgnore String key, String name) {
	}

	interface JsonIgnoredKeyRepository extends CrudRepository<JsonIgnoredKey, String> {

	}

	record TextVersion(@Id String key, @Version String version) {

	}

	interface TextVersionRepository extends CrudRepository<TextVersion, String> {

	}

	record Named(@Id String key, String name) {
	}

	interface OrderByNameRepository extends CrudRepository<Named, String> {

		List<Named> findByKeyStartingWithOrderByName(String prefix);

	}

	/** {@code ns} is the hash-key attribute of the tables {@code createTableIfMissing} creates. */
	record Clash(@Id String key, String ns) {
	}

	interface ClashRepository extends ListCrudRepository<Clash, String> {

	}

}
