package dev.dynamodown.autoconfigure;

import java.time.Duration;

import dev.dynamodown.AsyncDynamoDown;
import dev.dynamodown.Meetup;
import dev.dynamodown.ValueCodec;
import dev.dynamodown.cache.DynamoDownCache;
import dev.dynamodown.cache.DynamoDownCacheManager;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.crt.AwsCrtAsyncHttpClient;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;

import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.cache.CacheManager;
import org.springframework.cache.annotation.EnableCaching;
import org.springframework.cache.concurrent.ConcurrentMapCacheManager;
import org.springframework.cache.interceptor.SimpleKey;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.NestedExceptionUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link DynamoDownCacheAutoConfiguration}: when the cache manager exists, how the
 * properties configure it, and when it backs off. Nothing here sends a request.
 */
class DynamoDownCacheAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(
				AutoConfigurations.of(DynamoDownAutoConfiguration.class, DynamoDownCacheAutoConfiguration.class))
		.withPropertyValues("dynamodown.endpoint=http://127.0.0.1:1", "dynamodown.region=eu-west-3",
				"dynamodown.table=app-data");

	@Test
	void cacheNamesTurnItOn() {
		this.contextRunner.withUserConfiguration(Caching.class)
			.withPropertyValues("dynamodown.cache.names=books,authors")
			.run((context) -> {
				DynamoDownCacheManager manager = context.getBean(DynamoDownCacheManager.class);
				assertThat(context.getBeanNamesForType(CacheManager.class)).containsExactly("cacheManager");
				assertThat(manager.getCacheNames()).containsExactly("books", "authors");
				assertThat(manager.getTable()).isEqualTo("app-data");
				DynamoDownCache books = (DynamoDownCache) manager.getCache("books");
				assertThat(books.getNativeCache().namespace()).isEqualTo("cache:books");
				assertThat(books.getCacheConfiguration().getTimeToLive()).isNull();
				assertThat(books.isAllowNullValues()).isTrue();
			});
	}

	@Test
	void springCacheNamesOrTheCacheTableTurnItOnToo() {
		this.contextRunner.withUserConfiguration(Caching.class)
			.withPropertyValues("spring.cache.cache-names=books")
			.run((context) -> assertThat(context.getBean(DynamoDownCacheManager.class).getCacheNames())
				.containsExactly("books"));
		this.contextRunner.withUserConfiguration(Caching.class)
			.withPropertyValues("dynamodown.cache.table=app-cache", "dynamodown.cache.namespace-prefix=")
			.run((context) -> {
				DynamoDownCacheManager manager = context.getBean(DynamoDownCacheManager.class);
				assertThat(manager.getTable()).isEqualTo("app-cache");
				assertThat(manager.getCacheNames()).isEmpty();
				assertThat(((DynamoDownCache) manager.getCache("made-on-use")).getNativeCache().namespace())
					.isEqualTo("made-on-use");
			});
	}

	@Test
	void eachCacheTakesItsOwnSettingsOverTheDefaults() {
		this.contextRunner.withUserConfiguration(Caching.class)
			.withPropertyValues("dynamodown.cache.names=plain", "dynamodown.cache.time-to-live=5m",
					"dynamodown.cache.cache-null-values=false", "dynamodown.cache.consistent-reads=false",
					"dynamodown.cache.caches.meetups.time-to-live=30s",
					"dynamodown.cache.caches.meetups.value-type=dev.dynamodown.Meetup",
					"dynamodown.cache.caches.notes.value-type=java.lang.String")
			.run((context) -> {
				DynamoDownCacheManager manager = context.getBean(DynamoDownCacheManager.class);
				assertThat(manager.getCacheNames()).containsExactly("plain", "meetups", "notes");
				DynamoDownCache plain = (DynamoDownCache) manager.getCache("plain");
				DynamoDownCache meetups = (DynamoDownCache) manager.getCache("meetups");
				DynamoDownCache notes = (DynamoDownCache) manager.getCache("notes");
				assertThat(plain.getCacheConfiguration().getTimeToLive()).isEqualTo(Duration.ofMinutes(5));
				assertThat(meetups.getCacheConfiguration().getTimeToLive()).isEqualTo(Duration.ofSeconds(30));
				assertThat(notes.getCacheConfiguration().getTimeToLive()).isEqualTo(Duration.ofMinutes(5));
				assertThat(meetups.isAllowNullValues()).isFalse();
				assertThat(meetups.getNativeCache().consistentReads()).isFalse();
				assertThat(meetups.getCacheConfiguration().getValueCodec().decode(ValueCodec.json(Meetup.class)
					.encode(new Meetup("NYC JS", 3)))).isEqualTo(new Meetup("NYC JS", 3));
				assertThat(notes.getCacheConfiguration().getValueCodec()).isSameAs(ValueCodec.string());
				assertThat(((DynamoDownCache) manager.getCache("other")).getCacheConfiguration().getTimeToLive())
					.as("created on use, with the defaults").isEqualTo(Duration.ofMinutes(5));
			});
	}

	@Test
	void retrieveRunsOnTheAsynchronousStoreTheStarterRegisters() {
		this.contextRunner.withUserConfiguration(Caching.class)
			.withPropertyValues("dynamodown.cache.names=books")
			.run((context) -> {
				assertThat(context).hasSingleBean(AsyncDynamoDown.class);
				assertThat(context.getBean(CacheManager.class).getCache("books").retrieve("k"))
					.as("a future, failing later: nothing listens on the endpoint").isNotNull();
			});
	}

	@Test
	void withoutAnAsynchronousClientRetrieveIsNotSupported() {
		this.contextRunner.withUserConfiguration(Caching.class)
			.withClassLoader(new FilteredClassLoader(NettyNioAsyncHttpClient.class, AwsCrtAsyncHttpClient.class))
			.withPropertyValues("dynamodown.cache.names=books")
			.run((context) -> assertThatExceptionOfType(UnsupportedOperationException.class)
				.isThrownBy(() -> context.getBean(CacheManager.class).getCache("books").retrieve("k"))
				.withMessageContaining("needs an AsyncDynamoDown"));
	}

	@Test
	void needsATable() {
		new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(DynamoDownAutoConfiguration.class, DynamoDownCacheAutoConfiguration.class))
			.withPropertyValues("dynamodown.endpoint=http://127.0.0.1:1", "dynamodown.region=eu-west-3",
					"dynamodown.cache.names=books")
			.withUserConfiguration(Caching.class)
			.run((context) -> assertThat(NestedExceptionUtils.getMostSpecificCause(context.getStartupFailure()))
				.hasMessage("No table for the caches: set dynamodown.cache.table or dynamodown.table"));
	}

	@Test
	void isOffWithoutCacheNamesOrTable() {
		this.contextRunner.withUserConfiguration(Caching.class)
			.withPropertyValues("dynamodown.cache.time-to-live=5m")
			.run(DynamoDownCacheAutoConfigurationTests::hasNoCacheManager);
	}

	@Test
	void isOffWithoutEnableCaching() {
		this.contextRunner.withPropertyValues("dynamodown.cache.names=books")
			.run((context) -> assertThat(context).doesNotHaveBean(CacheManager.class));
	}

	@Test
	void backsOffForTheApplicationsCacheManager() {
		this.contextRunner.withUserConfiguration(Caching.class, OwnCacheManager.class)
			.withPropertyValues("dynamodown.cache.names=books")
			.run((context) -> assertThat(context.getBean(CacheManager.class))
				.isInstanceOf(ConcurrentMapCacheManager.class));
	}

	@Test
	void backsOffWhenSpringBootsCacheTypeIsChosen() {
		this.contextRunner.withUserConfiguration(Caching.class)
			.withPropertyValues("dynamodown.cache.names=books", "spring.cache.type=simple")
			.run(DynamoDownCacheAutoConfigurationTests::hasNoCacheManager);
	}

	/** Without Spring Boot's cache auto-configuration here, @EnableCaching then finds no manager at all. */
	private static void hasNoCacheManager(AssertableApplicationContext context) {
		assertThat(context).getFailure()
			.hasMessageContaining("No qualifying bean of type 'org.springframework.cache.CacheManager'");
	}

	@Test
	void registersTheReflectionOnSimpleKeysThatItsKeysNeed() throws Exception {
		RuntimeHints hints = new RuntimeHints();
		new DynamoDownCacheAutoConfiguration.CacheKeyHints().registerHints(hints, getClass().getClassLoader());
		assertThat(RuntimeHintsPredicates.reflection().onField(SimpleKey.class.getDeclaredField("params")))
			.accepts(hints);
	}

	@Configuration(proxyBeanMethods = false)
	@EnableCaching
	static class Caching {

	}

	@Configuration(proxyBeanMethods = false)
	static class OwnCacheManager {

		@Bean
		CacheManager ownCacheManager() {
			return new ConcurrentMapCacheManager();
		}

	}

}
