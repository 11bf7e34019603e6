package dev.dynamodown.data.sample;

import org.springframework.data.annotation.Id;
import org.springframework.data.keyvalue.annotation.KeySpace;

@KeySpace("meetups")
public record Meetup(@Id String key, String name, String city, int members) {

	public static Meetup of(String key, String city) {
		return new Meetup(key, "Meetup " + key, city, key.length());
	}

}
