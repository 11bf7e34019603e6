package dev.dynamodown.internal.codec;

import java.util.Map;

import dev.dynamodown.ValueCodec;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class BytesCodecTest {

	private final ValueCodec<byte[]> codec = ValueCodec.bytes();

	@Test
	void roundTripsInTheValueAttribute() {
		byte[] bytes = { 0, 1, (byte) 0xFF, (byte) 0x80 };
		Map<String, AttributeValue> attributes = this.codec.encode(bytes);
		assertThat(attributes).containsOnly(Map.entry("value", AttributeValue.fromB(SdkBytes.fromByteArray(bytes))));
		assertThat(this.codec.decode(attributes)).containsExactly(bytes);
		assertThat(this.codec.decode(this.codec.encode(new byte[0]))).isEmpty();
	}

	@Test
	void refusesAnotherType() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.codec.decode(Map.of("value", AttributeValue.fromS("x"))))
			.withMessage("Attribute 'value' is not binary: S");
	}

	@Test
	void refusesObjects() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.codec.decode(Map.of("value", AttributeValue.fromNul(true))))
			.withMessageStartingWith("The item is an object with attributes [value], not binary data in a lone 'value' attribute");
		assertThatIllegalArgumentException().isThrownBy(() -> this.codec.decode(Map.of("name", AttributeValue.fromS("x"))))
			.withMessage("The item is an object with attributes [name], not binary data in a lone 'value' attribute");
	}

}
