package dev.dynamodown.health;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.dynamodown.internal.AwsErrors;
import dev.dynamodown.internal.Redaction;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.util.Assert;

/**
 * {@link HealthIndicator} for the tables dynamodown uses: UP when every table is
 * reachable, {@code ACTIVE} and has string hash and range keys; DOWN otherwise, with the
 * state and reason of each table under the {@code tables} detail.
 * <p>
 * Each {@code DescribeTable} is bounded by the timeout (retries included). Once the
 * endpoint proved unreachable the remaining tables are not asked, so a check takes about
 * one timeout at most when the endpoint never answers. With no table configured the
 * indicator asks {@code ListTables} for one name, only to prove the endpoint answers.
 * Details hold table names, states, reasons and the endpoint's host and port; never
 * credentials: every reason and error is redacted ({@link Redaction}).
 */
public class DynamoDownHealthIndicator extends AbstractHealthIndicator {

	private static final Log logger = LogFactory.getLog(DynamoDownHealthIndicator.class);

	private final DynamoDbClient client;

	private final List<String> tables;

	private final Duration timeout;

	/**
	 * Creates an indicator.
	 * @param client the client the stores use
	 * @param tables the tables to check
	 * @param timeout bound of each table check, retries included
	 */
	public DynamoDownHealthIndicator(DynamoDbClient client, List<String> tables, Duration timeout) {
		super("DynamoDown health check failed");
		Assert.notNull(client, "'client' must not be null");
		Assert.notNull(tables, "'tables' must not be null");
		Assert.notNull(timeout, "'timeout' must not be null");
		this.client = client;
		this.tables = List.copyOf(tables);
		this.timeout = timeout;
	}

	/**
	 * Checks the tables. A failure is reported here rather than by {@link AbstractHealthIndicator},
	 * which would show and log the exception as it is: AWS error text can echo the signed request,
	 * so both the {@code error} detail and the log line get the {@link Redaction redacted} exception.
	 */
	@Override
	protected void doHealthCheck(Health.Builder builder) {
		try {
			check(builder);
		}
		catch (RuntimeException ex) {
			Throwable redacted = Redaction.throwable(ex);
			logger.warn("DynamoDown health check failed", redacted);
			builder.down()
				.withDetail("error", (ex instanceof SdkException sdk) ? AwsErrors.describe(sdk) : String.valueOf(redacted));
		}
	}

	private void check(Health.Builder builder) {
		this.client.serviceClientConfiguration()
			.endpointOverride()
			.ifPresent((endpoint) -> builder.withDetail("endpoint", hostAndPort(endpoint)));
		if (this.tables.isEmpty()) {
			this.client.listTables((request) -> request.limit(1)
				.overrideConfiguration((call) -> call.apiCallTimeout(this.timeout).apiCallAttemptTimeout(this.timeout)));
			builder.up().withDetail("tables", Map.of());
			return;
		}
		Map<String, Map<String, String>> details = new LinkedHashMap<>();
		boolean up = true;
		for (TableCheck check : checkTables()) {
			Map<String, String> detail = new LinkedHashMap<>();
			detail.put("status", check.state().name());
			if (check.reason() != null) {
				detail.put("reason", check.reason());
			}
			details.put(check.table(), detail);
			up &= check.isReady();
		}
		(up ? builder.up() : builder.down()).withDetail("tables", details);
	}

	private List<TableCheck> checkTables() {
		List<TableCheck> checks = new ArrayList<>(this.tables.size());
		for (String table : this.tables) {
			TableCheck previous = checks.isEmpty() ? null : checks.get(checks.size() - 1);
			checks.add((previous != null && previous.state() == TableCheck.State.UNREACHABLE)
					? new TableCheck(table, TableCheck.State.UNREACHABLE, "not checked: endpoint unreachable")
					: TableCheck.of(this.client, table, this.timeout));
		}
		return checks;
	}

	private static String hostAndPort(URI endpoint) {
		return (endpoint.getPort() != -1) ? endpoint.getHost() + ":" + endpoint.getPort() : endpoint.getHost();
	}

}
