package dev.dynamodown.internal.item;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class NumbersTest {

	private static final AttributePath PATH = AttributePath.attribute("price");

	@ParameterizedTest
	@CsvSource({ "1e+21, 1000000000000000000000", "5e-7, 5E-7", "-0, 0", "0.1, 0.1", "1.50, 1.5" })
	void parsesJavaScriptNumberTextExactly(String text, String exact) {
		assertThat(Numbers.parse(text, PATH)).isEqualByComparingTo(new BigDecimal(exact));
	}

	@Test
	void refusesTextThatIsNotANumber() {
		assertThatIllegalArgumentException().isThrownBy(() -> Numbers.parse("NaN", PATH))
			.withMessage("Attribute 'price' is not a number: \"NaN\"");
	}

	@ParameterizedTest
	@ValueSource(strings = { "1E-130", "-1E-130", "9.9999999999999999999999999999999999999E+125",
			"-9.9999999999999999999999999999999999999E+125", "12345678901234567890123456789012345678",
			"1234567890123456789012345678901234567800000", "0", "0E-200" })
	void acceptsDynamoDbsRange(String text) {
		BigDecimal value = new BigDecimal(text);
		assertThat(Numbers.requireStorable(value, PATH)).isSameAs(value);
	}

	@Test
	void refusesMoreThan38SignificantDigits() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> Numbers.requireStorable(new BigDecimal("123456789012345678901234567890123456789"), PATH))
			.withMessage("Attribute 'price' has 39 significant digits; DynamoDB stores at most 38 "
					+ "(123456789012345678901234567890123456789)");
	}

	@ParameterizedTest
	@ValueSource(strings = { "1E+126", "-1E+126", "9E-131", "-9E-131" })
	void refusesNumbersOutOfRange(String text) {
		assertThatIllegalArgumentException().isThrownBy(() -> Numbers.requireStorable(new BigDecimal(text), PATH))
			.withMessageStartingWith("Attribute 'price' is " + new BigDecimal(text) + ", outside DynamoDB's number range");
	}

	@ParameterizedTest
	@CsvSource({ "0.1, 0.1", "1.50, 1.5", "100, 100", "1E+20, 100000000000000000000", "1E+21, 1E+21",
			"0.000001, 0.000001", "0.0000005, 5E-7", "-0.00, 0", "123.4500, 123.45" })
	void writesShortExactText(String value, String text) {
		assertThat(Numbers.text(new BigDecimal(value))).isEqualTo(text);
	}

	@ParameterizedTest
	@CsvSource({ "0, 1", "5, 2", "15, 2", "1.5, 3", "150, 3", "-15, 3", "0.15, 2", "0.015, 3",
			"12345678901234567890123456789012345678, 20" })
	void sizesNumbersLikeDynamoDb(String value, int bytes) {
		assertThat(Numbers.size(new BigDecimal(value))).isEqualTo(bytes);
	}

}
