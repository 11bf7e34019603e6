package dev.dynamodown.reliability;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.jspecify.annotations.Nullable;

/**
 * A loopback TCP proxy in front of an endpoint that can be switched, at any moment, between
 * forwarding, black-holing (connections are accepted but nothing is ever read or answered),
 * refusing (nothing listens on its port: connections are refused) and answering every request
 * with a signature error that echoes the request's secrets. Switching closes every
 * connection made before, so that a client's pooled connections cannot outlive the switch.
 * The port stays the same across switches.
 */
final class TogglingProxy implements AutoCloseable {

	/** What the proxy does with connections. */
	enum Mode {

		/** Bytes flow both ways to and from the upstream. */
		FORWARD,

		/** Connections are accepted and then ignored: requests wait until their timeout. */
		BLACK_HOLE,

		/** Nothing listens: connections are refused. */
		REFUSE,

		/**
		 * Every request is answered as AWS answers credentials it refuses: HTTP 400
		 * {@code InvalidSignatureException}, its message echoing the request's secrets (see
		 * {@link TogglingProxy#signatureError}).
		 */
		SIGNATURE_ERROR

	}

	/** Shaped like an AWS secret access key; the {@link Mode#SIGNATURE_ERROR} answers carry it. */
	static final String PLANTED_SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYzPlantedKEY";

	private final InetSocketAddress upstream;

	private final int port;

	private final ExecutorService threads = Executors.newCachedThreadPool((task) -> {
		Thread thread = new Thread(task, "toggling-proxy");
		thread.setDaemon(true);
		return thread;
	});

	private final Set<Socket> connections = ConcurrentHashMap.newKeySet();

	private volatile Mode mode = Mode.FORWARD;

	private @Nullable ServerSocket server;

	TogglingProxy(URI upstream) {
		this.upstream = new InetSocketAddress(upstream.getHost(), upstream.getPort());
		this.server = listen(0);
		this.port = this.server.getLocalPort();
	}

	URI endpoint() {
		return URI.create("http://127.0.0.1:" + this.port);
	}

	Mode mode() {
		return this.mode;
	}

	/** Switches the mode; every connection made before is closed. */
	synchronized void switchTo(Mode mode) {
		this.mode = mode;
		for (Socket connection : this.connections) {
			closeQuietly(connection);
		}
		if (mode == Mode.REFUSE && this.server != null) {
			closeQuietly(this.server);
			this.server = null;
		}
		else if (mode != Mode.REFUSE && this.server == null) {
			this.server = listen(this.port);
		}
	}

	@Override
	public synchronized void close() {
		if (this.server != null) {
			closeQuietly(this.server);
			this.server = null;
		}
		this.connections.forEach(TogglingProxy::closeQuietly);
		this.threads.shutdownNow();
	}

	private ServerSocket listen(int port) {
		try {
			ServerSocket socket = new ServerSocket();
			socket.setReuseAddress(true);
			socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
			this.threads.execute(() -> accept(socket));
			return socket;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot listen on 127.0.0.1:" + port, ex);
		}
	}

	private void accept(ServerSocket socket) {
		while (!socket.isClosed()) {
			try {
				Socket client = socket.accept();
				this.connections.add(client);
				if (this.mode == Mode.FORWARD) {
					Socket target = new Socket();
					target.connect(this.upstream, 2_000);
					this.connections.add(target);
					this.threads.execute(() -> pump(client, target));
					this.threads.execute(() -> pump(target, client));
				}
				else if (this.mode == Mode.SIGNATURE_ERROR) {
					this.threads.execute(() -> answerSignatureErrors(client));
				}
				// BLACK_HOLE: keep the connection open and never read from it
			}
			catch (IOException ex) {
				return; // closed by switchTo or close
			}
		}
	}

	private void pump(Socket from, Socket to) {
		try {
			InputStream in = from.getInputStream();
			OutputStream out = to.getOutputStream();
			byte[] buffer = new byte[8192];
			for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
				out.write(buffer, 0, read);
				out.flush();
			}
		}
		catch (IOException ex) {
			// one side closed: close both below
		}
		finally {
			closeQuietly(from);
			closeQuietly(to);
			this.connections.remove(from);
			this.connections.remove(to);
		}
	}

	/** Answers each request of a connection (HTTP/1.1, bodies with Content-Length) with {@link #signatureError}. */
	private void answerSignatureErrors(Socket client) {
		try {
			InputStream in = new BufferedInputStream(client.getInputStream());
			OutputStream out = client.getOutputStream();
			for (Map<String, String> headers = readHead(in); headers != null; headers = readHead(in)) {
				in.readNBytes(Integer.parseInt(headers.getOrDefault("content-length", "0")));
				byte[] body = signatureError(headers).getBytes(StandardCharsets.UTF_8);
				out.write(("HTTP/1.1 400 Bad Request\r\nContent-Type: application/x-amz-json-1.0\r\n"
						+ "x-amzn-RequestId: " + UUID.randomUUID() + "\r\nContent-Length: " + body.length + "\r\n\r\n")
					.getBytes(StandardCharsets.US_ASCII));
				out.write(body);
				out.flush();
			}
		}
		catch (IOException ex) {
			// the client hung up, or the mode was switched
		}
		finally {
			closeQuietly(client);
			this.connections.remove(client);
		}
	}

	/** The request's headers, names in lower case, or {@code null} at the end of the stream. */
	private static @Nullable Map<String, String> readHead(InputStream in) throws IOException {
		Map<String, String> headers = new HashMap<>();
		StringBuilder line = new StringBuilder();
		boolean startLine = true;
		for (int read = in.read(); read >= 0; read = in.read()) {
			if (read != '\n') {
				if (read != '\r') {
					line.append((char) read);
				}
				continue;
			}
			if (line.isEmpty()) {
				return headers;
			}
			int colon = line.indexOf(":");
			if (!startLine && colon > 0) {
				headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
			}
			startLine = false;
			line.setLength(0);
		}
		return null;
	}

	/**
	 * The JSON body of an {@code InvalidSignatureException} as AWS words it, quoting the canonical
	 * request (with the request's {@code x-amz-security-token}), and then what a careless endpoint
	 * could add: the request's {@code Authorization} header (access key id, signature), a principal
	 * ARN and {@link #PLANTED_SECRET}.
	 */
	static String signatureError(Map<String, String> headers) {
		String authorization = headers.getOrDefault("authorization", "");
		String message = "The request signature we calculated does not match the signature you provided. Check your AWS "
				+ "Secret Access Key and signing method. Consult the service documentation for details.\n\nThe Canonical "
				+ "String for this request should have been\n'POST\n/\n\nhost:" + headers.get("host")
				+ "\nx-amz-security-token:" + headers.get("x-amz-security-token") + "\nx-amz-target:"
				+ headers.get("x-amz-target") + "\n'\n\nSent: " + authorization + " by arn:aws:sts::123456789012:"
				+ "assumed-role/app/" + authorization.replaceFirst(".*Credential=([^/]*)/.*", "$1") + " with "
				+ PLANTED_SECRET + " and " + headers.get("x-amz-security-token");
		return "{\"__type\":\"com.amazon.coral.service#InvalidSignatureException\",\"message\":\""
				+ message.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"}";
	}

	private static void closeQuietly(AutoCloseable closeable) {
		try {
			closeable.close();
		}
		catch (Exception ex) {
			// closing anyway
		}
	}

}
