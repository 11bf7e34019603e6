package dev.dynamodown.autoconfigure;

import java.lang.reflect.Field;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import dev.dynamodown.AsyncDynamoDown;
import dev.dynamodown.DynamoDown;
import dev.dynamodown.cache.DynamoDownCacheConfiguration;
import dev.dynamodown.cache.DynamoDownCacheManager;
import org.jspecify.annotations.Nullable;

import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionMessage;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.cache.CacheManager;
import org.springframework.cache.interceptor.CacheAspectSupport;
import org.springframework.cache.interceptor.SimpleKey;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.ImportRuntimeHints;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.ReflectionUtils;

/**
 * {@link EnableAutoConfiguration Auto-configuration} of Spring's cache abstraction on dynamodown
 * stores: with {@code @EnableCaching}, a {@link DynamoDownCacheManager} whose caches are
 * namespaces of {@code dynamodown.cache.table} (else {@code dynamodown.table}), configured by
 * {@code dynamodown.cache.*}. It is on once caches are named ({@code dynamodown.cache.names},
 * {@code spring.cache.cache-names}, {@code dynamodown.cache.caches.<name>}) or
 * {@code dynamodown.cache.table} is set, and backs off where the application defines a
 * {@link CacheManager} (or a {@code cacheResolver}) or chooses Spring Boot's cache type with
 * {@code spring.cache.type}. It runs before Spring Boot's cache auto-configuration, which then
 * backs off in turn.
 */
@AutoConfiguration(after = DynamoDownAutoConfiguration.class,
		beforeName = "org.springframework.boot.cache.autoconfigure.CacheAutoConfiguration")
@ConditionalOnClass({ CacheManager.class, DynamoDown.class })
@ConditionalOnBean({ CacheAspectSupport.class, DynamoDown.class })
@ConditionalOnMissingBean(value = CacheManager.class, name = "cacheResolver")
@Conditional(DynamoDownCacheAutoConfiguration.CachesConfigured.class)
@EnableConfigurationProperties(DynamoDownProperties.class)
@ImportRuntimeHints(DynamoDownCacheAutoConfiguration.CacheKeyHints.class)
public final class DynamoDownCacheAutoConfiguration {

	@Bean
	DynamoDownCacheManager cacheManager(DynamoDown dynamoDown, ObjectProvider<AsyncDynamoDown> asyncDynamoDown,
			DynamoDownProperties properties, Environment environment, ListableBeanFactory beanFactory) {
		DynamoDownProperties.Cache cache = properties.getCache();
		DynamoDownCacheManager.Builder builder = DynamoDownCacheManager.builder(dynamoDown, properties.cacheTable())
			.async(asyncDynamoDown.getIfUnique())
			.namespacePrefix(cache.getNamespacePrefix())
			.cacheDefaults(configuration(cache, cache.getTimeToLive(), cache.getValueType(), beanFactory));
		Set<String> names = new LinkedHashSet<>(cache.getNames());
		names.addAll(springCacheNames(environment));
		builder.initialCacheNames(names);
		cache.getCaches()
			.forEach((name, spec) -> builder.withCacheConfiguration(name, configuration(cache,
					(spec.getTimeToLive() != null) ? spec.getTimeToLive() : cache.getTimeToLive(),
					(spec.getValueType() != null) ? spec.getValueType() : cache.getValueType(), beanFactory)));
		return builder.build();
	}

	/** Tables are prepared before the caches are used. */
	@Bean
	static DependsOnTableInitialization cacheManagerDependsOnDynamoDownTableInitializer() {
		return new DependsOnTableInitialization(DynamoDownTableInitializer.class, DynamoDownCacheManager.class);
	}

	private static DynamoDownCacheConfiguration configuration(DynamoDownProperties.Cache cache,
			@Nullable Duration timeToLive, Class<?> valueType, ListableBeanFactory beanFactory) {
		DynamoDownCacheConfiguration configuration = DynamoDownCacheConfiguration.defaultCacheConfig()
			.valueCodec(NamespaceCodecs.forValueType(valueType, beanFactory));
		if (timeToLive != null) {
			configuration = configuration.entryTtl(timeToLive);
		}
		if (!cache.isCacheNullValues()) {
			configuration = configuration.disableCachingNullValues();
		}
		if (cache.getConsistentReads() != null) {
			configuration = configuration.consistentReads(cache.getConsistentReads());
		}
		return configuration;
	}

	private static List<String> springCacheNames(Environment environment) {
		return Binder.get(environment).bind("spring.cache.cache-names", Bindable.listOf(String.class)).orElse(List.of());
	}

	/**
	 * Matches when caches are named or the cache table is set, unless {@code spring.cache.type}
	 * chooses one of Spring Boot's cache types.
	 */
	static final class CachesConfigured extends SpringBootCondition {

		@Override
		public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
			ConditionMessage.Builder message = ConditionMessage.forCondition("dynamodown caches");
			Binder binder = Binder.get(context.getEnvironment());
			if (binder.bind("spring.cache.type", String.class).isBound()) {
				return ConditionOutcome.noMatch(message.because("spring.cache.type is set"));
			}
			DynamoDownProperties.Cache cache = binder
				.bindOrCreate(DynamoDownProperties.PREFIX + ".cache", DynamoDownProperties.Cache.class);
			boolean configured = !cache.getNames().isEmpty() || !cache.getCaches().isEmpty() || cache.getTable() != null
					|| !springCacheNames(context.getEnvironment()).isEmpty();
			return configured ? ConditionOutcome.match(message.because("caches are configured"))
					: ConditionOutcome.noMatch(message.because("no cache names and no dynamodown.cache.table"));
		}

	}

	/** {@code SimpleKey}'s parameters are read by reflection to map multi-parameter keys. */
	static final class CacheKeyHints implements RuntimeHintsRegistrar {

		@Override
		public void registerHints(RuntimeHints hints, @Nullable ClassLoader classLoader) {
			Field params = ReflectionUtils.findField(SimpleKey.class, "params");
			if (params != null) {
				hints.reflection().registerField(params);
			}
		}

	}

}
