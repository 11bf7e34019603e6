package dev.dynamodown.internal.schema;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.dynamodown.DynamoDownException;
import dev.dynamodown.TableSchemaException;
import dev.dynamodown.internal.AwsErrors;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

/**
 * The key layouts of the tables one {@code DynamoDown} uses, each discovered with a single
 * {@code DescribeTable} on first use and kept. A failed discovery is not kept (a missing table
 * created later works), and {@link #evict} forgets a table that turned out to be gone.
 */
public final class SchemaRegistry {

	private final DynamoDbClient client;

	private final Map<String, Discovery> discoveries = new ConcurrentHashMap<>();

	public SchemaRegistry(DynamoDbClient client) {
		this.client = client;
	}

	/**
	 * The schema of a table, described once and then cached. Concurrent first uses wait for one
	 * {@code DescribeTable}.
	 * @param table the table name
	 * @return its schema
	 * @throws TableSchemaException if the table is missing or cannot host stores
	 * @throws DynamoDownException if {@code DescribeTable} failed otherwise
	 */
	public TableSchema schema(String table) {
		return this.discoveries.computeIfAbsent(table, Discovery::new).schema();
	}

	/** Forgets a table's schema, so that the next use describes it again. */
	public void evict(String table) {
		this.discoveries.remove(table);
	}

	/** Memoizes one table's successful discovery; holds no lock of the map while describing. */
	private final class Discovery {

		private final String table;

		private volatile @Nullable TableSchema schema;

		Discovery(String table) {
			this.table = table;
		}

		TableSchema schema() {
			TableSchema known = this.schema;
			return (known != null) ? known : discover();
		}

		private synchronized TableSchema discover() {
			if (this.schema == null) {
				try {
					this.schema = describe();
				}
				catch (RuntimeException ex) {
					SchemaRegistry.this.discoveries.remove(this.table, this);
					throw ex;
				}
			}
			return this.schema;
		}

		private TableSchema describe() {
			try {
				return TableSchema.of(SchemaRegistry.this.client.describeTable((r) -> r.tableName(this.table)).table());
			}
			catch (ResourceNotFoundException ex) {
				throw new TableSchemaException(this.table, "Table '" + this.table + "' does not exist", ex);
			}
			catch (SdkException ex) {
				throw new DynamoDownException(
						"Cannot describe table '" + this.table + "': " + AwsErrors.describe(ex), ex);
			}
		}

	}

}
