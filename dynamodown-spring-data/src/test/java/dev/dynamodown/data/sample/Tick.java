package dev.dynamodown.data.sample;

import org.springframework.data.annotation.Id;
import org.springframework.data.keyvalue.annotation.KeySpace;

/** Small items for scrolling through thousands of keys. */
@KeySpace("ticks")
public record Tick(@Id String key, int n) implements Ticked {

	public static String keyOf(int n) {
		return String.format("t%05d", n);
	}

}
