package dev.dynamodown.data.sample;

import org.springframework.data.repository.ListCrudRepository;

public interface CounterRepository extends ListCrudRepository<Counter, String> {

}
