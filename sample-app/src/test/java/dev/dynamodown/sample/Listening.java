package dev.dynamodown.sample;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.util.List;

/**
 * Where a port on this machine accepts connections: on loopback, and on the machine's other
 * addresses (those of its network interfaces that are up), which the network reaches.
 */
public final class Listening {

	private Listening() {
	}

	/** Every address of this machine that is not a loopback address. */
	public static List<InetAddress> networkAddresses() throws SocketException {
		return NetworkInterface.networkInterfaces()
			.filter(Listening::isUp)
			.flatMap(NetworkInterface::inetAddresses)
			.filter((address) -> !address.isLoopbackAddress())
			.toList();
	}

	/** Whether a TCP connection to the port at that address is accepted within 2 s. */
	public static boolean accepts(InetAddress address, int port) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(address, port), 2_000);
			return true;
		}
		catch (IOException refusedOrUnreachable) {
			return false;
		}
	}

	private static boolean isUp(NetworkInterface network) {
		try {
			return network.isUp();
		}
		catch (SocketException ex) {
			return false;
		}
	}

}
