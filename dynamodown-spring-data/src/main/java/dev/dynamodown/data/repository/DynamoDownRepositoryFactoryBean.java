package dev.dynamodown.data.repository;

import org.springframework.data.keyvalue.core.KeyValueOperations;
import org.springframework.data.keyvalue.repository.support.KeyValueRepositoryFactory;
import org.springframework.data.keyvalue.repository.support.KeyValueRepositoryFactoryBean;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.RepositoryQuery;
import org.springframework.data.repository.query.parser.AbstractQueryCreator;

/**
 * Creates one dynamodown repository bean through a {@link DynamoDownRepositoryFactory}. Its
 * presence in a context also tells the auto-configuration that the application configured
 * repositories itself.
 *
 * @param <T> the repository type
 * @param <S> the entity type
 * @param <ID> the id type, {@code String}
 */
public class DynamoDownRepositoryFactoryBean<T extends Repository<S, ID>, S, ID>
		extends KeyValueRepositoryFactoryBean<T, S, ID> {

	/**
	 * Creates the factory bean of one repository interface.
	 * @param repositoryInterface the interface
	 */
	public DynamoDownRepositoryFactoryBean(Class<? extends T> repositoryInterface) {
		super(repositoryInterface);
	}

	@Override
	protected KeyValueRepositoryFactory createRepositoryFactory(KeyValueOperations operations,
			Class<? extends AbstractQueryCreator<?, ?>> queryCreator, Class<? extends RepositoryQuery> repositoryQueryType) {
		return new DynamoDownRepositoryFactory(operations, queryCreator, repositoryQueryType);
	}

}
