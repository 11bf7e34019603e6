package dev.dynamodown.internal.store;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The namespace rule that keeps plain namespaces apart from the partitions of sharded ones: no
 * namespace contains U+0000, whichever way the location is given.
 */
class StoreLocationTest {

	@ParameterizedTest
	@ValueSource(strings = { "\u0000", "events\u0000", "events\u00003/8", "\u0000events", "a\u0000b/c" })
	void refusesANamespaceWithUPlus0000(String namespace) {
		assertThatIllegalArgumentException().isThrownBy(() -> new StoreLocation("table", namespace))
			.withMessageStartingWith("'namespace' must not contain U+0000 (found at index " + namespace.indexOf('\u0000') + ")");
		assertThatIllegalArgumentException().isThrownBy(() -> StoreLocation.parse("table/" + namespace))
			.withMessageStartingWith("'namespace' must not contain U+0000");
	}

	@ParameterizedTest
	@ValueSource(strings = { "events", "events/3/8", "events#3", "events:3", "events\u00013/8", "évènements😀" })
	void acceptsNamespacesThatOnlyLookLikeShards(String namespace) {
		assertThat(StoreLocation.parse("table/" + namespace).namespace()).isEqualTo(namespace);
	}

}
