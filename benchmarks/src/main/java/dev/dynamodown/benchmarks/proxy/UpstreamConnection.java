package dev.dynamodown.benchmarks.proxy;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;

import org.jspecify.annotations.Nullable;

/**
 * The proxy's keep-alive connection to the server for one client connection: requests go one at a time, as
 * they come from that client. Opened on first use, and opened again after the server closed it or after it
 * sat idle for a second (Node.js, which runs dynalite, drops idle connections after five seconds: reusing
 * one just then would lose the request). Not thread-safe: one client connection's thread uses it.
 */
final class UpstreamConnection implements AutoCloseable {

	private static final long MAX_IDLE_NANOS = 1_000_000_000L;

	private static final int CONNECT_TIMEOUT_MILLIS = 5_000;

	/** No answer of a local server takes this long; a hung server fails the request instead of hanging it. */
	private static final int READ_TIMEOUT_MILLIS = 60_000;

	private final InetSocketAddress server;

	private @Nullable Socket socket;

	private HttpInput in = new HttpInput(InputStream.nullInputStream());

	private OutputStream out = OutputStream.nullOutputStream();

	private long lastUsed;

	UpstreamConnection(InetSocketAddress server) {
		this.server = server;
	}

	/** Sends a request and reads the whole answer. */
	HttpMessage send(HttpMessage request) throws IOException {
		if (this.socket == null || System.nanoTime() - this.lastUsed > MAX_IDLE_NANOS) {
			open();
		}
		try {
			request.write(this.out);
			HttpMessage answer = HttpMessage.readResponse(this.in);
			this.lastUsed = System.nanoTime();
			if (answer.closes()) {
				close();
			}
			return answer;
		}
		catch (IOException | RuntimeException ex) {
			close();
			throw ex;
		}
	}

	private void open() throws IOException {
		close();
		Socket socket = new Socket();
		try {
			socket.connect(this.server, CONNECT_TIMEOUT_MILLIS);
			socket.setSoTimeout(READ_TIMEOUT_MILLIS);
			socket.setTcpNoDelay(true);
			this.in = new HttpInput(socket.getInputStream());
			this.out = new BufferedOutputStream(socket.getOutputStream(), 64 * 1024);
			this.socket = socket;
		}
		catch (IOException ex) {
			socket.close();
			throw ex;
		}
	}

	@Override
	public void close() {
		Socket socket = this.socket;
		this.socket = null;
		if (socket != null) {
			try {
				socket.close();
			}
			catch (IOException ex) {
				// closing anyway
			}
		}
	}

}
