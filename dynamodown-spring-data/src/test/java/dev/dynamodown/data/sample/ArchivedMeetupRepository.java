package dev.dynamodown.data.sample;

import org.springframework.data.repository.ListCrudRepository;

public interface ArchivedMeetupRepository extends ListCrudRepository<ArchivedMeetup, String> {

}
