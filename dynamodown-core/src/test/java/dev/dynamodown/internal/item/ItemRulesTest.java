package dev.dynamodown.internal.item;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.dynamodown.internal.schema.TableSchema;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

class ItemRulesTest {

	private static AttributeValue s(String text) {
		return AttributeValue.fromS(text);
	}

	private static void check(String key, Map<String, AttributeValue> value) {
		ItemRules.checkItem(new TableSchema("t", "ns", "k"), "notes", key, value, null);
	}

	/** A scalar wrapped in {@code maps} single-entry maps. */
	private static AttributeValue nestedMaps(int maps) {
		AttributeValue value = s("leaf");
		for (int i = 0; i < maps; i++) {
			value = AttributeValue.fromM(Map.of("a", value));
		}
		return value;
	}

	@Nested
	class ReservedNames {

		@Test
		void refusesTheHashKeyName() {
			assertThatIllegalArgumentException().isThrownBy(() -> check("user:42", Map.of("ns", s("x"))))
				.withMessage("Value of key \"user:42\" has a field named 'ns', which is the table's hash-key attribute "
						+ "and cannot be overwritten");
		}

		@Test
		void refusesTheRangeKeyName() {
			assertThatIllegalArgumentException().isThrownBy(() -> check("user:42", Map.of("k", s("x"))))
				.withMessageContaining("range-key attribute");
		}

		@Test
		void refusesTheExpiryAttributeName() {
			assertThatIllegalArgumentException().isThrownBy(() -> check("user:42", Map.of("expires", s("x"))))
				.withMessage("Value of key \"user:42\" has a field named 'expires', which is the expiry attribute "
						+ "(DynamoDownOptions.expiryAttribute) and cannot be overwritten");
			TableSchema ttl = new TableSchema("t", "ns", "k", "ttl");
			assertThatIllegalArgumentException()
				.isThrownBy(() -> ItemRules.checkItem(ttl, "notes", "user:42", Map.of("ttl", s("x")), null))
				.withMessageContaining("field named 'ttl', which is the expiry attribute");
			assertThatCode(() -> ItemRules.checkItem(ttl, "notes", "user:42", Map.of("expires", s("x")), null))
				.as("another expiry attribute frees the name").doesNotThrowAnyException();
		}

		@Test
		void allowsThemNested() {
			assertThatCode(() -> check("user:42", Map.of("m", AttributeValue.fromM(Map.of("ns", s("x"))))))
				.doesNotThrowAnyException();
		}

	}

	@Nested
	class Size {

		// Key attributes: "ns" + "notes" + "k" + "key" = 11 bytes; attribute name "value" = 5.
		private static final int OVERHEAD = 11 + 5;

		@Test
		void acceptsExactly409600Bytes() {
			assertThatCode(() -> check("key", Map.of("value", s("x".repeat(409_600 - OVERHEAD)))))
				.doesNotThrowAnyException();
		}

		@Test
		void refuses409601Bytes() {
			assertThatIllegalArgumentException()
				.isThrownBy(() -> check("key", Map.of("value", s("x".repeat(409_601 - OVERHEAD)))))
				.withMessage("Item \"key\" is 409,601 bytes; DynamoDB allows at most 409,600 "
						+ "(attribute names and values in UTF-8)");
		}

		@Test
		void countsMultiByteCharactersInUtf8() {
			// 4 bytes per emoji: (409,600 - 16) / 4 = 102,396 emoji fit exactly, one more does not.
			assertThatCode(() -> check("key", Map.of("value", s("😀".repeat((409_600 - OVERHEAD) / 4)))))
				.doesNotThrowAnyException();
			assertThatIllegalArgumentException()
				.isThrownBy(() -> check("key", Map.of("value", s("😀".repeat((409_600 - OVERHEAD) / 4 + 1)))))
				.withMessageStartingWith("Item \"key\" is 409,604 bytes");
		}

		@Test
		void countsTheExpiryTime() {
			AttributeValue expiresAt = AttributeValue.fromN("1700000000");
			long expiry = ItemSize.of(Map.of("expires", expiresAt));
			Map<String, AttributeValue> full = Map.of("value", s("x".repeat(409_600 - OVERHEAD)));
			assertThatIllegalArgumentException()
				.isThrownBy(() -> ItemRules.checkItem(new TableSchema("t", "ns", "k"), "notes", "key", full, expiresAt))
				.withMessageStartingWith("Item \"key\" is " + String.format(java.util.Locale.ROOT, "%,d", 409_600 + expiry));
			Map<String, AttributeValue> fits = Map.of("value", s("x".repeat(409_600 - OVERHEAD - (int) expiry)));
			assertThatCode(() -> ItemRules.checkItem(new TableSchema("t", "ns", "k"), "notes", "key", fits, expiresAt))
				.doesNotThrowAnyException();
		}

	}

	@Nested
	class Nesting {

		@Test
		void acceptsAScalarAtLevel32() {
			// The attribute is level 1, 31 maps around the scalar put it at level 32.
			assertThatCode(() -> check("key", Map.of("a", nestedMaps(31)))).doesNotThrowAnyException();
		}

		@Test
		void refusesAScalarAtLevel33() {
			assertThatIllegalArgumentException().isThrownBy(() -> check("key", Map.of("a", nestedMaps(32))))
				.withMessage("Item \"key\": Attribute '" + "a.".repeat(32) + "a' is nested 33 levels deep; "
						+ "DynamoDB allows at most 32");
		}

		@Test
		void countsListsLikeMaps() {
			AttributeValue value = s("leaf");
			for (int i = 0; i < 32; i++) {
				value = (i % 2 == 0) ? AttributeValue.fromL(List.of(value)) : AttributeValue.fromM(Map.of("m", value));
			}
			AttributeValue tooDeep = value;
			assertThatIllegalArgumentException().isThrownBy(() -> ItemRules.checkAttributes(Map.of("a", tooDeep)))
				.withMessageStartingWith("Attribute 'a.m[0].m[0]")
				.withMessageEndingWith("is nested 33 levels deep; DynamoDB allows at most 32");
		}

	}

	@Nested
	class Names {

		@Test
		void refusesAnEmptyTopLevelName() {
			assertThatIllegalArgumentException().isThrownBy(() -> check("key", Map.of("", s("x"))))
				.withMessage("Item \"key\": Attribute names must not be empty (DynamoDB refuses them)");
		}

		@Test
		void refusesAnEmptyNestedName() {
			AttributeValue address = AttributeValue.fromM(Map.of("lines",
					AttributeValue.fromL(List.of(AttributeValue.fromM(Map.of("", s("x")))))));
			assertThatIllegalArgumentException().isThrownBy(() -> ItemRules.checkAttributes(Map.of("address", address)))
				.withMessage("Attribute 'address.lines[0]' has a field with an empty name; "
						+ "DynamoDB refuses empty attribute names");
		}

		@Test
		void refusesALoneSurrogateInANameOrText() {
			assertThatIllegalArgumentException().isThrownBy(() -> ItemRules.checkAttributes(Map.of("a\uD800", s("x"))))
				.withMessage("Attribute 'a\uD800' has a lone surrogate in its name at index 1, which cannot be stored as UTF-8");
			assertThatIllegalArgumentException()
				.isThrownBy(() -> ItemRules.checkAttributes(Map.of("a", AttributeValue.fromL(List.of(s("ok😀\uDC00"))))))
				.withMessage("Attribute 'a[0]' has a lone surrogate in its text at index 4, which cannot be stored as UTF-8");
		}

	}

	@Nested
	class Values {

		@Test
		void refusesNumbersDynamoDbCannotStore() {
			AttributeValue deep = AttributeValue.fromM(Map.of("n", AttributeValue.fromN("1E+126")));
			assertThatIllegalArgumentException().isThrownBy(() -> check("key", Map.of("m", deep)))
				.withMessageStartingWith("Item \"key\": Attribute 'm.n' is 1E+126, outside DynamoDB's number range");
			assertThatIllegalArgumentException()
				.isThrownBy(() -> ItemRules.checkAttributes(Map.of("n", AttributeValue.fromN("0x10"))))
				.withMessage("Attribute 'n' is not a number: \"0x10\"");
			assertThatIllegalArgumentException()
				.isThrownBy(() -> ItemRules.checkAttributes(Map.of("n", AttributeValue.fromNs(List.of("1", "1E-131")))))
				.withMessageStartingWith("Attribute 'n[1]' is 1E-131, outside");
		}

		@Test
		void refusesEmptySetsAndDuplicates() {
			assertThatIllegalArgumentException()
				.isThrownBy(() -> ItemRules.checkAttributes(Map.of("tags", AttributeValue.fromSs(List.of()))))
				.withMessage("Attribute 'tags' is an empty string set; DynamoDB refuses empty sets");
			assertThatIllegalArgumentException()
				.isThrownBy(() -> ItemRules.checkAttributes(Map.of("n", AttributeValue.fromNs(List.of("1", "1.0")))))
				.withMessage("Attribute 'n' is a number set with a duplicate element at index 1; "
						+ "DynamoDB refuses duplicates in sets");
			assertThatIllegalArgumentException()
				.isThrownBy(() -> ItemRules.checkAttributes(Map.of("b", AttributeValue.fromBs(List.of(
						SdkBytes.fromByteArray(new byte[] { 1 }), SdkBytes.fromByteArray(new byte[] { 1 }))))))
				.withMessageContaining("binary set with a duplicate element at index 1");
		}

		@Test
		void refusesNullFalseAndUntypedValues() {
			assertThatIllegalArgumentException()
				.isThrownBy(() -> ItemRules.checkAttributes(Map.of("x", AttributeValue.fromNul(false))))
				.withMessage("Attribute 'x' is NULL false; DynamoDB accepts only NULL true");
			assertThatIllegalArgumentException()
				.isThrownBy(() -> ItemRules.checkAttributes(Map.of("x", AttributeValue.builder().build())))
				.withMessageStartingWith("Attribute 'x' must have exactly one type");
			assertThatIllegalArgumentException()
				.isThrownBy(() -> ItemRules.checkAttributes(Map.of("x", AttributeValue.builder().s("a").n("1").build())))
				.withMessageStartingWith("Attribute 'x' must have exactly one type");
		}

		@Test
		void refusesNullAttributeValues() {
			Map<String, AttributeValue> attributes = new HashMap<>();
			attributes.put("x", null);
			assertThatNullPointerException().isThrownBy(() -> ItemRules.checkAttributes(attributes))
				.withMessageStartingWith("Attribute 'x' must not be null");
			List<AttributeValue> elements = new ArrayList<>();
			elements.add(null);
			assertThatNullPointerException()
				.isThrownBy(() -> ItemRules.checkAttributes(Map.of("l", AttributeValue.fromL(elements))))
				.withMessageStartingWith("Attribute 'l[0]' must not be null");
		}

		@Test
		void acceptsEveryTypeItCanStore() {
			Map<String, AttributeValue> attributes = Map.of("s", s(""), "n", AttributeValue.fromN("-0.5"), "b",
					AttributeValue.fromB(SdkBytes.fromByteArray(new byte[0])), "t", AttributeValue.fromBool(false), "z",
					AttributeValue.fromNul(true), "l", AttributeValue.fromL(List.of()), "m", AttributeValue.fromM(Map.of()),
					"ss", AttributeValue.fromSs(List.of("a", "b")), "nums", AttributeValue.fromNs(List.of("1", "2")));
			assertThatCode(() -> check("key", attributes)).doesNotThrowAnyException();
		}

	}

}
