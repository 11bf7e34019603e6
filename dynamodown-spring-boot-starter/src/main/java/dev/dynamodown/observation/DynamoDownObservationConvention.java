package dev.dynamodown.observation;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * {@link ObservationConvention} for the operations of dynamodown stores. Define a bean of this
 * type to replace the {@link DefaultDynamoDownObservationConvention}.
 */
public interface DynamoDownObservationConvention extends ObservationConvention<DynamoDownObservationContext> {

	@Override
	default boolean supportsContext(Observation.Context context) {
		return context instanceof DynamoDownObservationContext;
	}

}
