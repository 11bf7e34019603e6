package dev.dynamodown.reliability.faults;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Decides the {@link Fault} of each request the {@link FaultProxy} receives. Called concurrently
 * from the proxy's connection threads.
 */
@FunctionalInterface
public interface FaultPlan {

	/**
	 * The fault for the next request of an operation.
	 * @param operation the DynamoDB operation, e.g. {@code "PutItem"}
	 * @return what to do with it
	 */
	Fault decide(String operation);

	/** Forward everything. */
	static FaultPlan none() {
		return (operation) -> Fault.NONE;
	}

	/** The same fault for every request of one operation, none for the others. */
	static FaultPlan always(String operation, Fault fault) {
		return (requested) -> requested.equals(operation) ? fault : Fault.NONE;
	}

	/**
	 * With probability {@code rate}, a fault drawn by weight among those that apply to the
	 * request's operation; otherwise none. Reproducible for one sequence of requests.
	 * @param seed the seed of the draws
	 * @param rate the probability that a request gets a fault
	 * @param weights the relative weight of each fault kind
	 */
	static FaultPlan random(long seed, double rate, Map<Fault, Integer> weights) {
		Random random = new Random(seed);
		Map<Fault, Integer> copy = new EnumMap<>(weights);
		return (operation) -> {
			List<Map.Entry<Fault, Integer>> applicable = copy.entrySet()
				.stream()
				.filter((entry) -> entry.getKey().appliesTo(operation))
				.toList();
			int total = applicable.stream().mapToInt(Map.Entry::getValue).sum();
			synchronized (random) {
				if (total == 0 || random.nextDouble() >= rate) {
					return Fault.NONE;
				}
				int draw = random.nextInt(total);
				for (Map.Entry<Fault, Integer> entry : applicable) {
					draw -= entry.getValue();
					if (draw < 0) {
						return entry.getKey();
					}
				}
				throw new IllegalStateException("unreachable");
			}
		};
	}

	/** Faults queued per operation, consumed in order; then none. */
	static Script script() {
		return new Script();
	}

	/** A {@link FaultPlan} of queued faults: "the next two PutItem requests are reset after forwarding". */
	final class Script implements FaultPlan {

		private final Map<String, Deque<Fault>> queued = new HashMap<>();

		private Script() {
		}

		/**
		 * Queues faults for the next requests of an operation.
		 * @return this script
		 */
		public synchronized Script next(String operation, Fault... faults) {
			Deque<Fault> queue = this.queued.computeIfAbsent(operation, (key) -> new ArrayDeque<>());
			queue.addAll(List.of(faults));
			return this;
		}

		/** How many queued faults were not used yet. */
		public synchronized int pending() {
			return this.queued.values().stream().mapToInt(Deque::size).sum();
		}

		@Override
		public synchronized Fault decide(String operation) {
			Deque<Fault> queue = this.queued.get(operation);
			Fault fault = (queue != null) ? queue.poll() : null;
			return (fault != null) ? fault : Fault.NONE;
		}

	}

}
