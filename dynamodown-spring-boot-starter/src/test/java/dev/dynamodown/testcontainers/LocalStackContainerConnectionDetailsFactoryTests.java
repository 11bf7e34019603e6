package dev.dynamodown.testcontainers;

import java.lang.reflect.Constructor;
import java.net.URI;
import java.util.function.Supplier;

import dev.dynamodown.autoconfigure.DynamoDownConnectionDetails;
import org.apache.commons.logging.LogFactory;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.localstack.LocalStackContainer;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.regions.Region;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.autoconfigure.service.connection.ConnectionDetailsFactory;
import org.springframework.boot.origin.Origin;
import org.springframework.boot.testcontainers.service.connection.ContainerConnectionSource;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.core.annotation.MergedAnnotation;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.core.io.support.SpringFactoriesLoader.FailureHandler;
import org.springframework.util.ReflectionUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

/**
 * Tests for {@link LocalStackContainerConnectionDetailsFactory}'s mapping, without Docker:
 * the container is a stub that answers like a started LocalStack container.
 */
class LocalStackContainerConnectionDetailsFactoryTests {

	private final LocalStackContainerConnectionDetailsFactory factory = new LocalStackContainerConnectionDetailsFactory();

	@Test
	void mapsEndpointRegionAndCredentials() throws Exception {
		LocalStackContainer container = mock(LocalStackContainer.class);
		given(container.isRunning()).willReturn(true);
		given(container.getEndpoint()).willReturn(URI.create("http://127.0.0.1:32768"));
		given(container.getRegion()).willReturn("eu-central-1");
		given(container.getAccessKey()).willReturn("localstack-access");
		given(container.getSecretKey()).willReturn("localstack-secret");
		DynamoDownConnectionDetails details = this.factory
			.getConnectionDetails(source(LocalStackContainer.class, () -> container));
		assertThat(details).isNotNull();
		((InitializingBean) details).afterPropertiesSet();
		assertThat(details.getEndpoint()).isEqualTo(URI.create("http://127.0.0.1:32768"));
		assertThat(details.getRegion()).isEqualTo(Region.EU_CENTRAL_1);
		AwsCredentialsIdentity credentials = details.getCredentialsProvider().resolveIdentity().join();
		assertThat(credentials.accessKeyId()).isEqualTo("localstack-access");
		assertThat(credentials.secretAccessKey()).isEqualTo("localstack-secret");
	}

	@Test
	void ignoresOtherContainers() {
		@SuppressWarnings({ "rawtypes", "unchecked" })
		ContainerConnectionSource<LocalStackContainer> other = (ContainerConnectionSource) source(GenericContainer.class,
				() -> mock(GenericContainer.class));
		assertThat(this.factory.getConnectionDetails(other)).isNull();
	}

	@Test
	void isRegisteredAsAConnectionDetailsFactory() {
		// Other modules' factories on the test class path may need classes that are absent: not ours to check.
		assertThat(SpringFactoriesLoader.forDefaultResourceLocation()
			.load(ConnectionDetailsFactory.class, FailureHandler.logging(LogFactory.getLog(getClass()))))
			.hasAtLeastOneElementOfType(LocalStackContainerConnectionDetailsFactory.class);
	}

	/**
	 * A source as Spring Boot builds one for a {@code @ServiceConnection} field. Its
	 * constructor is package-private in Spring Boot, hence reflection.
	 */
	@SuppressWarnings({ "unchecked", "rawtypes" })
	private static <C extends GenericContainer<?>> ContainerConnectionSource<C> source(Class<C> type,
			Supplier<C> container) {
		try {
			Constructor<ContainerConnectionSource> constructor = ContainerConnectionSource.class.getDeclaredConstructor(
					String.class, Origin.class, Class.class, String.class, MergedAnnotation.class, Supplier.class,
					Class.forName("org.springframework.boot.testcontainers.service.connection.SslBundleSource"),
					org.springframework.core.annotation.MergedAnnotations.class);
			ReflectionUtils.makeAccessible(constructor);
			return constructor.newInstance("test", new Origin() {
			}, type, "localstack/localstack:4.4", MergedAnnotation.of(ServiceConnection.class), container, null, null);
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
