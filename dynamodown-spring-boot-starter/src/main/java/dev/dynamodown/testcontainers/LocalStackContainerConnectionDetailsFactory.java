package dev.dynamodown.testcontainers;

import java.net.URI;

import dev.dynamodown.autoconfigure.DynamoDownConnectionDetails;
import org.testcontainers.localstack.LocalStackContainer;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

import org.springframework.boot.testcontainers.service.connection.ContainerConnectionDetailsFactory;
import org.springframework.boot.testcontainers.service.connection.ContainerConnectionSource;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;

/**
 * {@link ContainerConnectionDetailsFactory} to create {@link DynamoDownConnectionDetails}
 * from a {@link ServiceConnection @ServiceConnection}-annotated
 * {@link LocalStackContainer}: its endpoint, region and credentials.
 */
class LocalStackContainerConnectionDetailsFactory
		extends ContainerConnectionDetailsFactory<LocalStackContainer, DynamoDownConnectionDetails> {

	LocalStackContainerConnectionDetailsFactory() {
		super(ANY_CONNECTION_NAME, "software.amazon.awssdk.services.dynamodb.DynamoDbClient");
	}

	@Override
	protected DynamoDownConnectionDetails getContainerConnectionDetails(
			ContainerConnectionSource<LocalStackContainer> source) {
		return new LocalStackContainerConnectionDetails(source);
	}

	/**
	 * {@link DynamoDownConnectionDetails} backed by a {@link ContainerConnectionSource}.
	 */
	private static final class LocalStackContainerConnectionDetails extends
			ContainerConnectionDetails<LocalStackContainer> implements DynamoDownConnectionDetails {

		private LocalStackContainerConnectionDetails(ContainerConnectionSource<LocalStackContainer> source) {
			super(source);
		}

		@Override
		public URI getEndpoint() {
			return getContainer().getEndpoint();
		}

		@Override
		public Region getRegion() {
			return Region.of(getContainer().getRegion());
		}

		@Override
		public AwsCredentialsProvider getCredentialsProvider() {
			LocalStackContainer container = getContainer();
			return StaticCredentialsProvider
				.create(AwsBasicCredentials.create(container.getAccessKey(), container.getSecretKey()));
		}

	}

}
