package dev.dynamodown.benchmarks.harness;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One line of a result table: a workload done by every contestant that supports it.
 * <p>
 * Rows sharing a {@code ceilingGroup} do the same work at different client concurrency (put with 1 and 8
 * threads, or 64 requests in flight on an asynchronous client); they share one server ceiling, the best raw-SDK
 * figure among them and the group's ceiling variants.
 * <p>
 * A row may name another row it is to be compared with ({@code versus}): the asynchronous rows name their
 * blocking counterparts, and the table lists the ratios of their contenders.
 */
public final class Row {

	private final String name;

	private final int operations;

	private final long expected;

	private final int calls;

	private final Runnable beforeEachRun;

	private final String ceilingGroup;

	private final String ceilingNote;

	private final boolean measureHeap;

	private final String goal;

	private final String versus;

	private final List<Contestant> contestants;

	private Row(Builder builder) {
		this.name = builder.name;
		this.operations = builder.operations;
		this.expected = builder.expected;
		this.calls = builder.calls;
		this.beforeEachRun = builder.beforeEachRun;
		this.ceilingGroup = (builder.ceilingGroup != null) ? builder.ceilingGroup : builder.name;
		this.ceilingNote = builder.ceilingNote;
		this.measureHeap = builder.measureHeap;
		this.goal = builder.goal;
		this.versus = builder.versus;
		this.contestants = List.copyOf(builder.contestants);
	}

	public static Builder named(String name) {
		return new Builder(name);
	}

	public String name() {
		return this.name;
	}

	/** Operations per run (keys written, read or deleted), the numerator of ops/s. */
	public int operations() {
		return this.operations;
	}

	/** Items every run must report, else the run is wrong and the benchmark stops. */
	public long expected() {
		return this.expected;
	}

	/** Library calls per run (one per key for point operations), the denominator of requests per call. */
	public int calls() {
		return this.calls;
	}

	/** Untimed preparation before each run of each contestant, e.g. refilling the table before a clear. */
	public Runnable beforeEachRun() {
		return this.beforeEachRun;
	}

	public String ceilingGroup() {
		return this.ceilingGroup;
	}

	/** Why the ceiling column has no figure of its own, or an empty string. */
	public String ceilingNote() {
		return this.ceilingNote;
	}

	/** Whether to measure each contender's peak heap during one extra run. */
	public boolean measureHeap() {
		return this.measureHeap;
	}

	/** What the row is meant to show, for tables that state it (the sharded-namespace table), or an empty string. */
	public String goal() {
		return this.goal;
	}

	/** The name of the row this one is compared with, or an empty string. */
	public String versus() {
		return this.versus;
	}

	public List<Contestant> contestants() {
		return this.contestants;
	}

	/** Builds a {@link Row}; expected items default to the operations, calls to 1. */
	public static final class Builder {

		private final String name;

		private int operations = -1;

		private long expected = -1;

		private int calls = 1;

		private Runnable beforeEachRun = () -> {
		};

		private String ceilingGroup;

		private String ceilingNote = "";

		private boolean measureHeap;

		private String goal = "";

		private String versus = "";

		private final List<Contestant> contestants = new ArrayList<>();

		private Builder(String name) {
			this.name = Objects.requireNonNull(name, "'name' must not be null");
		}

		public Builder operations(int operations) {
			this.operations = operations;
			return this;
		}

		public Builder expect(long expected) {
			this.expected = expected;
			return this;
		}

		public Builder calls(int calls) {
			this.calls = calls;
			return this;
		}

		public Builder beforeEachRun(Runnable beforeEachRun) {
			this.beforeEachRun = Objects.requireNonNull(beforeEachRun, "'beforeEachRun' must not be null");
			return this;
		}

		public Builder ceilingGroup(String ceilingGroup) {
			this.ceilingGroup = ceilingGroup;
			return this;
		}

		public Builder ceilingNote(String ceilingNote) {
			this.ceilingNote = ceilingNote;
			return this;
		}

		public Builder measureHeap() {
			this.measureHeap = true;
			return this;
		}

		public Builder goal(String goal) {
			this.goal = Objects.requireNonNull(goal, "'goal' must not be null");
			return this;
		}

		/** Compares this row's contenders with those of the row named {@code versus}, measured in the same run. */
		public Builder versus(String versus) {
			this.versus = Objects.requireNonNull(versus, "'versus' must not be null");
			return this;
		}

		public Builder add(Contestant contestant) {
			this.contestants.add(contestant);
			return this;
		}

		public Row build() {
			if (this.operations < 0) {
				throw new IllegalStateException("Row '" + this.name + "' has no operation count");
			}
			if (this.expected < 0) {
				this.expected = this.operations;
			}
			return new Row(this);
		}

	}

}
