package dev.dynamodown.dynalite;

/**
 * Thrown when dynalite cannot be started: Node.js missing or too old, the port taken, the bundled
 * distribution unreadable, or no answer within the startup timeout. The message says what to do
 * and, where the process ran, ends with what it printed.
 */
public class DynaliteException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	public DynaliteException(String message) {
		super(message);
	}

	public DynaliteException(String message, Throwable cause) {
		super(message, cause);
	}

}
