package dev.dynamodown.reliability;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The model of the keys ONE writer owns: for each key, the set of states it may be in given what
 * every call returned or threw ({@code Optional.empty()} = absent). With a single writer per key
 * the model is exact: an acknowledged write leaves exactly one admissible state, a failed write
 * adds its state to the admissible ones, and a read that observes a state collapses the set to
 * it. Anything that contradicts the model is kept as a violation: a lost or phantom write.
 */
final class Ledger {

	private static final Set<Optional<String>> INITIALLY_ABSENT = Set.of(Optional.empty());

	private final Map<String, Set<Optional<String>>> admissible = new HashMap<>();

	private final List<String> violations = new ArrayList<>();

	private int resolved;

	/** The states a key may be in now. */
	Set<Optional<String>> admissible(String key) {
		return Set.copyOf(this.admissible.getOrDefault(key, INITIALLY_ABSENT));
	}

	/** A write the store acknowledged: the key is in this state now. */
	void applied(String key, Optional<String> state) {
		this.admissible.put(key, Set.of(state));
	}

	/** A write whose call failed: it may or may not have been applied. */
	void mayHaveApplied(String key, Optional<String> state) {
		Set<Optional<String>> states = new HashSet<>(admissible(key));
		states.add(state);
		this.admissible.put(key, states);
	}

	/** A read saw this state: it must be admissible, and it is the key's state from now on. */
	void observed(String key, Optional<String> state, String how) {
		Set<Optional<String>> states = admissible(key);
		if (!states.contains(state)) {
			violation(how + " saw " + describe(state) + " for key '" + key + "', admissible: " + describe(states));
		}
		else if (states.size() > 1) {
			this.resolved++;
		}
		this.admissible.put(key, Set.of(state));
	}

	/** The key certainly holds a value (a conditional write failed on it), whatever it is. */
	void present(String key, String how) {
		Set<Optional<String>> states = new HashSet<>(admissible(key));
		states.remove(Optional.<String>empty());
		if (states.isEmpty()) {
			violation(how + ": key '" + key + "' was certainly absent");
			return;
		}
		this.admissible.put(key, states);
	}

	void violation(String description) {
		this.violations.add(description);
	}

	List<String> violations() {
		return List.copyOf(this.violations);
	}

	/** How often a read found out which of several admissible states a key was in. */
	int resolvedByReads() {
		return this.resolved;
	}

	/** Keys whose state is not known exactly (a failed write left two or more admissible states). */
	long ambiguousKeys() {
		return this.admissible.values().stream().filter((states) -> states.size() > 1).count();
	}

	static String describe(Optional<String> state) {
		return state.map((value) -> "\"" + abbreviate(value) + "\"").orElse("(absent)");
	}

	private static String describe(Set<Optional<String>> states) {
		return states.stream().map(Ledger::describe).sorted().toList().toString();
	}

	private static String abbreviate(String value) {
		return (value.length() <= 24) ? value : value.substring(0, 24) + "…";
	}

}
