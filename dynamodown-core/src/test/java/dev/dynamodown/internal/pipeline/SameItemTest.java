package dev.dynamodown.internal.pipeline;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import static org.assertj.core.api.Assertions.assertThat;

/** Items compare as DynamoDB stores them: numbers by value, sets without order. */
class SameItemTest {

	@Test
	void numbersCompareByValue() {
		assertThat(SameItem.same(Map.of("n", AttributeValue.fromN("1.50")), Map.of("n", AttributeValue.fromN("1.5"))))
			.isTrue();
		assertThat(SameItem.same(Map.of("n", AttributeValue.fromN("1.5")), Map.of("n", AttributeValue.fromN("1.6"))))
			.isFalse();
		assertThat(SameItem.same(Map.of("n", AttributeValue.fromN("1")), Map.of("n", AttributeValue.fromS("1"))))
			.isFalse();
	}

	@Test
	void setsIgnoreOrder() {
		assertThat(SameItem.same(Map.of("s", AttributeValue.fromSs(List.of("a", "b"))),
				Map.of("s", AttributeValue.fromSs(List.of("b", "a")))))
			.isTrue();
		assertThat(SameItem.same(Map.of("s", AttributeValue.fromNs(List.of("1.0", "2"))),
				Map.of("s", AttributeValue.fromNs(List.of("2", "1")))))
			.isTrue();
		assertThat(SameItem.same(Map.of("s", AttributeValue.fromBs(List.of(SdkBytes.fromUtf8String("x")))),
				Map.of("s", AttributeValue.fromBs(List.of(SdkBytes.fromUtf8String("y"))))))
			.isFalse();
	}

	@Test
	void listsKeepOrderAndMapsNest() {
		AttributeValue list = AttributeValue.fromL(List.of(AttributeValue.fromN("1"), AttributeValue.fromS("x")));
		AttributeValue reversed = AttributeValue.fromL(List.of(AttributeValue.fromS("x"), AttributeValue.fromN("1")));
		assertThat(SameItem.same(Map.of("l", list), Map.of("l", reversed))).isFalse();
		assertThat(SameItem.same(Map.of("m", AttributeValue.fromM(Map.of("n", AttributeValue.fromN("2.0"), "l", list)),
				"b", AttributeValue.fromBool(true)),
				Map.of("m", AttributeValue.fromM(Map.of("n", AttributeValue.fromN("2"), "l", list)), "b",
						AttributeValue.fromBool(true))))
			.isTrue();
		assertThat(SameItem.same(Map.of("a", AttributeValue.fromS("x")),
				Map.of("a", AttributeValue.fromS("x"), "b", AttributeValue.fromNul(true))))
			.isFalse();
	}

}
