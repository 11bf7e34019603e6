package dev.dynamodown.loopback;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;

import org.jspecify.annotations.Nullable;

/**
 * A client's connection to a {@link LoopbackServer}, as its handler sees it: the client's requests one at a
 * time, the proxy's answers, and the two ways a proxy can leave a client without one (a reset, or silence
 * until the client gives up). Not thread-safe: the connection's own thread uses it.
 */
public final class ClientConnection {

	private final Socket socket;

	private final HttpInput in;

	private final OutputStream out;

	ClientConnection(Socket socket) throws IOException {
		this.socket = socket;
		this.in = new HttpInput(socket.getInputStream());
		this.out = new BufferedOutputStream(socket.getOutputStream(), 64 * 1024);
	}

	/**
	 * Reads the client's next request, answering {@code Expect: 100-continue} before its body.
	 * @return the request, or {@code null} if the client closed the connection before its first byte
	 * @throws IOException if the connection fails or ends inside the request
	 */
	public @Nullable HttpMessage nextRequest() throws IOException {
		return HttpMessage.readRequest(this.in, this.out);
	}

	/** Sends an answer to the client, flushed. */
	public void send(HttpMessage answer) throws IOException {
		answer.write(this.out);
	}

	/** Closes the connection with a TCP reset (RST) instead of an orderly close. */
	public void reset() throws IOException {
		this.socket.setSoLinger(true, 0);
		this.socket.close();
	}

	/** Answers nothing more: returns once the client has given up and closed its end (or the server closes). */
	public void awaitClientClose() throws IOException {
		this.in.discardUntilEnd();
	}

}
