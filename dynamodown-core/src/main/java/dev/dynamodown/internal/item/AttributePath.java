package dev.dynamodown.internal.item;

import org.jspecify.annotations.Nullable;

/**
 * Where a value sits inside an item, for error messages: {@code address.lines[3]}. Its depth counts
 * like DynamoDB's nesting limit: a top-level attribute is level 1, each map or list adds one.
 * Rendered only when a message needs it.
 */
public final class AttributePath {

	private final @Nullable AttributePath parent;

	private final @Nullable String name;

	private final int index;

	private final int depth;

	private AttributePath(@Nullable AttributePath parent, @Nullable String name, int index) {
		this.parent = parent;
		this.name = name;
		this.index = index;
		this.depth = (parent != null) ? parent.depth + 1 : 1;
	}

	/**
	 * The path of a top-level attribute.
	 * @param name the attribute name
	 * @return its path, at depth 1
	 */
	public static AttributePath attribute(String name) {
		return new AttributePath(null, name, -1);
	}

	/**
	 * The path of an entry of the map at this path.
	 * @param name the map key
	 * @return the entry's path
	 */
	public AttributePath field(String name) {
		return new AttributePath(this, name, -1);
	}

	/**
	 * The path of an element of the list or set at this path.
	 * @param index the element's index
	 * @return the element's path
	 */
	public AttributePath element(int index) {
		return new AttributePath(this, null, index);
	}

	/**
	 * The nesting level: 1 for a top-level attribute.
	 * @return the depth
	 */
	public int depth() {
		return this.depth;
	}

	@Override
	public String toString() {
		StringBuilder text = new StringBuilder();
		appendTo(text);
		return text.toString();
	}

	private void appendTo(StringBuilder text) {
		if (this.parent != null) {
			this.parent.appendTo(text);
		}
		if (this.name == null) {
			text.append('[').append(this.index).append(']');
		}
		else {
			text.append((this.parent != null) ? "." : "").append(this.name);
		}
	}

}
