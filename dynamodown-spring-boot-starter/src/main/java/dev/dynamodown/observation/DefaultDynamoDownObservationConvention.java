package dev.dynamodown.observation;

import dev.dynamodown.observation.DynamoDownObservationDocumentation.HighCardinalityKeyNames;
import dev.dynamodown.observation.DynamoDownObservationDocumentation.LowCardinalityKeyNames;
import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;

/**
 * The default {@link DynamoDownObservationConvention}: observation {@value #NAME}, low-cardinality
 * keys {@code table}, {@code operation} and {@code outcome} ({@code success} or {@code error}); the
 * {@code namespace} is a high-cardinality key (spans have it, metrics do not) unless the
 * convention is told that the application's namespaces are few.
 */
public class DefaultDynamoDownObservationConvention implements DynamoDownObservationConvention {

	/** The name of the observation, and of the timer it records. */
	public static final String NAME = "dynamodown.operations";

	private final boolean lowCardinalityNamespace;

	/** Creates the convention with the namespace as a high-cardinality key. */
	public DefaultDynamoDownObservationConvention() {
		this(false);
	}

	/**
	 * Creates the convention.
	 * @param lowCardinalityNamespace whether the namespace is a low-cardinality key (a metrics tag):
	 * only for applications with few namespaces
	 */
	public DefaultDynamoDownObservationConvention(boolean lowCardinalityNamespace) {
		this.lowCardinalityNamespace = lowCardinalityNamespace;
	}

	@Override
	public String getName() {
		return NAME;
	}

	@Override
	public String getContextualName(DynamoDownObservationContext context) {
		return "dynamodown " + context.getOperation() + " " + context.getTable();
	}

	@Override
	public KeyValues getLowCardinalityKeyValues(DynamoDownObservationContext context) {
		KeyValues keyValues = KeyValues.of(LowCardinalityKeyNames.TABLE.withValue(context.getTable()),
				LowCardinalityKeyNames.OPERATION.withValue(context.getOperation()),
				LowCardinalityKeyNames.OUTCOME.withValue((context.getError() != null) ? "error" : "success"));
		return this.lowCardinalityNamespace ? keyValues.and(namespace(context)) : keyValues;
	}

	@Override
	public KeyValues getHighCardinalityKeyValues(DynamoDownObservationContext context) {
		return this.lowCardinalityNamespace ? KeyValues.empty() : KeyValues.of(namespace(context));
	}

	private static KeyValue namespace(DynamoDownObservationContext context) {
		return HighCardinalityKeyNames.NAMESPACE.withValue(context.getNamespace());
	}

}
