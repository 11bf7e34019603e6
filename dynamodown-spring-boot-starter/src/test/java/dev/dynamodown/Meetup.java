package dev.dynamodown;

/** A value type stored as JSON by the tests. */
public record Meetup(String name, int memberCount) {
}
