package dev.dynamodown.dynalite;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * How to start a {@link DynaliteServer}. Immutable; {@link #builder()} and {@link #toBuilder()} make
 * new instances. The server always listens on 127.0.0.1 only.
 *
 * <pre>{@code
 * DynaliteServer server = DynaliteServer.start(DynaliteOptions.builder()
 *         .dataDirectory(Path.of("target/dynalite-data"))
 *         .build());
 * }</pre>
 */
public final class DynaliteOptions {

	/** Default {@link #startupTimeout()}. */
	public static final Duration DEFAULT_STARTUP_TIMEOUT = Duration.ofSeconds(20);

	private static final DynaliteOptions DEFAULTS = builder().build();

	private final int port;

	private final @Nullable Path dataDirectory;

	private final @Nullable Path nodeExecutable;

	private final Duration startupTimeout;

	private DynaliteOptions(Builder builder) {
		this.port = builder.port;
		this.dataDirectory = builder.dataDirectory;
		this.nodeExecutable = builder.nodeExecutable;
		this.startupTimeout = builder.startupTimeout;
	}

	/** A free port, in memory, Node.js found as described at {@link Builder#nodeExecutable(Path)}. */
	public static DynaliteOptions defaults() {
		return DEFAULTS;
	}

	public static Builder builder() {
		return new Builder();
	}

	public Builder toBuilder() {
		return new Builder().port(this.port)
			.dataDirectory(this.dataDirectory)
			.nodeExecutable(this.nodeExecutable)
			.startupTimeout(this.startupTimeout);
	}

	/** Port to listen on; 0 (the default) lets the operating system pick a free one. */
	public int port() {
		return this.port;
	}

	/** LevelDB directory that keeps the data across restarts; {@code null} (the default): in memory. */
	public @Nullable Path dataDirectory() {
		return this.dataDirectory;
	}

	/** Node.js executable; {@code null} (the default): found as described at {@link Builder#nodeExecutable(Path)}. */
	public @Nullable Path nodeExecutable() {
		return this.nodeExecutable;
	}

	/** How long to wait for the server to answer before giving up. */
	public Duration startupTimeout() {
		return this.startupTimeout;
	}

	@Override
	public boolean equals(@Nullable Object other) {
		return other instanceof DynaliteOptions that && this.port == that.port
				&& Objects.equals(this.dataDirectory, that.dataDirectory)
				&& Objects.equals(this.nodeExecutable, that.nodeExecutable)
				&& this.startupTimeout.equals(that.startupTimeout);
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.port, this.dataDirectory, this.nodeExecutable, this.startupTimeout);
	}

	@Override
	public String toString() {
		return "DynaliteOptions[port=" + this.port + ", dataDirectory=" + this.dataDirectory + ", nodeExecutable="
				+ this.nodeExecutable + ", startupTimeout=" + this.startupTimeout + "]";
	}

	/** Builds {@link DynaliteOptions}; not thread-safe. */
	public static final class Builder {

		private int port;

		private @Nullable Path dataDirectory;

		private @Nullable Path nodeExecutable;

		private Duration startupTimeout = DEFAULT_STARTUP_TIMEOUT;

		private Builder() {
		}

		/**
		 * Port to listen on, 0 for a free one (the default).
		 * @throws IllegalArgumentException if not within 0..65535
		 */
		public Builder port(int port) {
			if (port < 0 || port > 65535) {
				throw new IllegalArgumentException("'port' must be between 0 and 65535, was " + port);
			}
			this.port = port;
			return this;
		}

		/**
		 * LevelDB directory to keep the data in across restarts (created if missing), or {@code null}
		 * to keep it in memory (the default). One server at a time may use a directory.
		 */
		public Builder dataDirectory(@Nullable Path dataDirectory) {
			this.dataDirectory = dataDirectory;
			return this;
		}

		/**
		 * Node.js executable (version 20 or newer). When {@code null} (the default) it is taken from
		 * the system property {@code dynamodown.dynalite.node}, else the environment variable
		 * {@code DYNAMODOWN_NODE}, else {@code node} on the {@code PATH}.
		 */
		public Builder nodeExecutable(@Nullable Path nodeExecutable) {
			this.nodeExecutable = nodeExecutable;
			return this;
		}

		/**
		 * How long to wait for the server to answer (default 20 s).
		 * @throws IllegalArgumentException if not positive
		 */
		public Builder startupTimeout(Duration startupTimeout) {
			Objects.requireNonNull(startupTimeout, "'startupTimeout' must not be null");
			if (startupTimeout.isNegative() || startupTimeout.isZero()) {
				throw new IllegalArgumentException("'startupTimeout' must be positive, was " + startupTimeout);
			}
			this.startupTimeout = startupTimeout;
			return this;
		}

		public DynaliteOptions build() {
			return new DynaliteOptions(this);
		}

	}

}
