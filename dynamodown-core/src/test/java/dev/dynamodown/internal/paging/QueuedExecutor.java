package dev.dynamodown.internal.paging;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;

/** Holds its tasks until the test runs them: pages that arrive when the test says. */
final class QueuedExecutor implements Executor {

	private final ConcurrentLinkedQueue<Runnable> tasks = new ConcurrentLinkedQueue<>();

	@Override
	public void execute(Runnable task) {
		this.tasks.add(task);
	}

	/** Runs the tasks queued so far, not those they queue: the pages on their way arrive. */
	void runQueued() {
		for (int i = this.tasks.size(); i > 0; i--) {
			this.tasks.remove().run();
		}
	}

	int queued() {
		return this.tasks.size();
	}

}
