package dev.dynamodown.benchmarks.proxy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** Item sizes from DynamoDB's wire JSON, and the units they cost. */
class ItemSizesTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = {
			"{\"ns\":{\"S\":\"bench\"},\"k\":{\"S\":\"key-0000001\"}}                 | 19",
			"{\"é\":{\"S\":\"😀\"}}                                                   | 6",
			"{\"n\":{\"N\":\"12345\"}}                                                | 5",
			"{\"n\":{\"N\":\"-0.00120\"}}                                             | 3",
			"{\"n\":{\"N\":\"1.5E+10\"}}                                              | 3",
			"{\"n\":{\"N\":\"0\"}}                                                    | 2",
			"{\"b\":{\"B\":\"AAECAw==\"}}                                             | 5",
			"{\"t\":{\"BOOL\":true},\"z\":{\"NULL\":true}}                            | 4",
			"{\"s\":{\"SS\":[\"ab\",\"c\"]},\"b\":{\"BS\":[\"AAE=\",\"AA==\"]}}      | 8",
			"{\"l\":{\"L\":[{\"S\":\"ab\"},{\"N\":\"7\"}]}}                           | 10",
			"{\"m\":{\"M\":{\"ab\":{\"S\":\"x\"},\"c\":{\"L\":[]}}}}                   | 13" })
	void sizeIsNamesPlusValuesAsDynamoDbCountsThem(String item, long size) {
		assertThat(ItemSizes.size(JSON.readTree(item))).isEqualTo(size);
	}

	@Test
	void writesCostAUnitPerStartedKilobyteReadsPer4KilobytesHalfWhenEventual() {
		assertThat(ItemSizes.writeUnits(0)).isEqualTo(ItemSizes.UNIT);
		assertThat(ItemSizes.writeUnits(1024)).isEqualTo(ItemSizes.UNIT);
		assertThat(ItemSizes.writeUnits(1025)).isEqualTo(2 * ItemSizes.UNIT);
		assertThat(ItemSizes.readUnits(4096, true)).isEqualTo(ItemSizes.UNIT);
		assertThat(ItemSizes.readUnits(4097, true)).isEqualTo(2 * ItemSizes.UNIT);
		assertThat(ItemSizes.readUnits(4097, false)).isEqualTo(ItemSizes.UNIT);
		assertThat(ItemSizes.minimumReadUnits(false)).isEqualTo(ItemSizes.UNIT / 2);
	}

}
