package dev.dynamodown;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;
import software.amazon.awssdk.http.async.SdkAsyncHttpClient;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;

/**
 * Keeps the AWS SDK's shared Netty event loops open for the whole test run. Every context of these
 * tests builds a {@code DynamoDbAsyncClient} on Netty, which shares the SDK's event loops with the
 * other Netty clients of the JVM; when the last one closes, the SDK shuts them down and waits two
 * seconds of quiet first. Holding one client open from the first test to the last makes each
 * context close at once, as it does in an application, where that wait comes once, at shutdown.
 * Registered through {@code META-INF/services}.
 */
public final class SharedNettyEventLoops implements LauncherSessionListener {

	private SdkAsyncHttpClient holder;

	@Override
	public void launcherSessionOpened(LauncherSession session) {
		this.holder = NettyNioAsyncHttpClient.create();
	}

	@Override
	public void launcherSessionClosed(LauncherSession session) {
		if (this.holder != null) {
			this.holder.close();
		}
	}

}
