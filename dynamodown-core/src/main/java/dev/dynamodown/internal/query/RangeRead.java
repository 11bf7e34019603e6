package dev.dynamodown.internal.query;

/**
 * What a {@code Query} of a range asks DynamoDB for. Every read that answers the caller skips the
 * entries whose expiry time has passed, with a filter expression DynamoDB evaluates; only
 * {@code clear} reads every item, expired ones included, because it deletes them.
 */
public enum RangeRead {

	/** Every attribute of the entries that have not expired: {@code range}, {@code values}, {@code list}. */
	ENTRIES(false, true),

	/** The key attributes of the entries that have not expired: {@code keys}. */
	KEYS(true, true),

	/** The key attributes of every item, expired ones included: what {@code clear} deletes. */
	EVERY_KEY(true, false),

	/** How many entries have not expired ({@code Select.COUNT}): {@code count}. */
	COUNT(false, true);

	private final boolean keysOnly;

	private final boolean skipsExpired;

	RangeRead(boolean keysOnly, boolean skipsExpired) {
		this.keysOnly = keysOnly;
		this.skipsExpired = skipsExpired;
	}

	/** Whether only the key attributes are read. */
	public boolean keysOnly() {
		return this.keysOnly;
	}

	/** Whether expired entries are filtered out. */
	public boolean skipsExpired() {
		return this.skipsExpired;
	}

}
