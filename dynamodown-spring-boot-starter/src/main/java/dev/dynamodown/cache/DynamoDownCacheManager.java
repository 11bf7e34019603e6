package dev.dynamodown.cache;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import dev.dynamodown.AsyncDynamoDown;
import dev.dynamodown.AsyncSortedKeyValueTemplate;
import dev.dynamodown.DynamoDown;
import dev.dynamodown.SortedKeyValueTemplate;
import dev.dynamodown.ValueCodec;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import org.springframework.cache.support.AbstractCacheManager;

/**
 * A Spring {@link org.springframework.cache.CacheManager} whose caches are namespaces of one
 * table: cache {@code books} is the namespace {@code <prefix>books} (prefix {@code cache:} by
 * default, so that caches never share a namespace with the application's stores in the same
 * table). What {@code RedisCacheManager} is for Redis: a default {@link DynamoDownCacheConfiguration}
 * and one per cache, caches named up front, and caches created on first use under any other name
 * (with the defaults) unless that is switched off.
 * <pre>{@code
 * DynamoDownCacheManager.builder(dynamoDown, "app-cache")
 *     .cacheDefaults(DynamoDownCacheConfiguration.defaultCacheConfig().entryTtl(Duration.ofMinutes(10)))
 *     .withCacheConfiguration("books", defaults.valueCodec(ValueCodec.json(Book.class)))
 *     .build();
 * }</pre>
 * Creating a cache sends no request; the table must exist (the starter creates it with
 * {@code dynamodown.create-tables}).
 */
public class DynamoDownCacheManager extends AbstractCacheManager {

	private final DynamoDown dynamoDown;

	private final @Nullable AsyncDynamoDown asyncDynamoDown;

	private final String table;

	private final String namespacePrefix;

	private final DynamoDownCacheConfiguration defaults;

	private final Map<String, DynamoDownCacheConfiguration> initialCaches;

	private final boolean allowRuntimeCacheCreation;

	private DynamoDownCacheManager(Builder builder) {
		this.dynamoDown = builder.dynamoDown;
		this.asyncDynamoDown = builder.asyncDynamoDown;
		this.table = builder.table;
		this.namespacePrefix = builder.namespacePrefix;
		this.defaults = builder.defaults;
		this.initialCaches = new LinkedHashMap<>();
		builder.initialCaches.forEach((name, configuration) -> this.initialCaches.put(name,
				(configuration != null) ? configuration : this.defaults));
		this.allowRuntimeCacheCreation = builder.allowRuntimeCacheCreation;
	}

	/**
	 * A builder of a manager whose caches live in a table.
	 * @param dynamoDown the stores
	 * @param table the table
	 * @return the builder
	 */
	public static Builder builder(DynamoDown dynamoDown, String table) {
		return new Builder(dynamoDown, table);
	}

	/** The table the caches live in. */
	public String getTable() {
		return this.table;
	}

	/** The namespace of a cache: the prefix, then the cache's name. */
	public String namespaceOf(String cacheName) {
		return this.namespacePrefix + cacheName;
	}

	/** Whether a cache of a name not configured is created when first asked for. */
	public boolean isAllowRuntimeCacheCreation() {
		return this.allowRuntimeCacheCreation;
	}

	@Override
	protected Collection<DynamoDownCache> loadCaches() {
		List<DynamoDownCache> caches = new ArrayList<>();
		this.initialCaches.forEach((name, configuration) -> caches.add(createCache(name, configuration)));
		return caches;
	}

	@Override
	protected @Nullable DynamoDownCache getMissingCache(String name) {
		return this.allowRuntimeCacheCreation ? createCache(name, this.defaults) : null;
	}

	/**
	 * Creates a cache; sends no request.
	 * @param name the cache's name
	 * @param configuration how it stores its entries
	 * @return the cache
	 */
	protected DynamoDownCache createCache(String name, DynamoDownCacheConfiguration configuration) {
		String namespace = namespaceOf(name);
		SortedKeyValueTemplate<Map<String, AttributeValue>> store = this.dynamoDown.template(this.table, namespace,
				ValueCodec.attributes());
		AsyncSortedKeyValueTemplate<Map<String, AttributeValue>> asyncStore = (this.asyncDynamoDown != null)
				? this.asyncDynamoDown.template(this.table, namespace, ValueCodec.attributes()) : null;
		Boolean consistentReads = configuration.getConsistentReads();
		if (consistentReads != null) {
			store = store.withConsistentReads(consistentReads);
			asyncStore = (asyncStore != null) ? asyncStore.withConsistentReads(consistentReads) : null;
		}
		return new DynamoDownCache(name, store, asyncStore, configuration);
	}

	/** Builds a {@link DynamoDownCacheManager}. */
	public static final class Builder {

		private final DynamoDown dynamoDown;

		private final String table;

		private @Nullable AsyncDynamoDown asyncDynamoDown;

		private String namespacePrefix = "cache:";

		private DynamoDownCacheConfiguration defaults = DynamoDownCacheConfiguration.defaultCacheConfig();

		/** Each cache named up front, with its configuration or {@code null} for the defaults. */
		private final Map<String, @Nullable DynamoDownCacheConfiguration> initialCaches = new LinkedHashMap<>();

		private boolean allowRuntimeCacheCreation = true;

		private Builder(DynamoDown dynamoDown, String table) {
			this.dynamoDown = Objects.requireNonNull(dynamoDown, "'dynamoDown' must not be null");
			this.table = Objects.requireNonNull(table, "'table' must not be null");
		}

		/**
		 * The same stores on an asynchronous client, for the caches' {@code retrieve} (methods that
		 * return {@code CompletableFuture} or reactive types); without it {@code retrieve} is not
		 * supported.
		 * @param asyncDynamoDown the asynchronous stores, or {@code null}
		 * @return this builder
		 */
		public Builder async(@Nullable AsyncDynamoDown asyncDynamoDown) {
			this.asyncDynamoDown = asyncDynamoDown;
			return this;
		}

		/**
		 * What precedes a cache's name in its namespace; default {@code cache:}, empty for none.
		 * @param namespacePrefix the prefix
		 * @return this builder
		 */
		public Builder namespacePrefix(String namespacePrefix) {
			this.namespacePrefix = Objects.requireNonNull(namespacePrefix, "'namespacePrefix' must not be null");
			return this;
		}

		/**
		 * The configuration of the caches not configured one by one.
		 * @param defaults the configuration
		 * @return this builder
		 */
		public Builder cacheDefaults(DynamoDownCacheConfiguration defaults) {
			this.defaults = Objects.requireNonNull(defaults, "'defaults' must not be null");
			return this;
		}

		/**
		 * Caches to create at once, with the defaults (unless configured one by one).
		 * @param cacheNames their names
		 * @return this builder
		 */
		public Builder initialCacheNames(Set<String> cacheNames) {
			cacheNames.forEach((name) -> this.initialCaches.putIfAbsent(name, null));
			return this;
		}

		/**
		 * A cache to create at once, with its own configuration.
		 * @param cacheName its name
		 * @param configuration how it stores its entries
		 * @return this builder
		 */
		public Builder withCacheConfiguration(String cacheName, DynamoDownCacheConfiguration configuration) {
			this.initialCaches.put(Objects.requireNonNull(cacheName, "'cacheName' must not be null"),
					Objects.requireNonNull(configuration, "'configuration' must not be null"));
			return this;
		}

		/**
		 * Only the caches named up front exist: asking for another one answers {@code null}.
		 * @return this builder
		 */
		public Builder disableCreateOnMissingCache() {
			this.allowRuntimeCacheCreation = false;
			return this;
		}

		/** The manager; its caches are created when Spring initializes it. */
		public DynamoDownCacheManager build() {
			return new DynamoDownCacheManager(this);
		}

	}

}
