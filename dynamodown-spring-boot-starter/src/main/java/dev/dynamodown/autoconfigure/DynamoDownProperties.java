package dev.dynamodown.autoconfigure;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration properties for dynamodown, bound from {@code dynamodown.*}.
 */
@ConfigurationProperties(DynamoDownProperties.PREFIX)
public class DynamoDownProperties {

	/** Prefix of every dynamodown property. */
	public static final String PREFIX = "dynamodown";

	/**
	 * AWS region of the DynamoDB endpoint. When not set, the AWS SDK's default region
	 * provider chain decides.
	 */
	private @Nullable String region;

	/**
	 * DynamoDB endpoint, for example a local server such as dynalite, LocalStack or
	 * ScyllaDB Alternator. When not set, the region's AWS endpoint is used.
	 */
	private @Nullable URI endpoint;

	/**
	 * Default table of the namespaces that do not name their own.
	 */
	private @Nullable String table;

	/**
	 * Whether to create missing tables (hash key 'ns', range key 'k', on-demand) at
	 * startup. Meant for development and tests.
	 */
	private boolean createTables;

	/**
	 * Whether to verify at startup that every configured table is reachable, active and
	 * has a usable key schema, failing the startup otherwise. When false, the application
	 * starts regardless and the health indicator reports the problem.
	 */
	private boolean failFast;

	/**
	 * Maximum time each startup request to the endpoint may take, retries included.
	 */
	private Duration startupTimeout = Duration.ofSeconds(10);

	/**
	 * Attribute that holds an entry's expiry time (the tables' TTL attribute), in whole
	 * seconds since the epoch. A value field of that name is refused.
	 */
	private String expiryAttribute = "expires";

	private final Credentials credentials = new Credentials();

	private final Embedded embedded = new Embedded();

	/**
	 * Stores to expose as SortedKeyValueTemplate beans, keyed by bean name (and, where an
	 * asynchronous HTTP client is on the classpath, as AsyncSortedKeyValueTemplate beans
	 * named '<name>Async').
	 */
	private final Map<String, Namespace> namespaces = new LinkedHashMap<>();

	private final Client client = new Client();

	private final Batch batch = new Batch();

	private final Health health = new Health();

	private final Observations observations = new Observations();

	private final Cache cache = new Cache();

	public @Nullable String getRegion() {
		return this.region;
	}

	public void setRegion(@Nullable String region) {
		this.region = region;
	}

	public @Nullable URI getEndpoint() {
		return this.endpoint;
	}

	public void setEndpoint(@Nullable URI endpoint) {
		this.endpoint = endpoint;
	}

	public @Nullable String getTable() {
		return this.table;
	}

	public void setTable(@Nullable String table) {
		this.table = table;
	}

	public boolean isCreateTables() {
		return this.createTables;
	}

	public void setCreateTables(boolean createTables) {
		this.createTables = createTables;
	}

	public boolean isFailFast() {
		return this.failFast;
	}

	public void setFailFast(boolean failFast) {
		this.failFast = failFast;
	}

	public Duration getStartupTimeout() {
		return this.startupTimeout;
	}

	public void setStartupTimeout(Duration startupTimeout) {
		this.startupTimeout = startupTimeout;
	}

	public String getExpiryAttribute() {
		return this.expiryAttribute;
	}

	public void setExpiryAttribute(String expiryAttribute) {
		this.expiryAttribute = expiryAttribute;
	}

	public Credentials getCredentials() {
		return this.credentials;
	}

	public Embedded getEmbedded() {
		return this.embedded;
	}

	public Map<String, Namespace> getNamespaces() {
		return this.namespaces;
	}

	public Client getClient() {
		return this.client;
	}

	public Batch getBatch() {
		return this.batch;
	}

	public Health getHealth() {
		return this.health;
	}

	public Observations getObservations() {
		return this.observations;
	}

	public Cache getCache() {
		return this.cache;
	}

	/**
	 * The table a namespace lives in: its own {@code table}, else {@code dynamodown.table}.
	 * @param name the namespace's key in {@link #getNamespaces()}
	 * @return the table
	 * @throws IllegalStateException if neither is set
	 */
	public String tableOf(String name) {
		Namespace namespace = this.namespaces.get(name);
		String table = (namespace != null && namespace.getTable() != null) ? namespace.getTable() : this.table;
		if (table == null || table.isBlank()) {
			throw new IllegalStateException("No table for namespace '" + name + "': set " + PREFIX + ".namespaces."
					+ name + ".table or " + PREFIX + ".table");
		}
		return table;
	}

	/**
	 * Every table the configuration names: {@code dynamodown.table}, each namespace's and
	 * {@code dynamodown.cache.table}.
	 * @return the distinct table names, in configuration order
	 */
	public Set<String> tables() {
		Set<String> tables = new LinkedHashSet<>();
		if (this.table != null && !this.table.isBlank()) {
			tables.add(this.table);
		}
		this.namespaces.keySet().forEach((name) -> tables.add(tableOf(name)));
		if (this.cache.getTable() != null && !this.cache.getTable().isBlank()) {
			tables.add(this.cache.getTable());
		}
		return tables;
	}

	/**
	 * The table the caches live in: {@code dynamodown.cache.table}, else {@code dynamodown.table}.
	 * @return the table
	 * @throws IllegalStateException if neither is set
	 */
	public String cacheTable() {
		String table = (this.cache.getTable() != null && !this.cache.getTable().isBlank()) ? this.cache.getTable()
				: this.table;
		if (table == null || table.isBlank()) {
			throw new IllegalStateException("No table for the caches: set " + PREFIX + ".cache.table or " + PREFIX
					+ ".table");
		}
		return table;
	}

	/**
	 * Static credentials. Both keys must be set, or neither.
	 */
	public static class Credentials {

		/**
		 * AWS access key ID. When not set, the AWS SDK's default credentials provider
		 * chain decides.
		 */
		private @Nullable String accessKey;

		/**
		 * AWS secret access key.
		 */
		private @Nullable String secretKey;

		public @Nullable String getAccessKey() {
			return this.accessKey;
		}

		public void setAccessKey(@Nullable String accessKey) {
			this.accessKey = accessKey;
		}

		public @Nullable String getSecretKey() {
			return this.secretKey;
		}

		public void setSecretKey(@Nullable String secretKey) {
			this.secretKey = secretKey;
		}

		/** Never prints the secret key, only whether it is set. */
		@Override
		public String toString() {
			return "Credentials[accessKey=" + this.accessKey + ", secretKey="
					+ ((this.secretKey != null) ? "******" : null) + "]";
		}

	}

	/**
	 * Embedded dynalite, a local DynamoDB started as a Node.js child process.
	 */
	public static class Embedded {

		/**
		 * Whether to start dynalite (needs dynamodown-dynalite on the classpath and
		 * Node.js 20 or later) on 127.0.0.1, point the client at it and create the
		 * configured tables. Overrides endpoint, region and credentials.
		 */
		private boolean enabled;

		/**
		 * Port dynalite listens on. 0 picks a free port.
		 */
		private int port;

		/**
		 * Directory where dynalite keeps its data across restarts. When not set, data
		 * lives in memory and is lost when the application stops.
		 */
		private @Nullable Path dataDir;

		/**
		 * Node.js executable (version 20 or later) to run dynalite with. When not set, the
		 * 'dynamodown.dynalite.node' system property, else the DYNAMODOWN_NODE environment
		 * variable, else 'node' on the PATH.
		 */
		private @Nullable Path nodeExecutable;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public int getPort() {
			return this.port;
		}

		public void setPort(int port) {
			this.port = port;
		}

		public @Nullable Path getDataDir() {
			return this.dataDir;
		}

		public void setDataDir(@Nullable Path dataDir) {
			this.dataDir = dataDir;
		}

		public @Nullable Path getNodeExecutable() {
			return this.nodeExecutable;
		}

		public void setNodeExecutable(@Nullable Path nodeExecutable) {
			this.nodeExecutable = nodeExecutable;
		}

	}

	/**
	 * One store exposed as a SortedKeyValueTemplate bean.
	 */
	public static class Namespace {

		/**
		 * Table the store lives in. Defaults to 'dynamodown.table'.
		 */
		private @Nullable String table;

		/**
		 * Hash-key value shared by the store's items. Defaults to the bean name.
		 */
		private @Nullable String namespace;

		/**
		 * Type of the values: String uses the string codec, byte[] the bytes codec, any
		 * other type the JSON codec (with the application's Jackson JsonMapper if there
		 * is one).
		 */
		private Class<?> valueType = String.class;

		/**
		 * Number of partition-key values (shards) the namespace is spread over, 1 to 64.
		 * 1 is the unsharded layout of npm dynamo-down. The count is recorded in the table
		 * at the first write of a sharded namespace; opening it with another count fails.
		 */
		private int shards = 1;

		/**
		 * Whether the store's reads are strongly consistent (read-your-writes); false halves
		 * their cost with eventually consistent reads. When not set, the DynamoDown's
		 * setting (strongly consistent unless customized).
		 */
		private @Nullable Boolean consistentReads;

		public @Nullable String getTable() {
			return this.table;
		}

		public void setTable(@Nullable String table) {
			this.table = table;
		}

		public @Nullable String getNamespace() {
			return this.namespace;
		}

		public void setNamespace(@Nullable String namespace) {
			this.namespace = namespace;
		}

		public Class<?> getValueType() {
			return this.valueType;
		}

		public void setValueType(Class<?> valueType) {
			this.valueType = valueType;
		}

		public int getShards() {
			return this.shards;
		}

		public void setShards(int shards) {
			this.shards = shards;
		}

		public @Nullable Boolean getConsistentReads() {
			return this.consistentReads;
		}

		public void setConsistentReads(@Nullable Boolean consistentReads) {
			this.consistentReads = consistentReads;
		}

	}

	/**
	 * Settings of the auto-configured clients: the DynamoDbClient on the Apache 5 HTTP client
	 * and the DynamoDbAsyncClient on Netty NIO (or the AWS CRT client).
	 */
	public static class Client {

		/**
		 * Maximum time of a whole API call, retries and their backoff included. A call
		 * still unanswered then fails (the AWS SDK's own default is no limit).
		 */
		private Duration apiCallTimeout = Duration.ofSeconds(30);

		/**
		 * Maximum time of a single attempt of an API call, so that a connection that
		 * stalls or dribbles is abandoned and the attempt retried (the AWS SDK's own
		 * default is no limit).
		 */
		private Duration apiCallAttemptTimeout = Duration.ofSeconds(10);

		/**
		 * Maximum time to establish a connection. When not set, the AWS SDK's default.
		 */
		private @Nullable Duration connectionTimeout;

		/**
		 * Maximum number of pooled HTTP connections of each client (for the asynchronous
		 * client, of requests in flight). When not set, four per concurrent batch request
		 * and at least 50.
		 */
		private @Nullable Integer maxConnections;

		public Duration getApiCallTimeout() {
			return this.apiCallTimeout;
		}

		public void setApiCallTimeout(Duration apiCallTimeout) {
			this.apiCallTimeout = apiCallTimeout;
		}

		public Duration getApiCallAttemptTimeout() {
			return this.apiCallAttemptTimeout;
		}

		public void setApiCallAttemptTimeout(Duration apiCallAttemptTimeout) {
			this.apiCallAttemptTimeout = apiCallAttemptTimeout;
		}

		public @Nullable Duration getConnectionTimeout() {
			return this.connectionTimeout;
		}

		public void setConnectionTimeout(@Nullable Duration connectionTimeout) {
			this.connectionTimeout = connectionTimeout;
		}

		public @Nullable Integer getMaxConnections() {
			return this.maxConnections;
		}

		public void setMaxConnections(@Nullable Integer maxConnections) {
			this.maxConnections = maxConnections;
		}

	}

	/**
	 * Settings of the non-atomic batch writer. Unset values keep the library's defaults.
	 */
	public static class Batch {

		/**
		 * Maximum number of BatchWriteItem requests of one batch in flight at once.
		 */
		private @Nullable Integer concurrency;

		/**
		 * Maximum number of attempts for the unprocessed items of a BatchWriteItem
		 * request, the first attempt included.
		 */
		private @Nullable Integer maxAttempts;

		/**
		 * Backoff before the first retry of unprocessed items; doubles on each retry.
		 */
		private @Nullable Duration baseDelay;

		/**
		 * Upper bound of the backoff between retries of unprocessed items.
		 */
		private @Nullable Duration maxDelay;

		public @Nullable Integer getConcurrency() {
			return this.concurrency;
		}

		public void setConcurrency(@Nullable Integer concurrency) {
			this.concurrency = concurrency;
		}

		public @Nullable Integer getMaxAttempts() {
			return this.maxAttempts;
		}

		public void setMaxAttempts(@Nullable Integer maxAttempts) {
			this.maxAttempts = maxAttempts;
		}

		public @Nullable Duration getBaseDelay() {
			return this.baseDelay;
		}

		public void setBaseDelay(@Nullable Duration baseDelay) {
			this.baseDelay = baseDelay;
		}

		public @Nullable Duration getMaxDelay() {
			return this.maxDelay;
		}

		public void setMaxDelay(@Nullable Duration maxDelay) {
			this.maxDelay = maxDelay;
		}

	}

	/**
	 * Settings of the 'dynamodown' health indicator.
	 */
	public static class Health {

		/**
		 * Maximum time each table check (DescribeTable) may take, retries included.
		 */
		private Duration timeout = Duration.ofSeconds(2);

		public Duration getTimeout() {
			return this.timeout;
		}

		public void setTimeout(Duration timeout) {
			this.timeout = timeout;
		}

	}

	/**
	 * Spring's cache abstraction on dynamodown stores (with @EnableCaching): one namespace
	 * per cache.
	 */
	public static class Cache {

		/**
		 * Names of the caches to create at startup; setting them (or
		 * 'spring.cache.cache-names') turns the cache manager on. Caches of other names are
		 * created when first used.
		 */
		private List<String> names = new ArrayList<>();

		/**
		 * Table the caches live in. Defaults to 'dynamodown.table'.
		 */
		private @Nullable String table;

		/**
		 * Text before each cache's name in its namespace, so that caches never share a
		 * namespace with the application's stores in the same table.
		 */
		private String namespacePrefix = "cache:";

		/**
		 * Time to live of the entries of every cache. When not set, entries never expire.
		 */
		private @Nullable Duration timeToLive;

		/**
		 * Whether to cache null values (as a marker item).
		 */
		private boolean cacheNullValues = true;

		/**
		 * Type of the values of every cache: String uses the string codec, byte[] the bytes
		 * codec, any other type the JSON codec (with the application's Jackson JsonMapper if
		 * there is one). java.lang.Object reads values back as maps, lists, strings, numbers
		 * and booleans.
		 */
		private Class<?> valueType = Object.class;

		/**
		 * Whether the caches' reads are strongly consistent (a read sees an evict or put
		 * made before it); false halves their cost. When not set, the DynamoDown's setting.
		 */
		private @Nullable Boolean consistentReads;

		/**
		 * Settings of single caches, keyed by cache name; each is created at startup.
		 */
		private final Map<String, CacheSpec> caches = new LinkedHashMap<>();

		public List<String> getNames() {
			return this.names;
		}

		public void setNames(List<String> names) {
			this.names = names;
		}

		public @Nullable String getTable() {
			return this.table;
		}

		public void setTable(@Nullable String table) {
			this.table = table;
		}

		public String getNamespacePrefix() {
			return this.namespacePrefix;
		}

		public void setNamespacePrefix(String namespacePrefix) {
			this.namespacePrefix = namespacePrefix;
		}

		public @Nullable Duration getTimeToLive() {
			return this.timeToLive;
		}

		public void setTimeToLive(@Nullable Duration timeToLive) {
			this.timeToLive = timeToLive;
		}

		public boolean isCacheNullValues() {
			return this.cacheNullValues;
		}

		public void setCacheNullValues(boolean cacheNullValues) {
			this.cacheNullValues = cacheNullValues;
		}

		public Class<?> getValueType() {
			return this.valueType;
		}

		public void setValueType(Class<?> valueType) {
			this.valueType = valueType;
		}

		public @Nullable Boolean getConsistentReads() {
			return this.consistentReads;
		}

		public void setConsistentReads(@Nullable Boolean consistentReads) {
			this.consistentReads = consistentReads;
		}

		public Map<String, CacheSpec> getCaches() {
			return this.caches;
		}

	}

	/**
	 * Settings of one cache; unset ones are those of 'dynamodown.cache'.
	 */
	public static class CacheSpec {

		/**
		 * Time to live of the cache's entries. When not set, 'dynamodown.cache.time-to-live'.
		 */
		private @Nullable Duration timeToLive;

		/**
		 * Type of the cache's values. When not set, 'dynamodown.cache.value-type'.
		 */
		private @Nullable Class<?> valueType;

		public @Nullable Duration getTimeToLive() {
			return this.timeToLive;
		}

		public void setTimeToLive(@Nullable Duration timeToLive) {
			this.timeToLive = timeToLive;
		}

		public @Nullable Class<?> getValueType() {
			return this.valueType;
		}

		public void setValueType(@Nullable Class<?> valueType) {
			this.valueType = valueType;
		}

	}

	/**
	 * Settings of the observations (timers, spans) of store operations.
	 */
	public static class Observations {

		/**
		 * Whether the namespace is a low-cardinality key of the observations (a tag of their
		 * timers and of the batch retry meters) rather than a high-cardinality one (on spans
		 * only). Only for applications with few namespaces: one per tenant or user would make
		 * the meters unbounded.
		 */
		private boolean lowCardinalityNamespace;

		public boolean isLowCardinalityNamespace() {
			return this.lowCardinalityNamespace;
		}

		public void setLowCardinalityNamespace(boolean lowCardinalityNamespace) {
			this.lowCardinalityNamespace = lowCardinalityNamespace;
		}

	}

}
