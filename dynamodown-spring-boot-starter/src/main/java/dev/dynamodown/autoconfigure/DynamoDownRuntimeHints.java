package dev.dynamodown.autoconfigure;

import org.jspecify.annotations.Nullable;

import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.aot.hint.TypeReference;
import org.springframework.util.ClassUtils;

/**
 * What the starter looks up at run time beyond its beans, for native images: the Jackson class
 * whose presence decides whether namespaces can store JSON, and the dynalite distribution that
 * embedded mode extracts from the {@code dynamodown-dynalite} jar. The value types of templates
 * are registered per bean by {@link TemplateValueTypeHints}.
 */
class DynamoDownRuntimeHints implements RuntimeHintsRegistrar {

	static final String DYNALITE_DISTRIBUTION = "dev/dynamodown/dynalite/dist/**";

	static final String DYNALITE_INDEX = "dev/dynamodown/dynalite/dist.index";

	@Override
	public void registerHints(RuntimeHints hints, @Nullable ClassLoader classLoader) {
		hints.reflection().registerTypeIfPresent(classLoader, NamespaceCodecs.OBJECT_MAPPER, (type) -> {
		});
		if (ClassUtils.isPresent(DynamoDownEmbeddedConfiguration.DYNALITE_SERVER, classLoader)) {
			hints.resources().registerPattern(DYNALITE_DISTRIBUTION).registerPattern(DYNALITE_INDEX);
			hints.reflection().registerType(TypeReference.of(DynamoDownEmbeddedConfiguration.DYNALITE_SERVER));
		}
	}

}
