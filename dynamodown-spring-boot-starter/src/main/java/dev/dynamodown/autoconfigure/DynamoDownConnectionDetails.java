package dev.dynamodown.autoconfigure;

import java.net.URI;

import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.regions.Region;

import org.springframework.boot.autoconfigure.service.connection.ConnectionDetails;

/**
 * Where the auto-configured {@code DynamoDbClient} connects, and as whom. Provided from
 * {@code dynamodown.*} properties unless the application, the embedded dynalite or a
 * Testcontainers {@code @ServiceConnection} defines one.
 */
public interface DynamoDownConnectionDetails extends ConnectionDetails {

	/**
	 * Endpoint to send requests to.
	 * @return the endpoint, or {@code null} for the region's AWS endpoint
	 */
	@Nullable URI getEndpoint();

	/**
	 * Region to sign requests for.
	 * @return the region, or {@code null} for the AWS SDK's default region provider chain
	 */
	@Nullable Region getRegion();

	/**
	 * Credentials to sign requests with.
	 * @return the credentials provider, or {@code null} for the AWS SDK's default
	 * credentials provider chain
	 */
	@Nullable AwsCredentialsProvider getCredentialsProvider();

}
