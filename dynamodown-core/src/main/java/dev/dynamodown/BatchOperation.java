package dev.dynamodown;

import java.util.Objects;

/**
 * One write of a batch as reported back by {@link BatchWriteException#unapplied()}: which key,
 * and whether it was a put or a delete.
 *
 * @param kind put or delete
 * @param key the key it writes
 */
public record BatchOperation(Kind kind, String key) {

	/** The two kinds of write a batch holds. */
	public enum Kind {
		/** Writes a value under the key. */
		PUT,
		/** Removes the key. */
		DELETE
	}

	public BatchOperation {
		Objects.requireNonNull(kind, "'kind' must not be null");
		Objects.requireNonNull(key, "'key' must not be null");
	}

	/** Whether this operation writes a value. */
	public boolean isPut() {
		return this.kind == Kind.PUT;
	}

	/** Whether this operation removes the key. */
	public boolean isDelete() {
		return this.kind == Kind.DELETE;
	}

}
