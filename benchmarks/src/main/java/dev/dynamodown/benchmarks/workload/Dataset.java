package dev.dynamodown.benchmarks.workload;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The keys and values a workload writes: {@code size} keys {@code key-0000000}, {@code key-0000001}, … (so key
 * order is index order) and values of {@code valueBytes} ASCII characters. A handful of distinct values are
 * shared by all keys: generating them is no part of any measurement, and they take no memory worth counting
 * in a heap measurement.
 */
public final class Dataset {

	private static final int DISTINCT_VALUES = 16;

	private final List<String> keys;

	private final List<String> values;

	private final int valueBytes;

	public Dataset(int size, int valueBytes) {
		if (size < 1) {
			throw new IllegalArgumentException("'size' must be at least 1, was " + size);
		}
		List<String> keys = new ArrayList<>(size);
		for (int i = 0; i < size; i++) {
			keys.add(keyOf(i));
		}
		this.keys = Collections.unmodifiableList(keys);
		List<String> values = new ArrayList<>(DISTINCT_VALUES);
		for (int i = 0; i < DISTINCT_VALUES; i++) {
			values.add(valueOf(i, valueBytes));
		}
		this.values = List.copyOf(values);
		this.valueBytes = valueBytes;
	}

	public int size() {
		return this.keys.size();
	}

	public int valueBytes() {
		return this.valueBytes;
	}

	public List<String> keys() {
		return this.keys;
	}

	public String key(int index) {
		return this.keys.get(index);
	}

	public String value(int index) {
		return this.values.get(index % DISTINCT_VALUES);
	}

	/** Every key with its value, in key order. */
	public Map<String, String> entries() {
		Map<String, String> entries = new LinkedHashMap<>();
		for (int i = 0; i < size(); i++) {
			entries.put(key(i), value(i));
		}
		return entries;
	}

	/**
	 * The keys split into {@code parts} contiguous inclusive ranges {@code [first, last]}, for the ceiling's
	 * parallel Queries.
	 */
	public List<String[]> segments(int parts) {
		List<String[]> segments = new ArrayList<>(parts);
		for (int part = 0; part < parts; part++) {
			int from = (int) ((long) size() * part / parts);
			int to = (int) ((long) size() * (part + 1) / parts) - 1;
			segments.add(new String[] { key(from), key(to) });
		}
		return segments;
	}

	private static String keyOf(int index) {
		return String.format(Locale.ROOT, "key-%07d", index);
	}

	private static String valueOf(int seed, int length) {
		StringBuilder value = new StringBuilder(length);
		for (int i = 0; value.length() < length; i++) {
			value.append((char) ('a' + (seed * 7 + i) % 26));
		}
		return value.toString();
	}

}
