package dev.dynamodown.autoconfigure;

import dev.dynamodown.ValueCodec;
import tools.jackson.databind.ObjectMapper;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.util.ClassUtils;

/**
 * Picks the codec of a configured namespace from its value type: {@code String} and
 * {@code byte[]} have their own codecs, every other type is stored as JSON-shaped
 * attributes with the application's Jackson {@link ObjectMapper} (so its modules and
 * naming strategy apply), or a default one when the application has none.
 */
final class NamespaceCodecs {

	static final String OBJECT_MAPPER = "tools.jackson.databind.ObjectMapper";

	private NamespaceCodecs() {
	}

	@SuppressWarnings("unchecked") // V is String or byte[] where those codecs are returned
	static <V> ValueCodec<V> forValueType(Class<V> valueType, ListableBeanFactory beanFactory) {
		if (valueType == String.class) {
			return (ValueCodec<V>) ValueCodec.string();
		}
		if (valueType == byte[].class) {
			return (ValueCodec<V>) ValueCodec.bytes();
		}
		if (!ClassUtils.isPresent(OBJECT_MAPPER, NamespaceCodecs.class.getClassLoader())) {
			throw new IllegalStateException("Values of type " + valueType.getName()
					+ " are stored as JSON, which needs Jackson 3 (tools.jackson.core:jackson-databind) on the classpath");
		}
		return Json.codec(valueType, beanFactory);
	}

	/** Kept apart so that Jackson is only loaded when a JSON codec is wanted. */
	private static final class Json {

		static <T> ValueCodec<T> codec(Class<T> valueType, ListableBeanFactory beanFactory) {
			ObjectMapper mapper = beanFactory.getBeanProvider(ObjectMapper.class).getIfUnique();
			return (mapper != null) ? ValueCodec.json(valueType, mapper) : ValueCodec.json(valueType);
		}

	}

}
