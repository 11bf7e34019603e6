package dev.dynamodown.internal.codec;

import java.util.Map;

import dev.dynamodown.ValueCodec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

class StringCodecTest {

	private final ValueCodec<String> codec = ValueCodec.string();

	@ParameterizedTest
	@ValueSource(strings = { "", "hello", "日本語", "😀 emoji", "\u0000 nul", "\uFFFF" })
	void roundTripsInTheValueAttribute(String text) {
		Map<String, AttributeValue> attributes = this.codec.encode(text);
		assertThat(attributes).containsOnly(Map.entry("value", AttributeValue.fromS(text)));
		assertThat(this.codec.decode(attributes)).isEqualTo(text);
	}

	@Test
	void refusesObjects() {
		// dynamo-down's {value: null} and {value: ""}: an object, not a null or empty string
		assertThatIllegalArgumentException().isThrownBy(() -> this.codec.decode(Map.of("value", AttributeValue.fromNul(true))))
			.withMessage("The item is an object with attributes [value], not a string in a lone 'value' attribute "
					+ "(a NULL 'value' is an object's field: no codec stores a null scalar)");
		assertThatIllegalArgumentException().isThrownBy(() -> this.codec.decode(Map.of()))
			.withMessage("The item is an object with attributes [], not a string in a lone 'value' attribute");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.codec.decode(Map.of("value", AttributeValue.fromS("x"), "n", AttributeValue.fromN("1"))))
			.withMessageStartingWith("The item is an object with attributes [");
	}

	@Test
	void refusesWhatItCannotStoreOrRead() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.codec.encode("a\uD800"))
			.withMessageContaining("lone surrogate");
		assertThatIllegalArgumentException().isThrownBy(() -> this.codec.decode(Map.of("value", AttributeValue.fromN("1"))))
			.withMessage("Attribute 'value' is not a string: N");
		assertThatNullPointerException().isThrownBy(() -> this.codec.encode(null));
	}

}
