package dev.dynamodown.data.aot;

import dev.dynamodown.data.repository.DynamoDownPartTreeQuery;
import org.jspecify.annotations.Nullable;

import org.springframework.aot.hint.MemberCategory;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;

/**
 * What dynamodown repositories create by reflection, for native images: the derived-query type,
 * whose constructor Spring Data KeyValue's repository factory looks up. The repository base
 * class and every repository's entity (bound for Jackson, which maps entities to items) are
 * registered per repository by Spring Data's own repository AOT processor, which the
 * repository configuration extension installs.
 */
class DynamoDownRepositoryRuntimeHints implements RuntimeHintsRegistrar {

	@Override
	public void registerHints(RuntimeHints hints, @Nullable ClassLoader classLoader) {
		hints.reflection().registerType(DynamoDownPartTreeQuery.class, MemberCategory.INVOKE_PUBLIC_CONSTRUCTORS);
	}

}
