package dev.dynamodown.internal.codec;

import java.util.Map;
import java.util.Objects;

import dev.dynamodown.ValueCodec;
import dev.dynamodown.internal.item.AttributePath;
import dev.dynamodown.internal.item.ItemRules;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.jsonFormatVisitors.JsonFormatVisitorWrapper;
import tools.jackson.databind.jsonFormatVisitors.JsonMapFormatVisitor;
import tools.jackson.databind.jsonFormatVisitors.JsonObjectFormatVisitor;
import tools.jackson.databind.node.ObjectNode;

/**
 * A value mapped by Jackson, in {@code dynamo-down}'s layout: a value that Jackson writes as a JSON
 * object is spread over the item, one attribute per field; any other value is stored in the
 * {@value ValueCodec#VALUE_ATTRIBUTE} attribute. See {@link JsonAttributes} for the types.
 * <p>
 * Reading: when the target type is not object-shaped (Jackson does not write it as an object; also
 * {@code Object} and {@code JsonNode}) and the item is a scalar by {@link LoneValue}'s rule (its
 * only attribute is {@value ValueCodec#VALUE_ATTRIBUTE}, not {@code NULL}), the value is read from
 * that attribute; otherwise all attributes are gathered into one object and converted. So
 * {@code dynamo-down}'s {@code {value: null}} reads as that object with {@code Object},
 * {@code JsonNode} and {@code Map} alike. A {@code NULL} attribute reads as JSON {@code null}, as
 * {@code dynamo-down} itself reads it, so a string field it wrote as {@code ""} (it stored empty
 * strings as {@code NULL}) reads as {@code null}. A value never decodes to {@code null}: that is an
 * {@link IllegalArgumentException}.
 * <p>
 * Immutable and thread-safe, as Jackson's mappers are.
 *
 * @param <T> the value type
 */
public final class JsonCodec<T> implements ValueCodec<T> {

	private final Class<T> type;

	private final ObjectMapper mapper;

	private final boolean objectShaped;

	/**
	 * A codec with the given mapper, for example the application's own (its naming strategy,
	 * modules and features apply).
	 * @param type the value type
	 * @param mapper the mapper
	 */
	public JsonCodec(Class<T> type, ObjectMapper mapper) {
		this.type = Objects.requireNonNull(type, "'type' must not be null");
		this.mapper = Objects.requireNonNull(mapper, "'mapper' must not be null");
		this.objectShaped = isObjectShaped(type, mapper);
	}

	/**
	 * A codec with a shared mapper of Jackson's defaults, built on first use.
	 * @param type the value type
	 * @param <T> the value type
	 * @return the codec
	 */
	public static <T> JsonCodec<T> withDefaultMapper(Class<T> type) {
		return new JsonCodec<>(type, DefaultMapper.INSTANCE);
	}

	@Override
	public Map<String, AttributeValue> encode(T value) {
		Objects.requireNonNull(value, "'value' must not be null");
		JsonNode tree;
		try {
			tree = this.mapper.valueToTree(value);
		}
		catch (JacksonException ex) {
			throw new IllegalArgumentException("Cannot write " + value.getClass().getName() + " as JSON: "
					+ ex.getOriginalMessage(), ex);
		}
		catch (StackOverflowError ex) {
			// Jackson walks maps and collections without a depth check: a value that contains itself
			// ends here, not in a JacksonException (for beans Jackson does the same translation).
			throw new IllegalArgumentException("Cannot write " + value.getClass().getName()
					+ " as JSON: it contains itself, or is nested far too deeply", ex);
		}
		if (tree.isNull() || tree.isMissingNode()) {
			throw new IllegalArgumentException(value.getClass().getName()
					+ " is written as JSON null, which cannot be read back as a value");
		}
		Map<String, AttributeValue> attributes = tree.isObject() ? JsonAttributes.spread((ObjectNode) tree)
				: Map.of(VALUE_ATTRIBUTE, JsonAttributes.toAttribute(tree, AttributePath.attribute(VALUE_ATTRIBUTE)));
		ItemRules.checkAttributes(attributes);
		return attributes;
	}

	@Override
	public T decode(Map<String, AttributeValue> attributes) {
		AttributeValue scalar = this.objectShaped ? null : LoneValue.scalar(attributes);
		JsonNode tree = (scalar != null) ? JsonAttributes.toNode(scalar, AttributePath.attribute(VALUE_ATTRIBUTE))
				: JsonAttributes.gather(attributes);
		T value;
		try {
			value = this.mapper.treeToValue(tree, this.type);
		}
		catch (JacksonException ex) {
			throw new IllegalArgumentException("Cannot read a " + this.type.getName() + " from attributes "
					+ attributes.keySet() + ": " + ex.getOriginalMessage(), ex);
		}
		if (value == null) {
			throw new IllegalArgumentException("Cannot read a " + this.type.getName() + " from attributes "
					+ attributes.keySet() + ": the value is null");
		}
		return value;
	}

	@Override
	public String toString() {
		return "JsonCodec<" + this.type.getName() + ">";
	}

	/**
	 * Whether the mapper writes the type as a JSON object. Asked through Jackson's format visitor, so
	 * that {@code @JsonValue}, custom serializers and modules are honoured ({@code Instant} is a
	 * string, a record an object).
	 */
	private static boolean isObjectShaped(Class<?> type, ObjectMapper mapper) {
		if (type == Object.class) {
			return false;
		}
		if (ObjectNode.class.isAssignableFrom(type)) {
			return true;
		}
		ShapeProbe probe = new ShapeProbe();
		mapper.acceptJsonFormatVisitor(type, probe);
		return probe.object;
	}

	private static final class ShapeProbe extends JsonFormatVisitorWrapper.Base {

		private boolean object;

		@Override
		public @Nullable JsonObjectFormatVisitor expectObjectFormat(JavaType type) {
			this.object = true;
			return null;
		}

		@Override
		public @Nullable JsonMapFormatVisitor expectMapFormat(JavaType type) {
			this.object = true;
			return null;
		}

	}

	/** Built on first use only, so that loading this class costs nothing until then. */
	private static final class DefaultMapper {

		static final ObjectMapper INSTANCE = JsonMapper.builder().build();

	}

}
