package dev.dynamodown.observation;

import io.micrometer.common.docs.KeyName;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;
import io.micrometer.observation.docs.ObservationDocumentation;

/**
 * The observation dynamodown records: one per operation of a store.
 */
public enum DynamoDownObservationDocumentation implements ObservationDocumentation {

	/** An operation of a store ({@code get}, {@code put}, {@code batch}, a {@code range} stream, ...). */
	OPERATION {

		@Override
		public Class<? extends ObservationConvention<? extends Observation.Context>> getDefaultConvention() {
			return DefaultDynamoDownObservationConvention.class;
		}

		@Override
		public KeyName[] getLowCardinalityKeyNames() {
			return LowCardinalityKeyNames.values();
		}

		@Override
		public KeyName[] getHighCardinalityKeyNames() {
			return HighCardinalityKeyNames.values();
		}

	};

	/** Keys with few values: tags of metrics. */
	public enum LowCardinalityKeyNames implements KeyName {

		/** The store's table. */
		TABLE {
			@Override
			public String asString() {
				return "table";
			}
		},

		/** The operation: {@code get}, {@code getAll}, {@code put}, {@code putIfAbsent}, ... */
		OPERATION {
			@Override
			public String asString() {
				return "operation";
			}
		},

		/** {@code success} or {@code error}. */
		OUTCOME {
			@Override
			public String asString() {
				return "outcome";
			}
		}

	}

	/** Keys with many values: on spans, not on metrics. */
	public enum HighCardinalityKeyNames implements KeyName {

		/**
		 * The store's namespace. Namespaces are often many (one per tenant or user), so it is
		 * high-cardinality unless {@code dynamodown.observations.low-cardinality-namespace} says
		 * otherwise.
		 */
		NAMESPACE {
			@Override
			public String asString() {
				return "namespace";
			}
		}

	}

}
