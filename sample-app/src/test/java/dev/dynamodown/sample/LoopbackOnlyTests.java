package dev.dynamodown.sample;

import java.net.InetAddress;

import org.apache.catalina.connector.Connector;
import org.apache.coyote.AbstractProtocol;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample is not open to the network by default: Tomcat is bound to 127.0.0.1
 * ({@code server.address} in {@code application.yml}), so the machine's other addresses refuse
 * connections while loopback accepts them.
 */
@SampleAppTest
class LoopbackOnlyTests {

	@LocalServerPort
	int port;

	@Autowired
	WebServerApplicationContext context;

	@Test
	void listensOnLoopbackOnly() throws Exception {
		Connector connector = ((TomcatWebServer) this.context.getWebServer()).getTomcat().getConnector();
		InetAddress bound = ((AbstractProtocol<?>) connector.getProtocolHandler()).getAddress();
		assertThat(bound).isNotNull();
		assertThat(bound.getHostAddress()).isEqualTo("127.0.0.1");

		assertThat(Listening.accepts(InetAddress.getLoopbackAddress(), this.port)).isTrue();
		for (InetAddress address : Listening.networkAddresses()) {
			assertThat(Listening.accepts(address, this.port)).as("port %d at %s", this.port, address).isFalse();
		}
	}

}
