package dev.dynamodown.autoconfigure;

/**
 * Embedded mode was asked for but {@code dynamodown-dynalite} is not on the classpath.
 */
class EmbeddedDynaliteMissingException extends IllegalStateException {

	private static final long serialVersionUID = 1L;

	EmbeddedDynaliteMissingException() {
		super(DynamoDownProperties.PREFIX + ".embedded.enabled is true but dev.dynamodown:dynamodown-dynalite is not "
				+ "on the classpath: add it as a dependency, or set " + DynamoDownProperties.PREFIX
				+ ".embedded.enabled=false");
	}

}
