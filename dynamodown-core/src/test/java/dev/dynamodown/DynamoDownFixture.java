package dev.dynamodown;

import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * What most tests of this package share, as a JUnit extension: a blocking and an asynchronous
 * client for the JVM's dynalite with the test's interceptors, a {@link DynamoDown} and an
 * {@link AsyncDynamoDown} on them, and a fresh table in the library's layout, opened before the
 * first test of the class and closed after its last. Register it on a static field, after the
 * interceptors it uses:
 *
 * <pre class="code">
 * &#64;RegisterExtension
 * static final DynamoDownFixture fixture = DynamoDownFixture.table("points").interceptors(requests, answers);
 * </pre>
 *
 * The class's own {@code @BeforeAll} methods run after the fixture is open, so they may fill the
 * table. A test class runs against both stores with {@code @ParameterizedClass @EnumSource(Api.class)}
 * and asks for {@link #template(Api, String)}.
 */
final class DynamoDownFixture implements BeforeAllCallback, AfterAllCallback {

	private final String purpose;

	private ExecutionInterceptor[] interceptors = {};

	/** 0 for the SDK's default retry policy. */
	private int maxAttempts;

	private DynamoDownOptions options = DynamoDownOptions.defaults();

	private Clients clients;

	private DynamoDown dynamoDown;

	private AsyncDynamoDown asyncDynamoDown;

	private String table;

	private DynamoDownFixture(String purpose) {
		this.purpose = purpose;
	}

	/** A fixture whose table name starts with {@code purpose}. */
	static DynamoDownFixture table(String purpose) {
		return new DynamoDownFixture(purpose);
	}

	/** The interceptors of the clients, in order. */
	DynamoDownFixture interceptors(ExecutionInterceptor... interceptors) {
		this.interceptors = interceptors;
		return this;
	}

	/** At most {@code maxAttempts} attempts per request, retries by the client included. */
	DynamoDownFixture maxAttempts(int maxAttempts) {
		this.maxAttempts = maxAttempts;
		return this;
	}

	/** The options of the stores (the defaults unless set). */
	DynamoDownFixture options(DynamoDownOptions options) {
		this.options = options;
		return this;
	}

	@Override
	public void beforeAll(ExtensionContext context) {
		this.clients = DynaliteSupport.clients(DynaliteSupport.endpoint(), this.maxAttempts, this.interceptors);
		this.dynamoDown = DynamoDown.create(this.clients.blocking(), this.options);
		this.asyncDynamoDown = AsyncDynamoDown.create(this.clients.async(), this.options);
		this.table = DynaliteSupport.createTable(this.clients.blocking(), this.purpose);
	}

	@Override
	public void afterAll(ExtensionContext context) {
		this.dynamoDown.close();
		this.asyncDynamoDown.close();
		this.clients.close();
	}

	/** Both clients; closed by the fixture. */
	Clients clients() {
		return this.clients;
	}

	/** The blocking client. */
	DynamoDbClient client() {
		return this.clients.blocking();
	}

	/** The blocking store factory, for setting up and checking data. */
	DynamoDown dynamoDown() {
		return this.dynamoDown;
	}

	/** The store factory of an API; closed by the fixture. */
	Stores stores(Api api) {
		return (api == Api.BLOCKING) ? Stores.of(this.dynamoDown) : Stores.of(this.asyncDynamoDown);
	}

	/** The options the stores run with. */
	DynamoDownOptions options() {
		return this.options;
	}

	String table() {
		return this.table;
	}

	/** A store of an API in the fixture's table. */
	<V> SortedKeyValueOperations<V> template(Api api, String namespace, ValueCodec<V> codec) {
		return stores(api).template(this.table, namespace, codec);
	}

	/** A store of an API over some shards in the fixture's table. */
	<V> SortedKeyValueOperations<V> template(Api api, String namespace, ValueCodec<V> codec, Sharding sharding) {
		return stores(api).template(this.table, namespace, codec, sharding);
	}

	/** A string store of an API in the fixture's table. */
	SortedKeyValueOperations<String> template(Api api, String namespace) {
		return template(api, namespace, ValueCodec.string());
	}

	/** A string store of an API in a namespace of the test's own: its method name and the API. */
	SortedKeyValueOperations<String> template(Api api, TestInfo test) {
		return template(api, test.getTestMethod().orElseThrow().getName() + "-" + api);
	}

	/** A store of a shape in the fixture's table. */
	<V> SortedKeyValueOperations<V> template(StoreShape shape, String namespace, ValueCodec<V> codec) {
		return shape.template(stores(shape.api()), this.table, namespace, codec);
	}

	/** A string store of a shape in the fixture's table. */
	SortedKeyValueOperations<String> template(StoreShape shape, String namespace) {
		return template(shape, namespace, ValueCodec.string());
	}

	/** A string store of a shape in a namespace of the test's own: its method name and the shape. */
	SortedKeyValueOperations<String> template(StoreShape shape, TestInfo test) {
		return template(shape, shape.namespace(test.getTestMethod().orElseThrow().getName()));
	}

	/** A blocking string store over some shards in the fixture's table, for setting up and checking data. */
	SortedKeyValueTemplate<String> template(String namespace, Sharding sharding) {
		return this.dynamoDown.template(this.table, namespace, ValueCodec.string(), sharding);
	}

	/** A blocking store in the fixture's table, for setting up and checking data. */
	<V> SortedKeyValueTemplate<V> template(String namespace, ValueCodec<V> codec) {
		return this.dynamoDown.template(this.table, namespace, codec);
	}

	/** A blocking string store in the fixture's table, for setting up and checking data. */
	SortedKeyValueTemplate<String> template(String namespace) {
		return template(namespace, ValueCodec.string());
	}

}
