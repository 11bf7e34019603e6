package dev.dynamodown.reliability;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.jspecify.annotations.Nullable;

/**
 * A loopback TCP proxy in front of an endpoint that can be switched, at any moment, between
 * forwarding, black-holing (connections are accepted but nothing is ever read or answered) and
 * refusing (nothing listens on its port: connections are refused). Switching closes every
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
		REFUSE

	}

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

	private static void closeQuietly(AutoCloseable closeable) {
		try {
			closeable.close();
		}
		catch (Exception ex) {
			// closing anyway
		}
	}

}
