package dev.dynamodown.internal.item;

import java.math.BigDecimal;

/**
 * DynamoDB's numbers: at most 38 significant digits, magnitude from 1E-130 to
 * 9.9999999999999999999999999999999999999E+125, or zero. Always handled as {@link BigDecimal} so
 * that no digit is lost on the way, never through {@code double}.
 *
 * @see <a href="https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/HowItWorks.NamingRulesDataTypes.html#HowItWorks.DataTypes.Number">DynamoDB: Number</a>
 */
public final class Numbers {

	/** Most significant digits DynamoDB stores. */
	public static final int MAX_DIGITS = 38;

	/** Largest decimal exponent of the first digit (9.99…E+125). */
	public static final int MAX_EXPONENT = 125;

	/** Smallest decimal exponent of the first digit (1E-130). */
	public static final int MIN_EXPONENT = -130;

	private Numbers() {
	}

	/**
	 * Parses the text of an {@code N} attribute exactly; accepts JavaScript's number text too
	 * ({@code 1e+21}, {@code 5e-7}, {@code -0}).
	 * @param text the text
	 * @param path where it sits, for the message
	 * @return its value
	 * @throws IllegalArgumentException if it is not a decimal number
	 */
	public static BigDecimal parse(String text, AttributePath path) {
		try {
			return new BigDecimal(text);
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException("Attribute '" + path + "' is not a number: \"" + text + "\"", ex);
		}
	}

	/**
	 * Checks that DynamoDB can store a number.
	 * @param value the number
	 * @param path where it sits, for the message
	 * @return the value
	 * @throws IllegalArgumentException if it has too many digits or is out of range
	 */
	public static BigDecimal requireStorable(BigDecimal value, AttributePath path) {
		if (value.signum() == 0) {
			return value;
		}
		BigDecimal stripped = value.stripTrailingZeros();
		if (stripped.precision() > MAX_DIGITS) {
			throw new IllegalArgumentException("Attribute '" + path + "' has " + stripped.precision()
					+ " significant digits; DynamoDB stores at most " + MAX_DIGITS + " (" + stripped + ")");
		}
		int exponent = exponent(stripped);
		if (exponent > MAX_EXPONENT || exponent < MIN_EXPONENT) {
			throw new IllegalArgumentException("Attribute '" + path + "' is " + stripped
					+ ", outside DynamoDB's number range (magnitude 1E-130 to 9.9999999999999999999999999999999999999E+125, or 0)");
		}
		return value;
	}

	/**
	 * The text written to an {@code N} attribute: exact, without trailing zeros, plain where
	 * JavaScript's {@code String(number)} is plain (exponents -7 to 20), else scientific
	 * ({@code 1E+21}, {@code 5E-7}).
	 * @param value the number
	 * @return its text
	 */
	public static String text(BigDecimal value) {
		if (value.signum() == 0) {
			return "0";
		}
		BigDecimal stripped = value.stripTrailingZeros();
		int exponent = exponent(stripped);
		return (exponent >= -6 && exponent <= 20) ? stripped.toPlainString() : stripped.toString();
	}

	/**
	 * The bytes DynamoDB counts for a number's value. Its documentation gives "approximately 1 byte
	 * per two significant digits, plus 1 byte"; the exact figure follows the base-100 layout DynamoDB
	 * uses (and dynalite computes): one byte for the exponent, one per pair of digits aligned on the
	 * decimal point, one more for a negative number. Never less than the documented figure.
	 * @param value a storable number
	 * @return its size in bytes
	 * @see <a href="https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/CapacityUnitCalculations.html">DynamoDB item sizes and formats</a>
	 */
	public static int size(BigDecimal value) {
		if (value.signum() == 0) {
			return 1;
		}
		BigDecimal stripped = value.stripTrailingZeros();
		int digits = stripped.precision();
		// An even exponent puts the first digit alone in its base-100 pair.
		int pairs = (Math.floorMod(exponent(stripped), 2) == 0) ? (digits + 2) / 2 : (digits + 1) / 2;
		return 1 + pairs + ((value.signum() < 0) ? 1 : 0);
	}

	/** The decimal exponent of the first significant digit: 2 for 150, -1 for 0.15. */
	private static int exponent(BigDecimal nonZero) {
		return nonZero.precision() - nonZero.scale() - 1;
	}

}
