package dev.dynamodown;

import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * What most tests of this package share, as a JUnit extension: a client for the JVM's dynalite
 * with the test's interceptors, a {@link DynamoDown} on it and a fresh table in the library's
 * layout, opened before the first test of the class and closed after its last. Register it on a
 * static field, after the interceptors it uses:
 *
 * <pre class="code">
 * &#64;RegisterExtension
 * static final DynamoDownFixture fixture = DynamoDownFixture.table("points").interceptors(requests, answers);
 * </pre>
 *
 * The class's own {@code @BeforeAll} methods run after the fixture is open, so they may fill the
 * table.
 */
final class DynamoDownFixture implements BeforeAllCallback, AfterAllCallback {

	private final String purpose;

	private ExecutionInterceptor[] interceptors = {};

	/** 0 for the SDK's default retry policy. */
	private int maxAttempts;

	private DynamoDownOptions options = DynamoDownOptions.defaults();

	private DynamoDbClient client;

	private DynamoDown dynamoDown;

	private String table;

	private DynamoDownFixture(String purpose) {
		this.purpose = purpose;
	}

	/** A fixture whose table name starts with {@code purpose}. */
	static DynamoDownFixture table(String purpose) {
		return new DynamoDownFixture(purpose);
	}

	/** The interceptors of the client, in order. */
	DynamoDownFixture interceptors(ExecutionInterceptor... interceptors) {
		this.interceptors = interceptors;
		return this;
	}

	/** At most {@code maxAttempts} attempts per request, retries by the client included. */
	DynamoDownFixture maxAttempts(int maxAttempts) {
		this.maxAttempts = maxAttempts;
		return this;
	}

	/** The options of the {@link DynamoDown} (the defaults unless set). */
	DynamoDownFixture options(DynamoDownOptions options) {
		this.options = options;
		return this;
	}

	@Override
	public void beforeAll(ExtensionContext context) {
		this.client = (this.maxAttempts > 0) ? DynaliteSupport.clientWithAttempts(this.maxAttempts, this.interceptors)
				: DynaliteSupport.client(this.interceptors);
		this.dynamoDown = DynamoDown.create(this.client, this.options);
		this.table = DynaliteSupport.createTable(this.client, this.purpose);
	}

	@Override
	public void afterAll(ExtensionContext context) {
		this.dynamoDown.close();
		this.client.close();
	}

	DynamoDbClient client() {
		return this.client;
	}

	DynamoDown dynamoDown() {
		return this.dynamoDown;
	}

	String table() {
		return this.table;
	}

	/** A store in the fixture's table. */
	<V> SortedKeyValueTemplate<V> template(String namespace, ValueCodec<V> codec) {
		return this.dynamoDown.template(this.table, namespace, codec);
	}

	/** A string store in the fixture's table. */
	SortedKeyValueTemplate<String> template(String namespace) {
		return template(namespace, ValueCodec.string());
	}

	/** A string store in a namespace of the test's own: its method name. */
	SortedKeyValueTemplate<String> template(TestInfo test) {
		return template(test.getTestMethod().orElseThrow().getName());
	}

}
