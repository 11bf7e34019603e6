package dev.dynamodown.data.sample;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.keyvalue.annotation.KeySpace;

/** A mutable class with a primitive {@code int} {@code @Version}: {@code 0} means never saved. */
@KeySpace("counters")
public class Counter {

	@Id
	private String key;

	@Version
	private int version;

	private int count;

	public Counter() {
	}

	public Counter(String key, int count) {
		this.key = key;
		this.count = count;
	}

	public String getKey() {
		return this.key;
	}

	public void setKey(String key) {
		this.key = key;
	}

	public int getVersion() {
		return this.version;
	}

	public void setVersion(int version) {
		this.version = version;
	}

	public int getCount() {
		return this.count;
	}

	public void setCount(int count) {
		this.count = count;
	}

}
