package dev.dynamodown;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Read cost: the options' {@code consistentReads} and a template's {@code withConsistentReads}
 * reach every request that answers a read (GetItem, BatchGetItem, Query, count), and not the
 * reads that decide a write ({@code clear}'s).
 */
@ParameterizedClass
@EnumSource(Api.class)
class ReadConsistencyTest {

	@Parameter
	Api api;

	private static final RequestRecorder requests = new RequestRecorder();

	@RegisterExtension
	static final DynamoDownFixture fixture = DynamoDownFixture.table("consistency")
		.interceptors(requests)
		.options(DynamoDownOptions.builder().consistentReads(false).build());

	private SortedKeyValueOperations<String> eventual;

	@BeforeEach
	void fill(TestInfo test) {
		this.eventual = fixture.template(this.api, test);
		this.eventual.batch((b) -> b.put("a", "A").put("b", "B").put("c", "C"));
		requests.reset();
	}

	@Test
	void theOptionsMakeEveryReadEventuallyConsistent() {
		readEverything(this.eventual);
		assertEveryRead(false);
	}

	@Test
	void aTemplateChoosesItsOwnConsistency() {
		SortedKeyValueOperations<String> strong = withConsistentReads(this.eventual, true);
		readEverything(strong);
		assertEveryRead(true);
		requests.reset();
		readEverything(withConsistentReads(strong, false));
		assertEveryRead(false);
		requests.reset();
		readEverything(this.eventual);
		assertEveryRead(false);
	}

	@Test
	void clearReadsTheKeysItDeletesConsistently() {
		assertThat(this.eventual.clear(KeyRange.all())).isEqualTo(3);
		assertThat(requests.requests("Query", QueryRequest.class)).singleElement()
			.satisfies((sent) -> assertThat(sent.consistentRead()).isTrue());
	}

	private static void readEverything(SortedKeyValueOperations<String> store) {
		store.get("a");
		store.exists("b");
		store.getAll(List.of("a", "b"));
		store.list(KeyRange.all());
		try (var keys = store.keys(KeyRange.all())) {
			assertThat(keys).containsExactly("a", "b", "c");
		}
		try (var values = store.values(KeyRange.all().limit(1))) {
			assertThat(values).containsExactly("A");
		}
		try (var range = store.range(KeyRange.prefix("c"))) {
			assertThat(range).hasSize(1);
		}
		assertThat(store.count(KeyRange.all())).isEqualTo(3);
	}

	private static void assertEveryRead(boolean consistent) {
		assertThat(requests.requests("GetItem", GetItemRequest.class)).hasSize(2)
			.allSatisfy((sent) -> assertThat(sent.consistentRead()).isEqualTo(consistent));
		assertThat(requests.requests("BatchGetItem", BatchGetItemRequest.class)).hasSize(1)
			.allSatisfy((sent) -> assertThat(sent.requestItems().get(fixture.table()).consistentRead())
				.isEqualTo(consistent));
		assertThat(requests.requests("Query", QueryRequest.class)).as("list, keys, values, range, count").hasSize(5)
			.allSatisfy((sent) -> assertThat(sent.consistentRead()).isEqualTo(consistent));
	}

	/** {@code withConsistentReads} of either template, behind the interface the test holds. */
	private static SortedKeyValueOperations<String> withConsistentReads(SortedKeyValueOperations<String> store,
			boolean consistent) {
		if (store instanceof SortedKeyValueTemplate<String> template) {
			SortedKeyValueTemplate<String> other = template.withConsistentReads(consistent);
			assertThat(other.consistentReads()).isEqualTo(consistent);
			return other;
		}
		AsyncSortedKeyValueTemplate<String> async = (AsyncSortedKeyValueTemplate<String>) ((BlockingView<String>) store)
			.async();
		AsyncSortedKeyValueTemplate<String> other = async.withConsistentReads(consistent);
		assertThat(other.consistentReads()).isEqualTo(consistent);
		return new BlockingView<>(other);
	}

}
