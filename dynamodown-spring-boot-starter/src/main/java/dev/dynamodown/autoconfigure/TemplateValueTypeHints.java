package dev.dynamodown.autoconfigure;

import dev.dynamodown.SortedKeyValueOperations;
import org.jspecify.annotations.Nullable;

import org.springframework.aot.hint.BindingReflectionHintsRegistrar;
import org.springframework.beans.factory.aot.BeanRegistrationAotContribution;
import org.springframework.beans.factory.aot.BeanRegistrationAotProcessor;
import org.springframework.beans.factory.support.RegisteredBean;
import org.springframework.core.ResolvableType;

/**
 * Registers Jackson binding hints for the value type of every {@link SortedKeyValueOperations}
 * bean, so that a native image can store and read its values as JSON: the namespaces'
 * templates (their generic type comes from {@code value-type}) and the application's own
 * {@code @Bean SortedKeyValueTemplate<T>} methods alike. {@code String} and {@code byte[]} have
 * codecs of their own and need none; nor does a template whose value type is unknown.
 */
class TemplateValueTypeHints implements BeanRegistrationAotProcessor {

	private final BindingReflectionHintsRegistrar bindingHints = new BindingReflectionHintsRegistrar();

	@Override
	public @Nullable BeanRegistrationAotContribution processAheadOfTime(RegisteredBean registeredBean) {
		ResolvableType beanType = registeredBean.getBeanType();
		if (!SortedKeyValueOperations.class.isAssignableFrom(beanType.toClass())) {
			return null;
		}
		Class<?> valueType = beanType.as(SortedKeyValueOperations.class).getGeneric(0).resolve();
		if (valueType == null || valueType == Object.class || valueType == String.class
				|| valueType == byte[].class) {
			return null;
		}
		return (generationContext, code) -> this.bindingHints
			.registerReflectionHints(generationContext.getRuntimeHints().reflection(), valueType);
	}

}
