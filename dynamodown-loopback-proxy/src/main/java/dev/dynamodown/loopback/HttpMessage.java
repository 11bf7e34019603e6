package dev.dynamodown.loopback;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * One HTTP/1.1 request or response as a loopback proxy relays it: start line, headers in their order, and
 * the whole body (read by {@code Content-Length} or de-chunked, written with {@code Content-Length}).
 * Immutable: the {@code with*} methods return a changed copy (the body array is shared, never written to).
 * Only what the AWS SDK and dynalite exchange is supported (no pipelining: one request at a time per
 * connection); anything else fails loudly rather than being mangled.
 */
public final class HttpMessage {

	private static final byte[] CONTINUE = "HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1);

	private final String startLine;

	private final List<String[]> headers;

	private final byte[] body;

	private HttpMessage(String startLine, List<String[]> headers, byte[] body) {
		this.startLine = startLine;
		this.headers = headers;
		this.body = body;
	}

	/** A response the proxy makes up itself, sent with {@code Content-Length}. */
	public static HttpMessage response(int status, String reason, List<String[]> headers, byte[] body) {
		List<String[]> all = new ArrayList<>(headers);
		all.add(new String[] { "Content-Length", Integer.toString(body.length) });
		return new HttpMessage("HTTP/1.1 " + status + " " + reason, all, body);
	}

	/**
	 * Reads one request, answering {@code Expect: 100-continue} before its body.
	 * @return the request, or {@code null} if the client closed the connection before its first byte
	 * @throws IOException if the stream fails or ends inside the message
	 */
	static @Nullable HttpMessage readRequest(HttpInput in, OutputStream out) throws IOException {
		HttpMessage head = readHead(in);
		if (head == null) {
			return null;
		}
		if ("100-continue".equalsIgnoreCase(head.header("Expect"))) {
			out.write(CONTINUE);
			out.flush();
		}
		return head.withBody(readBody(head, in));
	}

	/**
	 * Reads one response.
	 * @throws IOException if the stream fails, or ends before or inside the message
	 */
	static HttpMessage readResponse(HttpInput in) throws IOException {
		HttpMessage head = readHead(in);
		if (head == null) {
			throw new EOFException("The server closed the connection without answering");
		}
		return new HttpMessage(head.startLine, head.headers, readBody(head, in));
	}

	/** The status code of a response. */
	public int status() {
		return Integer.parseInt(this.startLine.split(" ", 3)[1]);
	}

	/** The whole body (de-chunked): the message's own array, not to be written to. */
	public byte[] body() {
		return this.body;
	}

	/** A header's value (names compare case-insensitively), or {@code null}. */
	public @Nullable String header(String name) {
		for (String[] header : this.headers) {
			if (header[0].equalsIgnoreCase(name)) {
				return header[1];
			}
		}
		return null;
	}

	/** Whether the sender asked to close the connection after this message. */
	public boolean closes() {
		return "close".equalsIgnoreCase(header("Connection"));
	}

	/** This message with another body, sent with {@code Content-Length}. */
	public HttpMessage withBody(byte[] newBody) {
		List<String[]> kept = new ArrayList<>(this.headers.size() + 1);
		for (String[] header : this.headers) {
			String name = header[0].toLowerCase(Locale.ROOT);
			if (!name.equals("content-length") && !name.equals("transfer-encoding") && !name.equals("expect")) {
				kept.add(header);
			}
		}
		kept.add(new String[] { "Content-Length", Integer.toString(newBody.length) });
		return new HttpMessage(this.startLine, kept, newBody);
	}

	/** This message with a header replaced (or added). */
	public HttpMessage withHeader(String name, String value) {
		List<String[]> kept = new ArrayList<>(this.headers.size() + 1);
		for (String[] header : this.headers) {
			if (!header[0].equalsIgnoreCase(name)) {
				kept.add(header);
			}
		}
		kept.add(new String[] { name, value });
		return new HttpMessage(this.startLine, kept, this.body);
	}

	/** This message without a header. */
	public HttpMessage withoutHeader(String name) {
		List<String[]> kept = new ArrayList<>(this.headers);
		kept.removeIf((header) -> header[0].equalsIgnoreCase(name));
		return new HttpMessage(this.startLine, kept, this.body);
	}

	/** Writes the whole message and flushes. */
	void write(OutputStream out) throws IOException {
		StringBuilder head = new StringBuilder(128 + 40 * this.headers.size()).append(this.startLine).append("\r\n");
		for (String[] header : this.headers) {
			head.append(header[0]).append(": ").append(header[1]).append("\r\n");
		}
		head.append("\r\n");
		out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
		out.write(this.body);
		out.flush();
	}

	private static @Nullable HttpMessage readHead(HttpInput in) throws IOException {
		String startLine = in.readLine(true);
		if (startLine == null) {
			return null;
		}
		List<String[]> headers = new ArrayList<>(16);
		for (String line = line(in); !line.isEmpty(); line = line(in)) {
			int colon = line.indexOf(':');
			if (colon <= 0) {
				throw new IOException("Malformed header line: " + line);
			}
			headers.add(new String[] { line.substring(0, colon).trim(), line.substring(colon + 1).trim() });
		}
		return new HttpMessage(startLine, headers, new byte[0]);
	}

	private static byte[] readBody(HttpMessage head, HttpInput in) throws IOException {
		if ("chunked".equalsIgnoreCase(head.header("Transfer-Encoding"))) {
			return readChunked(in);
		}
		String length = head.header("Content-Length");
		return (length != null) ? in.readBytes(Integer.parseInt(length)) : new byte[0];
	}

	private static byte[] readChunked(HttpInput in) throws IOException {
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		while (true) {
			String sizeLine = line(in);
			int semicolon = sizeLine.indexOf(';');
			int size = Integer.parseInt((semicolon >= 0) ? sizeLine.substring(0, semicolon).trim() : sizeLine.trim(), 16);
			if (size == 0) {
				while (!line(in).isEmpty()) {
					// trailers: none expected, skipped
				}
				return body.toByteArray();
			}
			body.write(in.readBytes(size));
			line(in);
		}
	}

	/** A line inside a message, where the stream may not end. */
	private static String line(HttpInput in) throws IOException {
		return Objects.requireNonNull(in.readLine(false));
	}

}
