package dev.dynamodown;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.stream.IntStream;

import org.assertj.core.api.ThrowableAssertAlternative;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;
import software.amazon.awssdk.services.dynamodb.model.UpdateTimeToLiveRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The key attribute names are discovered, never assumed: any names work (reserved words
 * included), unusable tables are refused with {@link TableSchemaException}, and each table is
 * described once per {@link DynamoDown}.
 */
@ParameterizedClass
@EnumSource(Api.class)
class SchemaTest {

	@Parameter
	Api api;

	private static final RequestRecorder requests = new RequestRecorder();

	private static Clients clients;

	private static DynamoDbClient client;

	private Stores dynamoDown;

	@BeforeAll
	static void start() {
		clients = DynaliteSupport.clients(requests);
		client = clients.blocking();
	}

	@AfterAll
	static void close() {
		clients.close();
	}

	@BeforeEach
	void freshDynamoDown() {
		this.dynamoDown = this.api.open(clients);
		requests.reset();
	}

	@AfterEach
	void closeDynamoDown() {
		this.dynamoDown.close();
	}

	@Test
	void anyKeyAttributeNamesWork() {
		String table = DynaliteSupport.createTable(client, "pksk", "pk", ScalarAttributeType.S, "sk",
				ScalarAttributeType.S);
		assertEveryOperationWorks(table, "pk", "sk");
	}

	@Test
	void reservedWordsAsKeyAttributeNamesWork() {
		String table = DynaliteSupport.createTable(client, "reserved", "name", ScalarAttributeType.S, "key",
				ScalarAttributeType.S);
		assertEveryOperationWorks(table, "name", "key");
	}

	@Test
	void missingTableIsRefusedAndWorksOnceCreated() {
		String table = DynaliteSupport.uniqueTableName("later");
		SortedKeyValueOperations<String> store = this.dynamoDown.template(table, "ns", ValueCodec.string());
		assertThat(requests.total()).as("a template is created without any request").isZero();
		assertThatExceptionOfType(TableSchemaException.class).isThrownBy(() -> store.get("k"))
			.withMessage("Table '" + table + "' does not exist")
			.satisfies((ex) -> assertThat(ex.table()).isEqualTo(table));
		this.dynamoDown.createTableIfMissing(table);
		store.put("k", "v");
		assertThat(store.get("k")).contains("v");
	}

	@Test
	void tableWithoutRangeKeyIsRefused() {
		String table = DynaliteSupport.createTable(client, "hashonly", "id", ScalarAttributeType.S, null, null);
		assertFirstUseRefused(table, (store) -> store.put("k", "v"))
			.withMessageContaining("Table '" + table + "' has no range key");
	}

	@Test
	void numericRangeKeyIsRefused() {
		String table = DynaliteSupport.createTable(client, "rangen", "ns", ScalarAttributeType.S, "k", ScalarAttributeType.N);
		assertFirstUseRefused(table, (store) -> store.list(KeyRange.all()))
			.withMessage("Table '" + table + "' has range key 'k' of type N; a store needs type S (string)");
	}

	@Test
	void binaryHashKeyIsRefused() {
		String table = DynaliteSupport.createTable(client, "hashb", "ns", ScalarAttributeType.B, "k", ScalarAttributeType.S);
		assertFirstUseRefused(table, (store) -> store.count(KeyRange.all()))
			.withMessageContaining("hash key 'ns' of type B");
	}

	@Test
	void eachTableIsDescribedOncePerDynamoDown() throws Exception {
		String table = DynaliteSupport.createTable(client, "once");
		requests.reset();
		ExecutorService threads = Executors.newFixedThreadPool(8);
		try {
			List<CompletableFuture<Void>> uses = IntStream.range(0, 16)
				.mapToObj((i) -> CompletableFuture.runAsync(() -> this.dynamoDown
					.template(table + "/ns" + (i % 2), ValueCodec.string())
					.put("k" + i, "v"), threads))
				.toList();
			CompletableFuture.allOf(uses.toArray(CompletableFuture[]::new)).get();
		}
		finally {
			threads.shutdown();
		}
		this.dynamoDown.template(table, "ns0", ValueCodec.string()).list(KeyRange.all());
		assertThat(requests.count("DescribeTable")).isEqualTo(1);
		assertThat(requests.count("PutItem")).isEqualTo(16);
		try (Stores another = this.api.open(clients)) {
			another.template(table, "ns0", ValueCodec.string()).get("k0");
		}
		assertThat(requests.count("DescribeTable")).as("another DynamoDown has its own cache").isEqualTo(2);
	}

	@Test
	void tableRecreatedWithAnotherLayoutIsDescribedAgain() {
		String table = DynaliteSupport.createTable(client, "recreated");
		SortedKeyValueOperations<String> store = this.dynamoDown.template(table, "ns", ValueCodec.string());
		store.put("k", "v");
		client.deleteTable((r) -> r.tableName(table));
		assertThatExceptionOfType(TableSchemaException.class).isThrownBy(() -> store.get("k"))
			.withMessageContaining("does not exist");
		client.createTable((r) -> r.tableName(table)
			.billingMode(BillingMode.PAY_PER_REQUEST)
			.attributeDefinitions((a) -> a.attributeName("p").attributeType(ScalarAttributeType.S),
					(a) -> a.attributeName("s").attributeType(ScalarAttributeType.S))
			.keySchema((k) -> k.attributeName("p").keyType(KeyType.HASH), (k) -> k.attributeName("s").keyType(KeyType.RANGE)));
		DynaliteSupport.awaitActive(client, table);
		store.put("k", "again");
		assertThat(client.getItem((r) -> r.tableName(table)
			.key(Map.of("p", AttributeValue.fromS("ns"), "s", AttributeValue.fromS("k")))).item())
			.containsEntry("value", AttributeValue.fromS("again"));
	}

	@Test
	void createTableIfMissingCreatesTheDefaultLayoutOnce() {
		String table = DynaliteSupport.uniqueTableName("created");
		this.dynamoDown.createTableIfMissing(table);
		TableDescription description = client.describeTable((r) -> r.tableName(table)).table();
		assertThat(description.tableStatus()).isEqualTo(TableStatus.ACTIVE);
		assertThat(description.keySchema()).containsExactly(
				KeySchemaElement.builder().attributeName("ns").keyType(KeyType.HASH).build(),
				KeySchemaElement.builder().attributeName("k").keyType(KeyType.RANGE).build());
		assertThat(description.billingModeSummary().billingMode()).isEqualTo(BillingMode.PAY_PER_REQUEST);
		this.dynamoDown.createTableIfMissing(table);
		assertThat(requests.count("CreateTable")).isEqualTo(1);
	}

	@Test
	void createTableIfMissingAsksForTtlOnTheExpiryAttributeAndToleratesAnEndpointWithout() {
		String table = DynaliteSupport.uniqueTableName("ttl");
		this.dynamoDown.createTableIfMissing(table);
		assertThat(requests.requests("UpdateTimeToLive", UpdateTimeToLiveRequest.class))
			.as("dynalite refuses it as an unknown operation: tolerated, not retried")
			.singleElement()
			.satisfies((sent) -> {
				assertThat(sent.tableName()).isEqualTo(table);
				assertThat(sent.timeToLiveSpecification().attributeName()).isEqualTo("expires");
				assertThat(sent.timeToLiveSpecification().enabled()).isTrue();
			});
		SortedKeyValueOperations<String> store = this.dynamoDown.template(table, "ns", ValueCodec.string());
		store.put("k", "v", java.time.Duration.ofHours(1));
		assertThat(store.get("k")).contains("v");
	}

	@Test
	void aKeyAttributeNamedLikeTheExpiryAttributeIsRefusedUnlessAnotherIsChosen() {
		String table = DynaliteSupport.createTable(client, "expires-key", "ns", ScalarAttributeType.S, "expires",
				ScalarAttributeType.S);
		assertFirstUseRefused(table, (store) -> store.get("k"))
			.withMessage("Table '" + table + "' has range key 'expires', the name of the expiry attribute; choose another "
					+ "expiry attribute (DynamoDownOptions.expiryAttribute)");
		try (Stores other = this.api.open(clients, DynamoDownOptions.builder().expiryAttribute("ttl").build())) {
			SortedKeyValueOperations<String> store = other.template(table, "ns", ValueCodec.string());
			store.put("k", "v", java.time.Duration.ofHours(1));
			assertThat(store.get("k")).contains("v");
			assertThat(client.getItem((r) -> r.tableName(table)
				.key(Map.of("ns", AttributeValue.fromS("ns"), "expires", AttributeValue.fromS("k")))).item())
				.containsOnlyKeys("ns", "expires", "value", "ttl");
		}
	}

	@Test
	void createTableIfMissingLeavesAnExistingTableAlone() {
		String table = DynaliteSupport.createTable(client, "existing", "pk", ScalarAttributeType.S, "sk",
				ScalarAttributeType.S);
		requests.reset();
		this.dynamoDown.createTableIfMissing(table);
		assertThat(requests.count("CreateTable")).isZero();
		assertThat(requests.count("UpdateTimeToLive")).isZero();
		assertThat(client.describeTable((r) -> r.tableName(table)).table().keySchema())
			.extracting(KeySchemaElement::attributeName)
			.containsExactly("pk", "sk");
	}

	/** Asserts that the first use of a store in an unusable table is refused, for further assertions. */
	private ThrowableAssertAlternative<TableSchemaException> assertFirstUseRefused(String table,
			Consumer<SortedKeyValueOperations<String>> use) {
		return assertThatExceptionOfType(TableSchemaException.class)
			.isThrownBy(() -> use.accept(this.dynamoDown.template(table, "ns", ValueCodec.string())));
	}

	private void assertEveryOperationWorks(String table, String hashName, String rangeName) {
		SortedKeyValueOperations<String> store = this.dynamoDown.template(table, "ns", ValueCodec.string());
		store.put("b", "B");
		assertThat(store.putIfAbsent("a", "A")).isTrue();
		assertThat(store.putIfAbsent("a", "other")).isFalse();
		store.batch((b) -> b.put("c", "C").put("d", "D").delete("b"));
		assertThat(store.get("a")).contains("A");
		assertThat(store.getAll(List.of("a", "c", "x"))).containsOnlyKeys("a", "c");
		assertThat(store.keys(KeyRange.all()).toList()).containsExactly("a", "c", "d");
		assertThat(store.values(KeyRange.all().gt("a").lte("d").reverse()).toList()).containsExactly("D", "C");
		assertThat(store.count(KeyRange.prefix("c"))).isEqualTo(1);
		assertThat(store.count(KeyRange.all().gt("a").lt("d"))).isEqualTo(1);
		Map<String, AttributeValue> raw = client.getItem((r) -> r.tableName(table)
			.key(Map.of(hashName, AttributeValue.fromS("ns"), rangeName, AttributeValue.fromS("a")))).item();
		assertThat(raw).containsOnlyKeys(hashName, rangeName, "value");
		store.delete("a");
		assertThat(store.clear(KeyRange.all())).isEqualTo(2);
		assertThat(store.count(KeyRange.all())).isZero();
	}

}
