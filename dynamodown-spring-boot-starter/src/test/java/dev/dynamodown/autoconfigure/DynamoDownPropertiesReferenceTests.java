package dev.dynamodown.autoconfigure;

import java.beans.PropertyDescriptor;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.BeanUtils;
import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reference lists every property, as the configuration metadata generated from
 * {@link DynamoDownProperties} knows them, with the default the metadata states, and no property
 * that does not exist: {@code docs/reference/spring-boot.md}, whose property tables have one row
 * per property, {@code | `name` | default | meaning |}. The entries of a map of groups (such as
 * {@code dynamodown.namespaces}) are listed as {@code dynamodown.namespaces.<name>.table}.
 */
class DynamoDownPropertiesReferenceTests {

	private static final String METADATA = "META-INF/spring-configuration-metadata.json";

	private static final Pattern ROW = Pattern.compile("^\\| `([a-z][a-z0-9.<>-]*)` \\| ([^|]*) \\|", Pattern.MULTILINE);

	private static final Pattern MAP_OF_GROUPS = Pattern.compile("java\\.util\\.Map<java\\.lang\\.String,(dev\\.dynamodown\\.[\\w.$]+)>");

	@Test
	void everyPropertyIsDocumentedWithItsDefaultAndNothingElse() throws Exception {
		Map<String, String> documented = documentedDefaults();
		Map<String, String> properties = properties();
		assertThat(properties).as("the starter's properties").containsKeys("dynamodown.table",
				"dynamodown.client.api-call-timeout", "dynamodown.namespaces.<name>.value-type",
				"management.health.dynamodown.enabled");
		assertThat(documented.keySet()).as("the properties in docs/reference/spring-boot.md")
			.containsAll(properties.keySet());
		properties.forEach((name, defaultValue) -> {
			if (defaultValue != null) {
				assertThat(documented.get(name)).as("the default of %s", name).contains("`" + defaultValue + "`");
			}
		});
		// dynamodown-spring-data's one property is listed too, though its metadata is not on this class path.
		assertThat(documented.keySet()).as("documented properties that do not exist")
			.allMatch((name) -> properties.containsKey(name) || name.equals("dynamodown.repositories.enabled"));
	}

	/** The reference's property rows: name to the text of its default column. */
	private static Map<String, String> documentedDefaults() throws IOException {
		Path root = Path.of("").toAbsolutePath().getParent();
		assertThat(Files.readString(root.resolve("pom.xml"))).as("the repository's root pom")
			.contains("<artifactId>dynamodown-parent</artifactId>");
		Matcher rows = ROW.matcher(Files.readString(root.resolve("docs/reference/spring-boot.md")));
		Map<String, String> documented = new LinkedHashMap<>();
		while (rows.find()) {
			documented.put(rows.group(1), rows.group(2));
		}
		return documented;
	}

	/** Every dynamodown property the metadata on the class path names, with its default (or {@code null}). */
	private static Map<String, String> properties() throws Exception {
		Map<String, String> properties = new LinkedHashMap<>();
		for (URL url : Collections.list(DynamoDownPropertiesReferenceTests.class.getClassLoader().getResources(METADATA))) {
			JsonNode metadata;
			try (InputStream in = url.openStream()) {
				metadata = JsonMapper.builder().build().readTree(in);
			}
			for (JsonNode property : metadata.path("properties")) {
				String name = property.path("name").asString();
				if (!name.startsWith("dynamodown.") && !name.contains(".dynamodown.")) {
					continue;
				}
				Matcher map = MAP_OF_GROUPS.matcher(property.path("type").asString(""));
				if (map.matches()) {
					addGroupEntries(properties, name + ".<name>.", ClassUtils.forName(map.group(1), null));
				}
				else {
					JsonNode defaultValue = property.get("defaultValue");
					properties.put(name, (defaultValue != null) ? defaultValue.asString() : null);
				}
			}
		}
		return properties;
	}

	private static void addGroupEntries(Map<String, String> properties, String prefix, Class<?> group) {
		Object defaults = BeanUtils.instantiateClass(group);
		for (PropertyDescriptor descriptor : BeanUtils.getPropertyDescriptors(group)) {
			if (descriptor.getWriteMethod() != null) {
				Object value = ReflectionUtils.invokeMethod(descriptor.getReadMethod(), defaults);
				properties.put(prefix + kebab(descriptor.getName()),
						(value instanceof Class<?> type) ? type.getName() : (value != null) ? value.toString() : null);
			}
		}
	}

	private static String kebab(String camelCase) {
		return camelCase.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
	}

}
