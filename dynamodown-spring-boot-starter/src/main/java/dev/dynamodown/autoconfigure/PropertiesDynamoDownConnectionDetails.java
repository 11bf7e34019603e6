package dev.dynamodown.autoconfigure;

import java.net.URI;

import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

import org.springframework.util.Assert;
import org.springframework.util.StringUtils;

/**
 * Adapts {@link DynamoDownProperties} to {@link DynamoDownConnectionDetails}.
 */
public class PropertiesDynamoDownConnectionDetails implements DynamoDownConnectionDetails {

	private final DynamoDownProperties properties;

	public PropertiesDynamoDownConnectionDetails(DynamoDownProperties properties) {
		Assert.notNull(properties, "'properties' must not be null");
		this.properties = properties;
	}

	@Override
	public @Nullable URI getEndpoint() {
		return this.properties.getEndpoint();
	}

	@Override
	public @Nullable Region getRegion() {
		String region = this.properties.getRegion();
		return StringUtils.hasText(region) ? Region.of(region) : null;
	}

	/**
	 * Static credentials when both keys are set.
	 * @throws IllegalStateException if only one of the keys is set
	 */
	@Override
	public @Nullable AwsCredentialsProvider getCredentialsProvider() {
		DynamoDownProperties.Credentials credentials = this.properties.getCredentials();
		boolean hasAccessKey = StringUtils.hasText(credentials.getAccessKey());
		boolean hasSecretKey = StringUtils.hasText(credentials.getSecretKey());
		Assert.state(hasAccessKey == hasSecretKey, "'" + DynamoDownProperties.PREFIX
				+ ".credentials.access-key' and '" + DynamoDownProperties.PREFIX
				+ ".credentials.secret-key' must be set together");
		if (!hasAccessKey) {
			return null;
		}
		return StaticCredentialsProvider
			.create(AwsBasicCredentials.create(credentials.getAccessKey(), credentials.getSecretKey()));
	}

}
