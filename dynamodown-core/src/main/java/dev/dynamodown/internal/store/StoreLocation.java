package dev.dynamodown.internal.store;

import java.util.Objects;
import java.util.regex.Pattern;

import dev.dynamodown.internal.Keys;
import dev.dynamodown.internal.shard.ShardLayout;

/**
 * Where a store lives: a table and a namespace (the hash-key value of its items). Parsed from a
 * location string {@code "table/namespace"}: the table is the text before the first {@code '/'},
 * the namespace everything after it.
 *
 * @param table a valid DynamoDB table name
 * @param namespace a non-empty hash-key value of at most 2048 UTF-8 bytes, without U+0000 (which
 * the partitions of sharded namespaces reserve, see {@link ShardLayout})
 */
public record StoreLocation(String table, String namespace) {

	/** DynamoDB's limit for a hash-key value. */
	public static final int MAX_NAMESPACE_BYTES = 2048;

	private static final Pattern TABLE_NAME = Pattern.compile("[a-zA-Z0-9_.-]{3,255}");

	public StoreLocation {
		requireValidTable(table);
		Objects.requireNonNull(namespace, "'namespace' must not be null");
		if (namespace.isEmpty()) {
			throw new IllegalArgumentException("'namespace' must not be empty");
		}
		ShardLayout.requireNoSeparator(namespace);
		int bytes = Keys.utf8Length(namespace, "namespace");
		if (bytes > MAX_NAMESPACE_BYTES) {
			throw new IllegalArgumentException("'namespace' is " + bytes + " UTF-8 bytes long; DynamoDB allows at most "
					+ MAX_NAMESPACE_BYTES + " for a hash-key value");
		}
	}

	/**
	 * Parses {@code "table/namespace"}.
	 * @param location the location string
	 * @return the location
	 * @throws IllegalArgumentException if it has no {@code '/'}, or the table or namespace is
	 * empty or invalid
	 */
	public static StoreLocation parse(String location) {
		Objects.requireNonNull(location, "'location' must not be null");
		int slash = location.indexOf('/');
		if (slash <= 0 || slash == location.length() - 1) {
			throw new IllegalArgumentException(
					"Location '" + location + "' must be 'table/namespace' with a non-empty table and namespace");
		}
		return new StoreLocation(location.substring(0, slash), location.substring(slash + 1));
	}

	/**
	 * Checks a table name against DynamoDB's rules.
	 * @param table the name
	 * @return the name
	 * @throws IllegalArgumentException unless it has 3 to 255 characters out of
	 * {@code a-z A-Z 0-9 _ - .}
	 */
	public static String requireValidTable(String table) {
		Objects.requireNonNull(table, "'table' must not be null");
		if (!TABLE_NAME.matcher(table).matches()) {
			throw new IllegalArgumentException("Table name '" + table
					+ "' is invalid: DynamoDB needs 3 to 255 characters out of a-z, A-Z, 0-9, '_', '-' and '.'");
		}
		return table;
	}

	@Override
	public String toString() {
		return this.table + "/" + this.namespace;
	}

}
