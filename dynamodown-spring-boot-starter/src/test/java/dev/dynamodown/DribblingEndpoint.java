package dev.dynamodown;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A loopback endpoint that accepts every connection, reads the request and then answers one
 * byte per second: a connection that is never idle long enough for a socket timeout, yet
 * never completes a response. Only per-call and per-attempt timeouts end such a call. Closing
 * it closes every connection and stops its threads.
 */
public final class DribblingEndpoint implements AutoCloseable {

	private static final byte[] RESPONSE = ("HTTP/1.1 200 OK\r\nContent-Type: application/x-amz-json-1.0\r\n"
			+ "Content-Length: 100000\r\n\r\n" + "{}".repeat(50_000)).getBytes(StandardCharsets.US_ASCII);

	private final ServerSocket server;

	private final Set<Socket> connections = ConcurrentHashMap.newKeySet();

	public DribblingEndpoint() {
		try {
			this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		daemon("dribbling-endpoint", this::accept);
	}

	public URI uri() {
		return URI.create("http://127.0.0.1:" + this.server.getLocalPort());
	}

	private void accept() {
		while (!this.server.isClosed()) {
			try {
				Socket socket = this.server.accept();
				this.connections.add(socket);
				daemon("dribbling-connection", () -> dribble(socket));
			}
			catch (IOException closed) {
				return;
			}
		}
	}

	private void dribble(Socket socket) {
		try (socket; InputStream in = socket.getInputStream(); OutputStream out = socket.getOutputStream()) {
			in.read(new byte[8192]); // the request's start is enough: the answer never completes anyway
			for (byte b : RESPONSE) {
				out.write(b);
				out.flush();
				Thread.sleep(1000);
			}
		}
		catch (IOException | InterruptedException closed) {
			// the client gave up, or the endpoint was closed
		}
		finally {
			this.connections.remove(socket);
		}
	}

	private static void daemon(String name, Runnable task) {
		Thread thread = new Thread(task, name);
		thread.setDaemon(true);
		thread.start();
	}

	@Override
	public void close() throws IOException {
		this.server.close();
		for (Socket socket : this.connections) {
			socket.close();
		}
	}

}
