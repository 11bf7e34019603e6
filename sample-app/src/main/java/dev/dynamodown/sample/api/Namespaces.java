package dev.dynamodown.sample.api;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import dev.dynamodown.SortedKeyValueTemplate;
import tools.jackson.databind.ObjectMapper;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/**
 * The namespaces the API serves: every {@link SortedKeyValueTemplate} bean, by bean name
 * (in name order), with the value type of its declaration: a
 * {@code SortedKeyValueTemplate<Meetup>} reads bodies as {@code Meetup}. The starter declares
 * one such bean per {@code dynamodown.namespaces} entry, so a new entry there is a new API
 * namespace.
 */
@Component
class Namespaces {

	private final Map<String, Namespace<?>> byName = new TreeMap<>();

	Namespaces(ConfigurableListableBeanFactory beanFactory, ObjectMapper mapper) {
		for (String name : beanFactory.getBeanNamesForType(SortedKeyValueTemplate.class)) {
			SortedKeyValueTemplate<?> template = beanFactory.getBean(name, SortedKeyValueTemplate.class);
			Class<?> valueType = beanFactory.getMergedBeanDefinition(name)
				.getResolvableType()
				.as(SortedKeyValueTemplate.class)
				.resolveGeneric(0);
			if (valueType == null) {
				throw new IllegalStateException("Cannot tell the value type of the SortedKeyValueTemplate bean '"
						+ name + "': declare it with its generic type");
			}
			this.byName.put(name, namespace(template, valueType, mapper));
		}
	}

	/**
	 * The namespace of that name.
	 * @param name the bean name, as in the URL
	 * @return the namespace
	 * @throws ResponseStatusException 404 if there is none
	 */
	Namespace<?> get(String name) {
		Namespace<?> namespace = this.byName.get(name);
		if (namespace == null) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND,
					"No namespace '" + name + "'; there are " + this.byName.keySet());
		}
		return namespace;
	}

	Set<String> names() {
		return this.byName.keySet();
	}

	// The bean definition's generic type is what makes this cast safe.
	@SuppressWarnings("unchecked")
	private static <V> Namespace<V> namespace(SortedKeyValueTemplate<?> template, Class<?> valueType,
			ObjectMapper mapper) {
		return new Namespace<>((SortedKeyValueTemplate<V>) template, (Class<V>) valueType, mapper);
	}

}
