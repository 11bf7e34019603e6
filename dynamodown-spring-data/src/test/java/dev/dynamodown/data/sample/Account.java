package dev.dynamodown.data.sample;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.keyvalue.annotation.KeySpace;

/**
 * A record with a {@code @Version}: saved and deleted with optimistic locking.
 *
 * @param key the key
 * @param version the version, {@code null} until first saved
 * @param balance what it holds
 */
@KeySpace("accounts")
public record Account(@Id String key, @Version Long version, long balance) {

	public Account withBalance(long balance) {
		return new Account(this.key, this.version, balance);
	}

}
