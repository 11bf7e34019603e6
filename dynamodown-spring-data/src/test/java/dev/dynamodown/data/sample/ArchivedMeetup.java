package dev.dynamodown.data.sample;

import dev.dynamodown.data.DynamoDownTable;

import org.springframework.data.annotation.Id;
import org.springframework.data.keyvalue.annotation.KeySpace;

/** The same namespace name as {@link Meetup}, in another table. */
@DynamoDownTable("${sample.archive-table:archive}")
@KeySpace("meetups")
public record ArchivedMeetup(@Id String key, String name) {
}
