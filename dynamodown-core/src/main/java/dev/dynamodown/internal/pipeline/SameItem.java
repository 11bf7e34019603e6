package dev.dynamodown.internal.pipeline;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Whether two items hold the same data as DynamoDB sees it: numbers compare by value (DynamoDB
 * normalises {@code "1.50"} to {@code "1.5"}) and sets ignore order. Used to recognise an item a
 * call wrote itself.
 */
final class SameItem {

	private SameItem() {
	}

	static boolean same(Map<String, AttributeValue> a, Map<String, AttributeValue> b) {
		if (a.size() != b.size()) {
			return false;
		}
		for (Map.Entry<String, AttributeValue> entry : a.entrySet()) {
			AttributeValue other = b.get(entry.getKey());
			if (other == null || !same(entry.getValue(), other)) {
				return false;
			}
		}
		return true;
	}

	private static boolean same(AttributeValue a, AttributeValue b) {
		if (a.type() != b.type()) {
			return false;
		}
		return switch (a.type()) {
			case N -> number(a.n()).compareTo(number(b.n())) == 0;
			case NS -> numbers(a.ns()).equals(numbers(b.ns()));
			case SS -> Set.copyOf(a.ss()).equals(Set.copyOf(b.ss()));
			case BS -> Set.copyOf(a.bs()).equals(Set.copyOf(b.bs()));
			case M -> same(a.m(), b.m());
			case L -> sameList(a.l(), b.l());
			default -> a.equals(b);
		};
	}

	private static boolean sameList(List<AttributeValue> a, List<AttributeValue> b) {
		if (a.size() != b.size()) {
			return false;
		}
		for (int i = 0; i < a.size(); i++) {
			if (!same(a.get(i), b.get(i))) {
				return false;
			}
		}
		return true;
	}

	private static BigDecimal number(String text) {
		return new BigDecimal(text);
	}

	private static Set<BigDecimal> numbers(List<String> texts) {
		Set<BigDecimal> numbers = new HashSet<>();
		for (String text : texts) {
			numbers.add(number(text).stripTrailingZeros());
		}
		return numbers;
	}

}
