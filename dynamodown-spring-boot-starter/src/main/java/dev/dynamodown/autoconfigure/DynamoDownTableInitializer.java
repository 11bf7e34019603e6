package dev.dynamodown.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import dev.dynamodown.DynamoDown;
import dev.dynamodown.health.TableCheck;
import dev.dynamodown.internal.Redaction;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.InitializingBean;

/**
 * Prepares the configured tables while the context starts: creates the missing ones when
 * {@code dynamodown.create-tables} (or embedded mode) asks for it, and verifies them when
 * {@code dynamodown.fail-fast} does. Does nothing when neither is set.
 * <p>
 * Every table is first described with a request bounded by
 * {@code dynamodown.startup-timeout}, so an endpoint that never answers delays startup by
 * about that time per table, not by the client's retries. A table that cannot be used
 * fails the startup with {@code fail-fast}; otherwise it is logged as a warning and
 * reported by the health indicator, and the first use of the table fails.
 */
final class DynamoDownTableInitializer implements InitializingBean {

	private static final Log logger = LogFactory.getLog(DynamoDownTableInitializer.class);

	private final DynamoDown dynamoDown;

	private final Set<String> tables;

	private final boolean createTables;

	private final boolean failFast;

	private final Duration timeout;

	DynamoDownTableInitializer(DynamoDown dynamoDown, DynamoDownProperties properties) {
		this.dynamoDown = dynamoDown;
		this.tables = properties.tables();
		this.createTables = properties.isCreateTables() || properties.getEmbedded().isEnabled();
		this.failFast = properties.isFailFast();
		this.timeout = properties.getStartupTimeout();
	}

	@Override
	public void afterPropertiesSet() {
		if (!this.createTables && !this.failFast) {
			return;
		}
		List<String> problems = new ArrayList<>();
		for (String table : this.tables) {
			TableCheck check = prepare(table);
			if (!check.isReady()) {
				problems.add("'" + table + "' " + check.state() + " (" + check.reason() + ")");
			}
		}
		if (problems.isEmpty()) {
			return;
		}
		// Reasons quote AWS error text: redacted, as everything this starter logs or throws.
		String message = Redaction.text("dynamodown tables not usable: " + String.join(", ", problems));
		if (this.failFast) {
			throw new IllegalStateException(message);
		}
		logger.warn(message + "; starting anyway as " + DynamoDownProperties.PREFIX + ".fail-fast is false");
	}

	private TableCheck prepare(String table) {
		TableCheck check = TableCheck.of(this.dynamoDown.client(), table, this.timeout);
		if (check.state() != TableCheck.State.MISSING || !this.createTables) {
			return check;
		}
		try {
			this.dynamoDown.createTableIfMissing(table);
		}
		catch (RuntimeException ex) {
			return new TableCheck(table, TableCheck.State.FAILED, "creation failed: " + ex.getMessage());
		}
		logger.info("Created DynamoDB table '" + table + "'");
		return TableCheck.of(this.dynamoDown.client(), table, this.timeout);
	}

}
