package dev.dynamodown.loopback;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The listening side of a loopback proxy: a server socket on a free port of 127.0.0.1 whose every accepted
 * connection gets its own daemon thread and is handed to a {@link Handler}, then closed when the handler
 * returns. Requests of one connection are therefore served one at a time, and a handler that holds its
 * thread (a latency, a stalled answer) delays no other connection.
 * <p>
 * {@link #close()} stops accepting, closes every client connection, interrupts the threads and waits up to
 * five seconds for them; a thread blocked on a connection to the server it proxies ends when that connection
 * answers or times out. Failures of the server or of a handler are kept in {@link #errors()}, except a
 * client hanging up ({@link SocketException}) and anything that happens once closing has begun: a correct
 * run has none.
 */
public final class LoopbackServer implements AutoCloseable {

	/** Serves one client connection until it is done with; the server closes the connection afterwards. */
	@FunctionalInterface
	public interface Handler {

		/**
		 * Serves the connection: reads its requests and answers them, then returns.
		 * @throws IOException if the connection fails, kept in {@link #errors()} unless the client hung up
		 */
		void serve(ClientConnection client) throws IOException;

	}

	private final Handler handler;

	private final ServerSocket server;

	private final ExecutorService threads;

	private final Set<Socket> open = ConcurrentHashMap.newKeySet();

	private final List<Throwable> errors = new CopyOnWriteArrayList<>();

	private volatile boolean closed;

	private LoopbackServer(String threadName, Handler handler) throws IOException {
		this.handler = handler;
		this.server = new ServerSocket(0, 256, InetAddress.getLoopbackAddress());
		this.threads = Executors.newCachedThreadPool((task) -> {
			Thread thread = new Thread(task, threadName);
			thread.setDaemon(true);
			return thread;
		});
		this.threads.execute(this::accept);
	}

	/**
	 * Starts accepting connections on a free loopback port.
	 * @param threadName the name of the server's threads
	 * @param handler serves each connection, on that connection's own thread
	 * @return the running server
	 * @throws IOException if no server socket can be opened
	 */
	public static LoopbackServer start(String threadName, Handler handler) throws IOException {
		Objects.requireNonNull(threadName, "'threadName' must not be null");
		Objects.requireNonNull(handler, "'handler' must not be null");
		return new LoopbackServer(threadName, handler);
	}

	/** Where clients connect: {@code http://127.0.0.1:port}. */
	public URI endpoint() {
		return URI.create("http://127.0.0.1:" + this.server.getLocalPort());
	}

	/** Failures of the server itself or of its handlers; a correct run has none. */
	public List<Throwable> errors() {
		return List.copyOf(this.errors);
	}

	@Override
	public void close() {
		this.closed = true;
		closeQuietly(this.server);
		for (Socket socket : this.open) {
			closeQuietly(socket);
		}
		this.threads.shutdownNow();
		try {
			this.threads.awaitTermination(5, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private void accept() {
		while (!this.closed) {
			try {
				Socket client = this.server.accept();
				this.open.add(client);
				this.threads.execute(() -> serve(client));
			}
			catch (IOException ex) {
				if (!this.closed) {
					this.errors.add(ex);
				}
				return;
			}
		}
	}

	private void serve(Socket client) {
		try (client) {
			client.setTcpNoDelay(true);
			this.handler.serve(new ClientConnection(client));
		}
		catch (SocketException ex) {
			// the client hung up (after its timeout, or on close), or the server is closing: nothing to report
		}
		catch (IOException | RuntimeException ex) {
			if (!this.closed) {
				this.errors.add(ex);
			}
		}
		finally {
			this.open.remove(client);
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
