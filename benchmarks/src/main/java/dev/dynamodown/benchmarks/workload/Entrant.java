package dev.dynamodown.benchmarks.workload;

import java.util.function.Function;

import dev.dynamodown.benchmarks.client.RequestCounter;
import dev.dynamodown.benchmarks.harness.Column;
import dev.dynamodown.benchmarks.harness.Contestant;
import dev.dynamodown.benchmarks.harness.Task;

/** A store of one contender, ready to be given a task: the column it fills and its client's request counter. */
record Entrant<S>(Column column, RequestCounter requests, S store) {

	Contestant contestant(String label, Function<S, Task> task) {
		return new Contestant(this.column, label, this.requests, task.apply(this.store));
	}

}
