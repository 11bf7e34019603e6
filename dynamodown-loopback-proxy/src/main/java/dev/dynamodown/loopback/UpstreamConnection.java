package dev.dynamodown.loopback;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * A proxy's connection to the server, kept alive between requests: requests go one at a time, each answered
 * in full before {@link #send} returns. Opened on first use, and opened again after the server closed it or
 * after it sat idle for a second (Node.js, which runs dynalite, drops idle connections after five seconds:
 * reusing one just then would lose the request). A request that fails closes the connection; no request is
 * ever sent twice. Not thread-safe: one client connection's thread uses it.
 */
public final class UpstreamConnection implements AutoCloseable {

	private static final long MAX_IDLE_NANOS = 1_000_000_000L;

	private static final int CONNECT_TIMEOUT_MILLIS = 5_000;

	private final InetSocketAddress server;

	private final int readTimeoutMillis;

	private @Nullable Socket socket;

	private HttpInput in = new HttpInput(InputStream.nullInputStream());

	private OutputStream out = OutputStream.nullOutputStream();

	private long lastUsed;

	/**
	 * A connection to be opened on the first request.
	 * @param server the server's address
	 * @param readTimeout how long an answer may take before the request fails: no answer of a local server
	 * takes that long, so a hung server fails the request instead of hanging it
	 */
	public UpstreamConnection(InetSocketAddress server, Duration readTimeout) {
		this.server = server;
		this.readTimeoutMillis = Math.toIntExact(readTimeout.toMillis());
	}

	/**
	 * Sends a request and reads the whole answer.
	 * @throws IOException if the connection fails, or the server closes it or takes longer than the read
	 * timeout before answering in full
	 */
	public HttpMessage send(HttpMessage request) throws IOException {
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
			socket.setSoTimeout(this.readTimeoutMillis);
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
