package dev.dynamodown;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Stores in one table never see each other's keys, even when one namespace is a prefix of
 * another or holds slashes.
 */
@ParameterizedClass
@EnumSource(Api.class)
class NamespaceIsolationTest {

	@Parameter
	Api api;

	@RegisterExtension
	static final DynamoDownFixture fixture = DynamoDownFixture.table("isolation");

	private SortedKeyValueOperations<String> left;

	private SortedKeyValueOperations<String> right;

	@BeforeEach
	void fill() {
		String namespace = "users-" + System.nanoTime();
		this.left = fixture.stores(this.api).template(fixture.table() + "/" + namespace, ValueCodec.string());
		this.right = fixture.stores(this.api).template(fixture.table() + "/" + namespace + "/archive", ValueCodec.string());
		this.left.batch((b) -> b.put("a", "left a").put("b", "left b").put("shared", "left"));
		this.right.batch((b) -> b.put("c", "right c").put("shared", "right"));
	}

	@Test
	void locationsSplitAtTheFirstSlash() {
		assertThat(this.right.table()).isEqualTo(fixture.table());
		assertThat(this.right.namespace()).isEqualTo(this.left.namespace() + "/archive");
	}

	@Test
	void sameKeyHoldsOneValuePerNamespace() {
		assertThat(this.left.get("shared")).contains("left");
		assertThat(this.right.get("shared")).contains("right");
		assertThat(this.left.get("c")).isEmpty();
		assertThat(this.right.getAll(List.of("a", "b", "c", "shared"))).containsOnlyKeys("c", "shared");
	}

	@Test
	void rangesAndCountsStayInTheirNamespace() {
		assertThat(this.left.keys(KeyRange.all()).toList()).containsExactly("a", "b", "shared");
		assertThat(this.right.keys(KeyRange.all().reverse()).toList()).containsExactly("shared", "c");
		assertThat(this.left.count(KeyRange.all())).isEqualTo(3);
		assertThat(this.right.count(KeyRange.all().gte("a"))).isEqualTo(2);
	}

	@Test
	void clearAndDestroyStayInTheirNamespace() {
		assertThat(this.left.clear(KeyRange.all().gte("b"))).isEqualTo(2);
		assertThat(this.right.keys(KeyRange.all()).toList()).containsExactly("c", "shared");
		this.right.destroy();
		assertThat(this.right.count(KeyRange.all())).isZero();
		assertThat(this.left.keys(KeyRange.all()).toList()).containsExactly("a");
	}

	@Test
	void batchesStayInTheirNamespace() {
		this.left.batch((b) -> b.delete("shared").put("c", "left c"));
		assertThat(this.right.list(KeyRange.all())).containsExactly(new KeyValue<>("c", "right c"),
				new KeyValue<>("shared", "right"));
	}

}
