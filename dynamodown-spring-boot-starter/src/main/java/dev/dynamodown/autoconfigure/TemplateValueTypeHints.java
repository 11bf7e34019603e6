package dev.dynamodown.autoconfigure;

import java.util.List;

import dev.dynamodown.AsyncSortedKeyValueOperations;
import dev.dynamodown.SortedKeyValueOperations;
import org.jspecify.annotations.Nullable;

import org.springframework.aot.hint.BindingReflectionHintsRegistrar;
import org.springframework.beans.factory.aot.BeanRegistrationAotContribution;
import org.springframework.beans.factory.aot.BeanRegistrationAotProcessor;
import org.springframework.beans.factory.support.RegisteredBean;
import org.springframework.core.ResolvableType;

/**
 * Registers Jackson binding hints for the value type of every {@link SortedKeyValueOperations}
 * and {@link AsyncSortedKeyValueOperations} bean, so that a native image can store and read its
 * values as JSON: the namespaces' templates (their generic type comes from {@code value-type})
 * and the application's own {@code @Bean SortedKeyValueTemplate<T>} and
 * {@code AsyncSortedKeyValueTemplate<T>} methods alike. {@code String} and {@code byte[]} have
 * codecs of their own and need none; nor does a template whose value type is unknown.
 */
class TemplateValueTypeHints implements BeanRegistrationAotProcessor {

	/** The template types, each with its value type as its one generic parameter. */
	private static final List<Class<?>> TEMPLATE_TYPES = List.of(SortedKeyValueOperations.class,
			AsyncSortedKeyValueOperations.class);

	private final BindingReflectionHintsRegistrar bindingHints = new BindingReflectionHintsRegistrar();

	@Override
	public @Nullable BeanRegistrationAotContribution processAheadOfTime(RegisteredBean registeredBean) {
		ResolvableType beanType = registeredBean.getBeanType();
		Class<?> templateType = TEMPLATE_TYPES.stream()
			.filter((type) -> type.isAssignableFrom(beanType.toClass()))
			.findFirst()
			.orElse(null);
		if (templateType == null) {
			return null;
		}
		Class<?> valueType = beanType.as(templateType).getGeneric(0).resolve();
		if (valueType == null || valueType == Object.class || valueType == String.class
				|| valueType == byte[].class) {
			return null;
		}
		return (generationContext, code) -> this.bindingHints
			.registerReflectionHints(generationContext.getRuntimeHints().reflection(), valueType);
	}

}
