package dev.dynamodown.data.repository;

import dev.dynamodown.data.core.DynamoDownKeyValueTemplate;
import dev.dynamodown.data.query.DynamoDownQueryCreator;

import org.springframework.data.keyvalue.core.KeyValueOperations;
import org.springframework.data.keyvalue.repository.support.KeyValueRepositoryFactory;
import org.springframework.data.mapping.MappingException;
import org.springframework.data.repository.core.RepositoryMetadata;
import org.springframework.data.repository.query.RepositoryQuery;
import org.springframework.data.repository.query.parser.AbstractQueryCreator;

/**
 * Creates dynamodown repositories: Spring Data KeyValue's factory with {@link SimpleDynamoDownRepository}
 * as base class and {@link DynamoDownPartTreeQuery} for derived queries.
 * <p>
 * <b>Why extend Spring Data KeyValue rather than build on Spring Data Commons directly:</b> a
 * dynamodown namespace is a key-value store, the case KeyValue models (adapter, template, mapping
 * context, {@code @KeySpace}, repository events, Querydsl fragments). What it lacks is narrow and
 * each gap has an extension point: queries are evaluated by a pluggable {@code QueryEngine}
 * ({@code DynamoDownQueryEngine} reads key ranges instead of filtering a whole map), derived queries
 * by a pluggable {@code AbstractQueryCreator} and {@code RepositoryQuery} (key criteria pushed down,
 * keyset scrolling, slices, streams and deletes, which {@code KeyValuePartTreeQuery} does not
 * support), and the base repository class is replaceable (batches instead of one request per
 * entity). Building on Commons would re-implement the template, events and configuration for
 * no gain.
 * <p>
 * Every repository's entity is checked when the repository is created: it needs a {@code String}
 * {@code @Id} property that Jackson maps, a table, and the repository's id type must be
 * {@code String}; otherwise startup fails with a {@link MappingException} or
 * {@link IllegalArgumentException} naming what is wrong.
 */
public class DynamoDownRepositoryFactory extends KeyValueRepositoryFactory {

	private final DynamoDownKeyValueTemplate template;

	/**
	 * Creates a factory with dynamodown's query creator and query type.
	 * @param template the template the repositories use
	 */
	public DynamoDownRepositoryFactory(DynamoDownKeyValueTemplate template) {
		this(template, DynamoDownQueryCreator.class, DynamoDownPartTreeQuery.class);
	}

	/**
	 * Creates a factory.
	 * @param operations a {@link DynamoDownKeyValueTemplate}
	 * @param queryCreator the query creator type (dynamodown's query type creates its own
	 * {@link DynamoDownQueryCreator})
	 * @param repositoryQueryType the query type, normally {@link DynamoDownPartTreeQuery}
	 */
	public DynamoDownRepositoryFactory(KeyValueOperations operations,
			Class<? extends AbstractQueryCreator<?, ?>> queryCreator, Class<? extends RepositoryQuery> repositoryQueryType) {
		super(operations, queryCreator, repositoryQueryType);
		this.template = DynamoDownPartTreeQuery.requireTemplate(operations);
	}

	@Override
	protected Class<?> getRepositoryBaseClass(RepositoryMetadata metadata) {
		return SimpleDynamoDownRepository.class;
	}

	@Override
	protected void validate(RepositoryMetadata metadata) {
		Class<?> domainType = metadata.getDomainType();
		this.template.getKeyValueAdapter().verifyEntity(domainType);
		if (metadata.getIdType() != String.class) {
			throw new IllegalArgumentException("Repository " + metadata.getRepositoryInterface().getName()
					+ " declares id type " + metadata.getIdType().getName() + "; dynamodown keys are Strings");
		}
		super.validate(metadata);
	}

}
