package dev.dynamodown.internal.item;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import static org.assertj.core.api.Assertions.assertThat;

class ItemSizeTest {

	@Test
	void countsStringsAndNamesInUtf8() {
		// "é" is 2 bytes, "😀" 4, "€" 3.
		assertThat(ItemSize.of(Map.of("né", AttributeValue.fromS("😀€")))).isEqualTo(3 + 7);
	}

	@Test
	void countsScalarsAsDocumented() {
		assertThat(ItemSize.value(AttributeValue.fromB(SdkBytes.fromByteArray(new byte[10])))).isEqualTo(10);
		assertThat(ItemSize.value(AttributeValue.fromBool(true))).isEqualTo(1);
		assertThat(ItemSize.value(AttributeValue.fromNul(true))).isEqualTo(1);
		assertThat(ItemSize.value(AttributeValue.fromN("-15"))).isEqualTo(3);
		assertThat(ItemSize.value(AttributeValue.fromS(""))).isZero();
	}

	@Test
	void countsContainersWithTheirOverhead() {
		assertThat(ItemSize.value(AttributeValue.fromL(List.of()))).isEqualTo(3);
		assertThat(ItemSize.value(AttributeValue.fromM(Map.of()))).isEqualTo(3);
		// 3 + (1 + 2) + (1 + 1)
		assertThat(ItemSize.value(AttributeValue.fromL(List.of(AttributeValue.fromS("ab"), AttributeValue.fromBool(false)))))
			.isEqualTo(8);
		// 3 + ("k" 1 + 1 + "xyz" 3)
		assertThat(ItemSize.value(AttributeValue.fromM(Map.of("k", AttributeValue.fromS("xyz"))))).isEqualTo(8);
	}

	@Test
	void countsSetsAsTheSumOfTheirElements() {
		assertThat(ItemSize.value(AttributeValue.fromSs(List.of("a", "bc")))).isEqualTo(3);
		assertThat(ItemSize.value(AttributeValue.fromNs(List.of("5", "-15")))).isEqualTo(5);
		assertThat(ItemSize.value(AttributeValue.fromBs(List.of(SdkBytes.fromByteArray(new byte[2]),
				SdkBytes.fromByteArray(new byte[3]))))).isEqualTo(5);
	}

	@Test
	void includesBothKeyAttributes() {
		Map<String, AttributeValue> value = new LinkedHashMap<>();
		value.put("value", AttributeValue.fromS("hello"));
		// "ns" + "notes" + "k" + "user:42" + "value" + "hello"
		assertThat(ItemSize.ofItem("ns", "notes", "k", "user:42", value)).isEqualTo(2 + 5 + 1 + 7 + 5 + 5);
	}

}
