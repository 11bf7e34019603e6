package dev.dynamodown.internal.schema;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import dev.dynamodown.DynamoDownException;
import dev.dynamodown.TableSchemaException;
import dev.dynamodown.internal.AwsErrors;
import dev.dynamodown.internal.Futures;
import dev.dynamodown.internal.io.DynamoCalls;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableRequest;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

/**
 * The key layouts of the tables one runtime uses, each discovered with a single
 * {@code DescribeTable} on first use and kept as a future: concurrent first uses share one
 * request. A failed discovery is not kept (a missing table created later works), and
 * {@link #evict} forgets a table that turned out to be gone.
 */
public final class SchemaRegistry {

	private final DynamoCalls calls;

	private final String expiryName;

	private final Map<String, CompletableFuture<TableSchema>> discoveries = new ConcurrentHashMap<>();

	/**
	 * @param calls sends {@code DescribeTable}
	 * @param expiryName the attribute the stores keep expiry times in
	 */
	public SchemaRegistry(DynamoCalls calls, String expiryName) {
		this.calls = calls;
		this.expiryName = expiryName;
	}

	/**
	 * The schema of a table, described once and then cached.
	 * @param table the table name
	 * @return its schema, or a future failed with {@link TableSchemaException} if the table is
	 * missing or cannot host stores, or with {@link DynamoDownException} if {@code DescribeTable}
	 * failed otherwise
	 */
	public CompletableFuture<TableSchema> schema(String table) {
		CompletableFuture<TableSchema> known = this.discoveries.get(table);
		if (known != null) {
			return known;
		}
		CompletableFuture<TableSchema> discovery = new CompletableFuture<>();
		known = this.discoveries.putIfAbsent(table, discovery);
		if (known != null) {
			return known;
		}
		// Sent outside the map's locks: with the blocking edge, the request runs right here.
		this.calls.describeTable(DescribeTableRequest.builder().tableName(table).build())
			.thenApply((response) -> TableSchema.of(response.table(), this.expiryName))
			.whenComplete((schema, failure) -> {
				if (failure != null) {
					this.discoveries.remove(table, discovery);
					discovery.completeExceptionally(translate(table, Futures.unwrap(failure)));
				}
				else {
					discovery.complete(schema);
				}
			});
		return discovery;
	}

	/** The schema of a table if it is known already, else {@code null}. */
	public @Nullable TableSchema known(String table) {
		CompletableFuture<TableSchema> discovery = this.discoveries.get(table);
		return (discovery != null && discovery.isDone() && !discovery.isCompletedExceptionally())
				? discovery.getNow(null) : null;
	}

	/** Forgets a table's schema, so that the next use describes it again. */
	public void evict(String table) {
		this.discoveries.remove(table);
	}

	private static Throwable translate(String table, Throwable failure) {
		if (failure instanceof ResourceNotFoundException missing) {
			return new TableSchemaException(table, "Table '" + table + "' does not exist", missing);
		}
		if (failure instanceof SdkException sdk) {
			return new DynamoDownException("Cannot describe table '" + table + "': " + AwsErrors.describe(sdk), sdk);
		}
		return failure;
	}

}
