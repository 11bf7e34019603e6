package dev.dynamodown.autoconfigure;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Tests for {@link DynamoDownProperties}.
 */
class DynamoDownPropertiesTests {

	private final DynamoDownProperties properties = new DynamoDownProperties();

	@Test
	void credentialsNeverPrintTheSecretKey() {
		this.properties.getCredentials().setAccessKey("AKIDEXAMPLE");
		this.properties.getCredentials().setSecretKey("wJalrXUtnFEMI");
		assertThat(this.properties.getCredentials()).hasToString("Credentials[accessKey=AKIDEXAMPLE, secretKey=******]");
	}

	@Test
	void tablesAreTheDefaultAndEachNamespacesOwnOnce() {
		this.properties.setTable("app-data");
		this.properties.getNamespaces().put("meetups", new DynamoDownProperties.Namespace());
		DynamoDownProperties.Namespace notes = new DynamoDownProperties.Namespace();
		notes.setTable("notes-table");
		this.properties.getNamespaces().put("notes", notes);
		assertThat(this.properties.tables()).containsExactly("app-data", "notes-table");
		assertThat(this.properties.tableOf("meetups")).isEqualTo("app-data");
		assertThat(this.properties.tableOf("notes")).isEqualTo("notes-table");
	}

	@Test
	void aNamespaceWithoutAnyTableIsAnError() {
		this.properties.getNamespaces().put("meetups", new DynamoDownProperties.Namespace());
		assertThatIllegalStateException().isThrownBy(this.properties::tables)
			.withMessage("No table for namespace 'meetups': set dynamodown.namespaces.meetups.table or dynamodown.table");
	}

	@Test
	void theCachesLiveInTheirOwnTableOrTheDefaultOne() {
		assertThatIllegalStateException().isThrownBy(this.properties::cacheTable)
			.withMessage("No table for the caches: set dynamodown.cache.table or dynamodown.table");
		this.properties.setTable("app-data");
		assertThat(this.properties.cacheTable()).isEqualTo("app-data");
		assertThat(this.properties.tables()).containsExactly("app-data");
		this.properties.getCache().setTable("app-cache");
		assertThat(this.properties.cacheTable()).isEqualTo("app-cache");
		assertThat(this.properties.tables()).as("created and checked with the others").containsExactly("app-data",
				"app-cache");
	}

	@Test
	void defaults() {
		assertThat(this.properties.isCreateTables()).isFalse();
		assertThat(this.properties.isFailFast()).isFalse();
		assertThat(this.properties.getEmbedded().isEnabled()).isFalse();
		assertThat(this.properties.getEmbedded().getPort()).isZero();
		assertThat(this.properties.getHealth().getTimeout()).hasSeconds(2);
		assertThat(new DynamoDownProperties.Namespace().getValueType()).isEqualTo(String.class);
		assertThat(this.properties.tables()).isEmpty();
		assertThat(this.properties.getExpiryAttribute()).isEqualTo("expires");
		assertThat(this.properties.getCache().getNamespacePrefix()).isEqualTo("cache:");
		assertThat(this.properties.getCache().isCacheNullValues()).isTrue();
		assertThat(this.properties.getCache().getValueType()).isEqualTo(Object.class);
		assertThat(this.properties.getCache().getTimeToLive()).isNull();
	}

}
