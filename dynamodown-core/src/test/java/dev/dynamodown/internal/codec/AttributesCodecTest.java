package dev.dynamodown.internal.codec;

import java.util.List;
import java.util.Map;

import dev.dynamodown.ValueCodec;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class AttributesCodecTest {

	private final ValueCodec<Map<String, AttributeValue>> codec = ValueCodec.attributes();

	@Test
	void roundTripsTheMapAsItIs() {
		Map<String, AttributeValue> item = Map.of("tags", AttributeValue.fromSs(List.of("a", "b")), "n",
				AttributeValue.fromN("1e+21"));
		assertThat(this.codec.decode(this.codec.encode(item))).isEqualTo(item);
	}

	@Test
	void checksDynamoDbsRulesWhenEncoding() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.codec.encode(Map.of("m", AttributeValue.fromM(Map.of("", AttributeValue.fromS("x"))))))
			.withMessage("Attribute 'm' has a field with an empty name; DynamoDB refuses empty attribute names");
	}

}
