package dev.dynamodown;

import java.net.URI;
import java.util.List;
import java.util.stream.Stream;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

/**
 * The store's exceptions (docs/reference/core.md, "Exceptions"): bad arguments fail before any request, with a message naming what is
 * wrong; service failures are {@link DynamoDownException}s naming the table, namespace and
 * operation, carrying the AWS cause and no credential. A sharded store refuses bad arguments
 * before any request too: before reading or claiming the record of its shard count.
 */
@ParameterizedClass
@EnumSource(StoreShape.class)
class ErrorsTest {

	@Parameter
	StoreShape shape;

	private Api api;

	private static final RequestRecorder requests = new RequestRecorder();

	private static final ServiceAnswer answers = new ServiceAnswer();

	@RegisterExtension
	static final DynamoDownFixture fixture = DynamoDownFixture.table("errors")
		.maxAttempts(1)
		.interceptors(requests, answers);

	private SortedKeyValueOperations<String> store;

	@BeforeEach
	void reset() {
		this.api = this.shape.api();
		this.store = fixture.template(this.shape, "errors-" + this.shape.shards());
		answers.reset();
		this.store.count(KeyRange.all());
		requests.reset();
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "no-slash | Location 'no-slash' must be 'table/namespace'",
			"/namespace | Location '/namespace' must be", "table/ | Location 'table/' must be", "/ | Location '/' must be",
			"ab/namespace | Table name 'ab' is invalid", "bad table!/namespace | Table name 'bad table!' is invalid",
			"tàble/namespace | Table name 'tàble' is invalid" })
	void badLocationsAreRefused(String location, String message) {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> fixture.stores(this.api).template(location, ValueCodec.string()))
			.withMessageStartingWith(message);
		assertThat(requests.total()).isZero();
	}

	@Test
	void badTablesAndNamespacesAreRefused() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> fixture.stores(this.api).template(fixture.table(), "", ValueCodec.string()))
			.withMessage("'namespace' must not be empty");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> fixture.stores(this.api).template(fixture.table(), "n".repeat(2049), ValueCodec.string()))
			.withMessageContaining("2049 UTF-8 bytes");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> fixture.stores(this.api).template(fixture.table(), "lone \uD800", ValueCodec.string()))
			.withMessageContaining("surrogate");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> fixture.stores(this.api).template("x".repeat(256), "ns", ValueCodec.string()))
			.withMessageContaining("3 to 255 characters");
		assertThatIllegalArgumentException().isThrownBy(() -> fixture.stores(this.api).createTableIfMissing("ab"));
		assertThat(fixture.stores(this.api).template(fixture.table(), "a/b/c", ValueCodec.string()).namespace())
			.isEqualTo("a/b/c");
		assertThat(requests.total()).isZero();
	}

	@Test
	void badShardingsAreRefusedBeforeAnyRequest() {
		assertThatIllegalArgumentException().isThrownBy(() -> Sharding.shards(0))
			.withMessage("'shards' must be between 1 and 64, was 0");
		assertThatIllegalArgumentException().isThrownBy(() -> Sharding.shards(65))
			.withMessage("'shards' must be between 1 and 64, was 65");
		assertNpe(() -> fixture.stores(this.api).template(fixture.table(), "ns", ValueCodec.string(), null),
				"'sharding' must not be null");
		assertNpe(() -> fixture.stores(this.api).template(fixture.table() + "/ns", ValueCodec.string(), null),
				"'sharding' must not be null");
		// A shard's partition-key value adds up to 6 bytes ("\u00003/8" here) to the namespace.
		String longest = "n".repeat(2044);
		assertThat(fixture.stores(this.api).template(fixture.table(), longest, ValueCodec.string(), Sharding.shards(8))
			.namespace()).isEqualTo(longest);
		assertThatIllegalArgumentException()
			.isThrownBy(() -> fixture.stores(this.api)
				.template(fixture.table(), longest + "n", ValueCodec.string(), Sharding.shards(8)))
			.withMessageContaining("2045 UTF-8 bytes long; over 8 shards its partitions need up to 2049 bytes");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> fixture.stores(this.api).template(fixture.table(), "a\u0000b", ValueCodec.string(), Sharding.shards(8)))
			.withMessageContaining("must not contain U+0000");
		assertThat(requests.total()).isZero();
	}

	@Test
	void nullsAreRefusedBeforeAnyRequest() {
		if (this.api == Api.BLOCKING) {
			assertNpe(() -> DynamoDown.create(null), "'client' must not be null");
			assertNpe(() -> DynamoDown.create(fixture.client(), null), "'options' must not be null");
		}
		else {
			assertNpe(() -> AsyncDynamoDown.create(null), "'client' must not be null");
			assertNpe(() -> AsyncDynamoDown.create(fixture.clients().async(), null), "'options' must not be null");
		}
		assertNpe(() -> fixture.stores(this.api).template(null, ValueCodec.string()), "'location' must not be null");
		assertNpe(() -> fixture.stores(this.api).template(fixture.table() + "/ns", null), "'codec' must not be null");
		assertNpe(() -> fixture.stores(this.api).template(null, "ns", ValueCodec.string()), "'table' must not be null");
		assertNpe(() -> fixture.stores(this.api).template(fixture.table(), null, ValueCodec.string()),
				"'namespace' must not be null");
		assertNpe(() -> fixture.stores(this.api).destroy(null), "'location' must not be null");
		assertNpe(() -> fixture.stores(this.api).createTableIfMissing(null), "'table' must not be null");
		assertNpe(() -> this.store.get(null), "'key' must not be null");
		assertNpe(() -> this.store.getAll(null), "'keys' must not be null");
		assertNpe(() -> this.store.put(null, "v"), "'key' must not be null");
		assertNpe(() -> this.store.put("k", null), "'value' must not be null");
		assertNpe(() -> this.store.putIfAbsent(null, "v"), "'key' must not be null");
		assertNpe(() -> this.store.putIfAbsent("k", null), "'value' must not be null");
		assertNpe(() -> this.store.delete(null), "'key' must not be null");
		assertNpe(() -> this.store.range(null), "'range' must not be null");
		assertNpe(() -> this.store.keys(null), "'range' must not be null");
		assertNpe(() -> this.store.values(null), "'range' must not be null");
		assertNpe(() -> this.store.list(null), "'range' must not be null");
		assertNpe(() -> this.store.count(null), "'range' must not be null");
		assertNpe(() -> this.store.clear(null), "'range' must not be null");
		assertNpe(() -> this.store.batch(null), "'operations' must not be null");
		assertNpe(() -> this.store.atomicBatch(null), "'operations' must not be null");
		assertNpe(() -> this.store.batch((b) -> b.delete(null)), "'key' must not be null");
		assertThat(requests.total()).isZero();
	}

	@Test
	void badKeysAreRefusedBeforeAnyRequest() {
		String tooLong = "😀".repeat(257);
		for (String key : List.of("", tooLong, "lone \uDBFF", "\uDC00")) {
			assertThatIllegalArgumentException().isThrownBy(() -> this.store.get(key));
			assertThatIllegalArgumentException().isThrownBy(() -> this.store.put(key, "v"));
			assertThatIllegalArgumentException().isThrownBy(() -> this.store.putIfAbsent(key, "v"));
			assertThatIllegalArgumentException().isThrownBy(() -> this.store.delete(key));
			assertThatIllegalArgumentException().isThrownBy(() -> this.store.batch((b) -> b.put(key, "v")));
		}
		assertThatIllegalArgumentException().isThrownBy(() -> this.store.get("")).withMessage("'key' must not be empty");
		assertThatIllegalArgumentException().isThrownBy(() -> this.store.put(tooLong, "v"))
			.withMessageContaining("1028 UTF-8 bytes");
		assertThat(requests.total()).isZero();
	}

	@Test
	void keyOfExactlyTheMaximumLengthWorks() {
		String longest = "é".repeat(512);
		this.store.put(longest, "v");
		assertThat(this.store.get(longest)).contains("v");
		assertThat(this.store.keys(KeyRange.prefix(longest)).toList()).containsExactly(longest);
		assertThat(this.store.count(KeyRange.prefix(longest).gte("a"))).isEqualTo(1);
		this.store.delete(longest);
	}

	@Test
	void closedDynamoDownRefusesWork() {
		Stores closed = this.api.open(fixture.clients());
		SortedKeyValueOperations<String> template = closed.template(fixture.table(), "errors", ValueCodec.string());
		closed.close();
		closed.close();
		assertThatIllegalStateException().isThrownBy(() -> template.get("k"))
			.withMessage(((this.api == Api.BLOCKING) ? "" : "Async") + "DynamoDown has been closed");
		assertThatIllegalStateException().isThrownBy(() -> template.batch((b) -> b.put("k", "v")));
		assertThatIllegalStateException().isThrownBy(() -> template.keys(KeyRange.all()));
		assertThatIllegalStateException().isThrownBy(() -> closed.template(fixture.table(), "ns", ValueCodec.string()));
		assertThat(requests.total()).isZero();
	}

	@Test
	void serviceFailuresNameTheOperationAndCarryTheCause() {
		answers.answer("PutItem", 400, """
				{"__type":"com.amazonaws.dynamodb.v20120810#ResourceInUseException","message":"busy"}""");
		assertThatExceptionOfType(DynamoDownException.class).isThrownBy(() -> this.store.put("k", "v"))
			.withMessage("put on table '" + fixture.table() + "', namespace '" + this.store.namespace()
					+ "' failed: ResourceInUseException: busy (HTTP 400)")
			.withCauseInstanceOf(DynamoDbException.class);
		answers.answer("Query", 400, """
				{"__type":"com.amazonaws.dynamodb.v20120810#ValidationException","message":"no"}""");
		try (Stream<String> keys = this.store.keys(KeyRange.all())) {
			assertThatExceptionOfType(DynamoDownException.class).isThrownBy(keys::toList)
				.withMessageStartingWith("range on table '" + fixture.table() + "', namespace '" + this.store.namespace()
						+ "' failed: ValidationException");
		}
	}

	@Test
	void credentialsNeverAppearInMessages() {
		answers.answer("GetItem", 400, """
				{"__type":"com.amazon.coral.service#InvalidSignatureException","message":"The request signature we \
				calculated does not match the signature you provided. Check your AWS Secret Access Key and signing \
				method. The Canonical String for this request should have been 'POST / host:x \
				x-amz-security-token:%s' The String-to-Sign should have been 'AWS4-HMAC-SHA256 %s'"}"""
			.formatted(DynaliteSupport.SECRET_KEY, DynaliteSupport.ACCESS_KEY));
		assertThatExceptionOfType(DynamoDownException.class).isThrownBy(() -> this.store.get("k"))
			.satisfies((ex) -> assertThat(ex.getMessage()).contains("InvalidSignatureException")
				.contains("signed request echo omitted")
				.doesNotContain(DynaliteSupport.SECRET_KEY)
				.doesNotContain(DynaliteSupport.ACCESS_KEY));
	}

	@Test
	void unreachableEndpointIsADynamoDownException() {
		try (Clients unreachable = DynaliteSupport.clients(URI.create("http://127.0.0.1:1"), 1);
				Stores down = this.api.open(unreachable)) {
			assertThatExceptionOfType(DynamoDownException.class)
				.isThrownBy(() -> down.template("some-table/ns", ValueCodec.string()).get("k"))
				.withMessageContaining("some-table")
				.withCauseInstanceOf(SdkClientException.class)
				.satisfies((ex) -> assertThat(ex.getMessage()).doesNotContain(DynaliteSupport.SECRET_KEY)
					.doesNotContain(DynaliteSupport.ACCESS_KEY));
		}
	}

	private static void assertNpe(ThrowingCallable call, String message) {
		assertThatNullPointerException().isThrownBy(call).withMessage(message);
	}

}
