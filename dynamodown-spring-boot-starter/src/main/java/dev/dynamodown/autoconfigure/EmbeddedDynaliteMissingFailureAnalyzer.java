package dev.dynamodown.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains an {@link EmbeddedDynaliteMissingException}: which dependency to add.
 */
class EmbeddedDynaliteMissingFailureAnalyzer extends AbstractFailureAnalyzer<EmbeddedDynaliteMissingException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, EmbeddedDynaliteMissingException cause) {
		return new FailureAnalysis(
				"Embedded DynamoDB (" + DynamoDownProperties.PREFIX
						+ ".embedded.enabled=true) needs dynalite, but dev.dynamodown:dynamodown-dynalite is not on "
						+ "the classpath.",
				"Add the dependency dev.dynamodown:dynamodown-dynalite (and install Node.js 20 or later), or set "
						+ DynamoDownProperties.PREFIX + ".embedded.enabled=false and configure "
						+ DynamoDownProperties.PREFIX + ".endpoint.",
				cause);
	}

}
