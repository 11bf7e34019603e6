package dev.dynamodown.testcontainers;

import dev.dynamodown.DynamoDown;
import dev.dynamodown.SortedKeyValueTemplate;
import dev.dynamodown.autoconfigure.DynamoDownAutoConfiguration;
import dev.dynamodown.autoconfigure.DynamoDownConnectionDetails;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.localstack.LocalStackContainer;
import org.testcontainers.utility.DockerImageName;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.context.annotation.Configuration;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link LocalStackContainerConnectionDetailsFactory} with a real LocalStack container.
 * These machines have no Docker engine, so this class is skipped here
 * ({@code disabledWithoutDocker}); it runs wherever Docker is available. The mapping itself
 * is tested without Docker in {@link LocalStackContainerConnectionDetailsFactoryTests}.
 */
@SpringJUnitConfig
@Testcontainers(disabledWithoutDocker = true)
@TestPropertySource(properties = { "dynamodown.table=app-data", "dynamodown.create-tables=true",
		"dynamodown.namespaces.notes.value-type=java.lang.String" })
class LocalStackContainerConnectionDetailsFactoryIntegrationTests {

	@Container
	@ServiceConnection
	static final LocalStackContainer localstack = new LocalStackContainer(
			DockerImageName.parse("localstack/localstack:4.4"))
		.withServices("dynamodb");

	@Autowired
	private DynamoDownConnectionDetails connectionDetails;

	@Autowired
	private DynamoDown dynamoDown;

	@Autowired
	private SortedKeyValueTemplate<String> notes;

	@Test
	void storesThroughLocalStack() {
		assertThat(this.connectionDetails.getEndpoint()).isEqualTo(localstack.getEndpoint());
		assertThat(this.dynamoDown.client().serviceClientConfiguration().endpointOverride())
			.contains(localstack.getEndpoint());
		this.notes.put("first", "stored in LocalStack");
		assertThat(this.notes.get("first")).contains("stored in LocalStack");
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration(DynamoDownAutoConfiguration.class)
	static class Config {

	}

}
