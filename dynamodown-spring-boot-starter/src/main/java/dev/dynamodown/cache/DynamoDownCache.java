package dev.dynamodown.cache;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import dev.dynamodown.AsyncSortedKeyValueTemplate;
import dev.dynamodown.KeyRange;
import dev.dynamodown.SortedKeyValueTemplate;
import dev.dynamodown.ValueCodec;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import org.springframework.cache.support.AbstractValueAdaptingCache;
import org.springframework.cache.support.NullValue;

/**
 * A Spring {@link org.springframework.cache.Cache} over one namespace of a table: an entry is an
 * item whose key is the cache key mapped by the rules of {@link CacheKeys} and whose attributes are
 * the value's, through the configured {@link ValueCodec}, with an expiry time when the cache has a
 * time to live. Build caches with {@link DynamoDownCacheManager}. Thread-safe.
 * <ul>
 * <li>{@code get} is one {@code GetItem}; an entry whose time to live has elapsed is a miss.</li>
 * <li>{@code put} is one {@code PutItem}; {@code evict} one {@code DeleteItem};
 * {@code evictIfPresent} one {@code DeleteItem} that returns the old item, so it tells whether one
 * was there; {@code clear} and {@code invalidate} delete the whole namespace, NOT atomically (entries
 * put meanwhile may survive).</li>
 * <li>{@code putIfAbsent} is atomic: one conditional {@code PutItem} (an expired entry counts as
 * absent); when an entry was there, one {@code GetItem} reads it for the answer (if it was evicted in
 * between, the write is tried again).</li>
 * <li>{@code get(key, valueLoader)} loads at most once per key at a time in this JVM: concurrent
 * callers wait for the first one's outcome (as Spring's contract asks for {@code sync = true}).
 * Callers in other JVMs may each load once; the last value stored wins.</li>
 * <li>{@code retrieve} (for methods returning {@code CompletableFuture}, and reactive types) runs
 * on an asynchronous store, blocking no thread; without one (no {@code AsyncDynamoDown}) it throws
 * {@link UnsupportedOperationException}, as Spring's default does.</li>
 * <li>{@code null} is cached, when allowed, as a marker item whose only attribute is
 * {@link #NULL_MARKER}; a value whose attributes would be exactly the marker's is refused.</li>
 * </ul>
 */
public class DynamoDownCache extends AbstractValueAdaptingCache {

	/** The attribute of the item that caches {@code null}: {@code "@null": {"NULL": true}}. */
	public static final String NULL_MARKER = "@null";

	private static final Map<String, AttributeValue> NULL_ITEM = Map.of(NULL_MARKER, AttributeValue.fromNul(true));

	/** How often {@code putIfAbsent} tries again when the entry it met was evicted before it was read. */
	private static final int PUT_IF_ABSENT_ATTEMPTS = 5;

	private final String name;

	private final SortedKeyValueTemplate<Map<String, AttributeValue>> store;

	private final @Nullable AsyncSortedKeyValueTemplate<Map<String, AttributeValue>> asyncStore;

	private final DynamoDownCacheConfiguration configuration;

	private final CacheLoads loads = new CacheLoads();

	/**
	 * A cache over a namespace; see {@link DynamoDownCacheManager}.
	 * @param name the cache's name
	 * @param store its namespace, read and written as raw attributes
	 * @param asyncStore the same namespace on an asynchronous store, for {@code retrieve}, or {@code null}
	 * @param configuration how entries are stored
	 */
	protected DynamoDownCache(String name, SortedKeyValueTemplate<Map<String, AttributeValue>> store,
			@Nullable AsyncSortedKeyValueTemplate<Map<String, AttributeValue>> asyncStore,
			DynamoDownCacheConfiguration configuration) {
		super(configuration.getAllowCacheNullValues());
		this.name = name;
		this.store = store;
		this.asyncStore = asyncStore;
		this.configuration = configuration;
	}

	@Override
	public String getName() {
		return this.name;
	}

	/** The store of the cache's namespace. */
	@Override
	public SortedKeyValueTemplate<Map<String, AttributeValue>> getNativeCache() {
		return this.store;
	}

	/** How this cache stores its entries. */
	public DynamoDownCacheConfiguration getCacheConfiguration() {
		return this.configuration;
	}

	@Override
	protected @Nullable Object lookup(Object key) {
		return this.store.get(CacheKeys.storeKey(key)).map(this::fromItem).orElse(null);
	}

	@Override
	@SuppressWarnings("unchecked")
	public <T> @Nullable T get(Object key, Callable<T> valueLoader) {
		String storeKey = CacheKeys.storeKey(key);
		try {
			return (T) fromStoreValue(this.loads.run(storeKey, () -> {
				Optional<Map<String, AttributeValue>> cached = this.store.get(storeKey);
				if (cached.isPresent()) {
					return fromItem(cached.get());
				}
				Object value = toStoreValue(load(key, valueLoader));
				write(storeKey, value);
				return value;
			}));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new ValueRetrievalException(key, valueLoader, ex);
		}
	}

	@Override
	public void put(Object key, @Nullable Object value) {
		write(CacheKeys.storeKey(key), toStoreValue(value));
	}

	@Override
	public @Nullable ValueWrapper putIfAbsent(Object key, @Nullable Object value) {
		if (value == null && !isAllowNullValues()) {
			return get(key);
		}
		String storeKey = CacheKeys.storeKey(key);
		Map<String, AttributeValue> item = toItem(toStoreValue(value));
		for (int attempt = 0; attempt < PUT_IF_ABSENT_ATTEMPTS; attempt++) {
			boolean written = (this.configuration.getTimeToLive() != null)
					? this.store.putIfAbsent(storeKey, item, this.configuration.getTimeToLive())
					: this.store.putIfAbsent(storeKey, item);
			if (written) {
				return null;
			}
			Optional<Map<String, AttributeValue>> existing = this.store.get(storeKey);
			if (existing.isPresent()) {
				return toValueWrapper(fromItem(existing.get()));
			}
		}
		throw new IllegalStateException("putIfAbsent of cache '" + this.name + "': the entry of key '" + storeKey
				+ "' was there and gone again " + PUT_IF_ABSENT_ATTEMPTS + " times in a row");
	}

	@Override
	public void evict(Object key) {
		this.store.delete(CacheKeys.storeKey(key));
	}

	@Override
	public boolean evictIfPresent(Object key) {
		return this.store.getAndDelete(CacheKeys.storeKey(key)).isPresent();
	}

	@Override
	public void clear() {
		this.store.clear(KeyRange.all());
	}

	/**
	 * Deletes every entry, as {@link #clear()} does.
	 * @return whether any item was deleted (expired ones included)
	 */
	@Override
	public boolean invalidate() {
		return this.store.clear(KeyRange.all()) > 0;
	}

	/**
	 * Reads an entry without blocking: a future of {@code null} for a miss, of a
	 * {@link ValueWrapper} for a hit when {@code null} values are cached, else of the value.
	 * @throws UnsupportedOperationException without an asynchronous store
	 */
	@Override
	public CompletableFuture<?> retrieve(Object key) {
		return asyncStore().get(CacheKeys.storeKey(key)).thenApply((found) -> found.map((item) -> {
			Object value = fromItem(item);
			return isAllowNullValues() ? toValueWrapper(value) : fromStoreValue(value);
		}).orElse(null));
	}

	/**
	 * Reads an entry without blocking, loading and storing it on a miss; concurrent calls for the
	 * same key in this JVM (and {@code get(key, valueLoader)} calls) share one load.
	 * @throws UnsupportedOperationException without an asynchronous store
	 */
	@Override
	@SuppressWarnings("unchecked")
	public <T> CompletableFuture<T> retrieve(Object key, Supplier<CompletableFuture<T>> valueLoader) {
		AsyncSortedKeyValueTemplate<Map<String, AttributeValue>> async = asyncStore();
		String storeKey = CacheKeys.storeKey(key);
		return this.loads.start(storeKey, () -> async.get(storeKey).thenCompose((cached) -> {
			if (cached.isPresent()) {
				return CompletableFuture.completedFuture(fromItem(cached.get()));
			}
			return valueLoader.get().thenCompose((loaded) -> {
				Object value = toStoreValue(loaded);
				Map<String, AttributeValue> item = toItem(value);
				CompletableFuture<Void> written = (this.configuration.getTimeToLive() != null)
						? async.put(storeKey, item, this.configuration.getTimeToLive()) : async.put(storeKey, item);
				return written.thenApply((done) -> value);
			});
		})).thenApply((value) -> (T) fromStoreValue(value));
	}

	private AsyncSortedKeyValueTemplate<Map<String, AttributeValue>> asyncStore() {
		if (this.asyncStore == null) {
			throw new UnsupportedOperationException("Cache '" + this.name + "' has no asynchronous store for "
					+ "CompletableFuture-based retrieval: it needs an AsyncDynamoDown (a DynamoDbAsyncClient)");
		}
		return this.asyncStore;
	}

	private static <T> T load(Object key, Callable<T> valueLoader) {
		try {
			return valueLoader.call();
		}
		catch (Exception ex) {
			throw new ValueRetrievalException(key, valueLoader, ex);
		}
	}

	/** One {@code PutItem} of a store value ({@link NullValue} for {@code null}). */
	private void write(String storeKey, Object storeValue) {
		Map<String, AttributeValue> item = toItem(storeValue);
		Duration timeToLive = this.configuration.getTimeToLive();
		if (timeToLive != null) {
			this.store.put(storeKey, item, timeToLive);
		}
		else {
			this.store.put(storeKey, item);
		}
	}

	@SuppressWarnings("unchecked")
	private Map<String, AttributeValue> toItem(Object storeValue) {
		if (storeValue == NullValue.INSTANCE) {
			return NULL_ITEM;
		}
		Map<String, AttributeValue> item = ((ValueCodec<Object>) this.configuration.getValueCodec()).encode(storeValue);
		if (item.equals(NULL_ITEM)) {
			throw new IllegalArgumentException("Cache '" + this.name + "' cannot store a value whose attributes are "
					+ "exactly those of its null marker {\"" + NULL_MARKER + "\": NULL}");
		}
		return item;
	}

	private Object fromItem(Map<String, AttributeValue> item) {
		return item.equals(NULL_ITEM) ? NullValue.INSTANCE : this.configuration.getValueCodec().decode(item);
	}

}
